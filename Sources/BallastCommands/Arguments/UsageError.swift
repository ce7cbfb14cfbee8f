import BallastCore

/// A command line Ballast cannot act on. Exits 64.
public enum UsageError: BallastError, Equatable {
    case unknownCommand(String, available: [String])
    case unknownOption(String, suggestion: String?)
    case missingValue(option: String)
    case unexpectedValue(option: String)
    case invalidValue(option: String, value: String, valid: [String])
    case missingArgument(command: String, what: String)
    case tooManyArguments(command: String, extra: [String])
    case invalid(String)

    public var exitCode: ExitCode { .usage }

    public var description: String {
        switch self {
        case .unknownCommand(let name, let available):
            "unknown command '\(name)'; available commands: \(available.joined(separator: ", ")) (see ballast --help)"
        case .unknownOption(let option, let suggestion):
            "unknown option '\(option)'" + (suggestion.map { "; did you mean \($0)?" } ?? "; see --help")
        case .missingValue(let option):
            "option \(option) needs a value"
        case .unexpectedValue(let option):
            "option \(option) takes no value"
        case .invalidValue(let option, let value, let valid):
            "invalid value '\(value)' for \(option); valid values: \(valid.joined(separator: ", "))"
        case .missingArgument(let command, let what):
            "ballast \(command) needs \(what); see ballast \(command) --help"
        case .tooManyArguments(let command, let extra):
            "unexpected argument\(extra.count == 1 ? "" : "s") for ballast \(command): \(extra.joined(separator: " "))"
        case .invalid(let message):
            message
        }
    }
}
