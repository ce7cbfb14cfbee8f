/// Splits shell text into simple commands and their words, well enough to recognise package installs.
///
/// Commands are separated by `&&`, `||`, `;`, `|`, `&`, parentheses and newlines. Quotes are removed
/// from words; variables are left as written. This is not a full shell parser.
enum ShellCommands {
    static func commands(in script: String) -> [[String]] {
        var commands: [[String]] = []
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        var characters = Array(script)[...]

        func endWord() {
            if inWord {
                words.append(word)
            }
            word = ""
            inWord = false
        }
        func endCommand() {
            endWord()
            if !words.isEmpty {
                commands.append(words)
            }
            words = []
        }

        while let character = characters.popFirst() {
            if let open = quote {
                if character == open {
                    quote = nil
                } else if character == "\\", open == "\"", let next = characters.popFirst() {
                    word.append(next)
                } else {
                    word.append(character)
                }
                continue
            }
            switch character {
            case "'", "\"":
                quote = character
                inWord = true
            case "\\":
                if let next = characters.popFirst(), next != "\n" {
                    word.append(next)
                    inWord = true
                }
            case " ", "\t":
                endWord()
            case "\n", ";", "&", "|", "(", ")":
                endCommand()
            default:
                word.append(character)
                inWord = true
            }
        }
        endCommand()
        return commands
    }

    /// The commands a RUN instruction executes: its shell text, heredoc scripts, or `sh -c` in exec form.
    static func commands(of instruction: Instruction) -> [[String]] {
        var result: [[String]] = []
        switch instruction.arguments {
        case .text(let script):
            result = commands(in: script.value)
        case .exec(let words):
            let values = words.map(\.value)
            if values.count >= 3, ["sh", "bash", "/bin/sh", "/bin/bash"].contains(values[0]), values[1] == "-c" {
                result = commands(in: values[2])
            } else if !values.isEmpty {
                result = [values]
            }
        default:
            break
        }
        for heredoc in instruction.heredocs {
            result += commands(in: heredoc.content)
        }
        return result
    }

    /// The subcommand of a tool invocation: the first word after the tool that is not a flag.
    static func subcommand(_ command: [String]) -> String? {
        command.dropFirst().first { !$0.hasPrefix("-") }
    }
}
