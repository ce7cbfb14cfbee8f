/// Finds the heredoc openers (`<<EOF`, `<<-EOF`, `<<"EOF"`, `2<<EOF`) among the shell words of a line.
///
/// Like BuildKit, a heredoc opener must be a word of its own: `cat <<EOF` opens one, `cat<<EOF` does not.
enum HeredocDetector {
    struct Opener: Equatable {
        var name: String
        var stripsTabs: Bool
        var expands: Bool
    }

    static func openers(in text: String) -> [Opener] {
        rawWords(Array(text.unicodeScalars)).compactMap(opener)
    }

    /// Splits on unquoted white space, keeping quotes and backslashes as written.
    static func rawWords(_ scalars: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        var words: [[Unicode.Scalar]] = []
        var word: [Unicode.Scalar] = []
        var quote: Unicode.Scalar?
        var inWord = false
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if let open = quote {
                word.append(scalar)
                if scalar == open {
                    quote = nil
                } else if scalar == "\\", open == "\"", index < scalars.count {
                    word.append(scalars[index])
                    index += 1
                }
                continue
            }
            if scalar == " " || scalar == "\t" || scalar == "\n" {
                if inWord {
                    words.append(word)
                }
                word = []
                inWord = false
                continue
            }
            inWord = true
            word.append(scalar)
            if scalar == "'" || scalar == "\"" {
                quote = scalar
            } else if scalar == "\\", index < scalars.count {
                word.append(scalars[index])
                index += 1
            }
        }
        if inWord {
            words.append(word)
        }
        return words
    }

    /// Matches `^[0-9]*<<(-?)([^<]*)$` and unquotes the delimiter.
    private static func opener(_ word: [Unicode.Scalar]) -> Opener? {
        var index = 0
        while index < word.count, word[index].properties.numericType == .decimal, word[index].isASCII {
            index += 1
        }
        guard index + 1 < word.count, word[index] == "<", word[index + 1] == "<" else { return nil }
        index += 2
        let stripsTabs = index < word.count && word[index] == "-"
        if stripsTabs {
            index += 1
        }
        let rest = Array(word[index...])
        guard !rest.isEmpty, !rest.contains("<") else { return nil }
        guard let name = unquote(rest), !name.isEmpty else { return nil }
        let quoted = rest.contains("'") || rest.contains("\"")
        return Opener(name: name, stripsTabs: stripsTabs, expands: !quoted)
    }

    /// Removes shell quoting from one word; `nil` when it is really several words or unbalanced.
    private static func unquote(_ word: [Unicode.Scalar]) -> String? {
        var result = String.UnicodeScalarView()
        var quote: Unicode.Scalar?
        var index = 0
        while index < word.count {
            let scalar = word[index]
            index += 1
            if let open = quote {
                if scalar == open {
                    quote = nil
                } else if scalar == "\\", open == "\"", index < word.count,
                    "\"\\$`".unicodeScalars.contains(word[index])
                {
                    result.append(word[index])
                    index += 1
                } else {
                    result.append(scalar)
                }
            } else if scalar == "'" || scalar == "\"" {
                quote = scalar
            } else if scalar == "\\", index < word.count {
                result.append(word[index])
                index += 1
            } else {
                result.append(scalar)
            }
        }
        return quote == nil ? String(result) : nil
    }
}
