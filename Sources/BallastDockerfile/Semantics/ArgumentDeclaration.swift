/// Reads the names and defaults of an ARG instruction: `ARG NAME`, `ARG NAME=default`, several per line.
enum ArgumentDeclaration {
    /// Each declared name with its default, quotes removed; `nil` when there is no `=`.
    static func parse(_ instruction: Instruction) -> [(String, String?)] {
        instruction.arguments.words.map { word in
            guard let equals = word.value.firstIndex(of: "=") else { return (word.value, nil) }
            let value = String(word.value[word.value.index(after: equals)...])
            return (String(word.value[..<equals]), unquote(value))
        }
    }

    /// Removes shell quotes and backslash escapes from a word.
    static func unquote(_ text: String) -> String {
        var result = ""
        var quote: Character?
        var escaped = false
        for character in text {
            if escaped {
                result.append(character)
                escaped = false
            } else if character == "\\", quote != "'" {
                escaped = true
            } else if let open = quote {
                if character == open {
                    quote = nil
                } else {
                    result.append(character)
                }
            } else if character == "'" || character == "\"" {
                quote = character
            } else {
                result.append(character)
            }
        }
        return result
    }
}
