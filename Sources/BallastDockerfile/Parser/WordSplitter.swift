/// Splits instruction arguments into words the way BuildKit's parser does before any expansion.
///
/// White space separates words except inside single or double quotes; quotes stay in the word.
/// The escape character keeps the next character (itself included) in the word, except inside
/// single quotes, and is dropped when it ends the text.
enum WordSplitter {
    static func words(_ line: LogicalLine, in range: Range<Int>, escape: Unicode.Scalar) -> [Token] {
        var tokens: [Token] = []
        var word = String.UnicodeScalarView()
        var spans: [Int] = []
        var quote: Unicode.Scalar?
        var inWord = false
        var blankAllowed = false
        var wordStart = range.lowerBound
        var index = range.lowerBound
        let end = range.upperBound

        func take(_ at: Int) {
            word.append(line.scalars[at])
            spans.append(at)
        }

        while index < end {
            let scalar = line.scalars[index]
            if !inWord {
                if scalar.properties.isWhitespace {
                    index += 1
                    continue
                }
                inWord = true
                wordStart = index
            }
            if let open = quote {
                if scalar == open {
                    quote = nil
                }
                if scalar == escape, open != "'" {
                    if index + 1 == end {
                        quote = nil
                        index += 1
                        continue
                    }
                    take(index)
                    index += 1
                }
                take(index)
                index += 1
                continue
            }
            if scalar.properties.isWhitespace {
                if blankAllowed || !word.isEmpty {
                    tokens.append(Token(value: String(word), span: wordStart..<index, scalarSpans: spans))
                }
                word = String.UnicodeScalarView()
                spans = []
                blankAllowed = false
                inWord = false
                index += 1
                continue
            }
            if scalar == "'" || scalar == "\"" {
                quote = scalar
                blankAllowed = true
            }
            if scalar == escape {
                if index + 1 == end {
                    index += 1
                    continue
                }
                take(index)
                index += 1
            }
            take(index)
            index += 1
        }
        if inWord, blankAllowed || !word.isEmpty {
            tokens.append(Token(value: String(word), span: wordStart..<end, scalarSpans: spans))
        }
        return tokens
    }
}
