/// Prints a parse in the textual form of BuildKit's `Node.Dump`, used by its parser test suite.
///
/// One line per instruction: `(keyword ["--flag" …] "arg" …)`, the keyword lower-cased, strings
/// quoted as Go's `strconv.Quote` does. ONBUILD nests its instruction in parentheses.
public enum ParseTreeRenderer {
    /// The dump of a whole file, one line per instruction, ending with a newline.
    public static func render(_ dockerfile: Dockerfile) -> String {
        dockerfile.instructions.map { "(" + render($0) + ")\n" }.joined()
    }

    /// The dump of one instruction, without the surrounding parentheses.
    public static func render(_ instruction: Instruction) -> String {
        var parts = [instruction.keyword.lowercased()]
        if !instruction.flags.isEmpty {
            parts.append("[" + instruction.flags.map { quote($0.text) }.joined(separator: " ") + "]")
        }
        parts.append(contentsOf: arguments(instruction.arguments))
        return parts.joined(separator: " ")
    }

    private static func arguments(_ arguments: InstructionArguments) -> [String] {
        switch arguments {
        case .none:
            return []
        case .words(let words), .exec(let words):
            return words.map { quote($0.value) }
        case .text(let word):
            return [quote(word.value)]
        case .pairs(let pairs):
            return pairs.flatMap { [quote($0.key.value), quote($0.value.value), quote($0.hasEquals ? "=" : "")] }
        case .healthcheck(let type, let command):
            return [quote(type.value)] + self.arguments(command)
        case .nested(let instruction):
            return ["(" + render(instruction) + ")"]
        }
    }

    /// Quotes a string as Go's `strconv.Quote` does for printable text and control characters.
    public static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\u{07}": result += "\\a"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{0B}": result += "\\v"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\x" + hex(scalar.value, width: 2)
                } else if isPrintable(scalar) {
                    result.unicodeScalars.append(scalar)
                } else if scalar.value < 0x10000 {
                    result += "\\u" + hex(scalar.value, width: 4)
                } else {
                    result += "\\U" + hex(scalar.value, width: 8)
                }
            }
        }
        return result + "\""
    }

    private static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\u{FFFD}" {
            return true
        }
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator:
            return false
        case .spaceSeparator:
            return scalar == " "
        default:
            return true
        }
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
