/// Reads the `--name=value` flags at the start of an instruction's arguments, as BuildKit does.
///
/// Flags end at the first word that does not start with `--`; a bare `--` ends them and is dropped.
/// Quotes inside a flag are removed and a backslash escapes the next character.
enum FlagExtractor {
    /// The flags and the index where the remaining arguments start.
    static func extract(_ line: LogicalLine, in range: Range<Int>) -> (flags: [Token], rest: Int) {
        var flags: [Token] = []
        var word = String.UnicodeScalarView()
        var wordStart = range.lowerBound
        var inWord = false
        var quote: Unicode.Scalar?
        var blankAllowed = false
        var index = range.lowerBound
        let end = range.upperBound

        func finishWord(at stop: Int) {
            if String(word) != "--", blankAllowed || !word.isEmpty {
                flags.append(Token(value: String(word), span: wordStart..<stop))
            }
            word = String.UnicodeScalarView()
            blankAllowed = false
            inWord = false
        }

        while index < end {
            let scalar = line.scalars[index]
            if !inWord {
                if scalar.properties.isWhitespace {
                    index += 1
                    continue
                }
                guard scalar == "-", index + 1 < end, line.scalars[index + 1] == "-" else {
                    return (flags, index)
                }
                inWord = true
                wordStart = index
            }
            if let open = quote {
                if scalar == open {
                    quote = nil
                } else if scalar == "\\" {
                    if index + 1 < end {
                        index += 1
                        word.append(line.scalars[index])
                    } else {
                        quote = nil
                    }
                } else {
                    word.append(scalar)
                }
                index += 1
                continue
            }
            if scalar.properties.isWhitespace {
                if String(word) == "--" {
                    return (flags, index)
                }
                finishWord(at: index)
                index += 1
                continue
            }
            if scalar == "'" || scalar == "\"" {
                quote = scalar
                blankAllowed = true
            } else if scalar == "\\" {
                if index + 1 < end {
                    index += 1
                    word.append(line.scalars[index])
                }
            } else {
                word.append(scalar)
            }
            index += 1
        }
        if inWord {
            finishWord(at: end)
        }
        return (flags, end)
    }
}
