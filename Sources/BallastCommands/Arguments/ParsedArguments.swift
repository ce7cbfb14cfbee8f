/// A command line split into options and positional arguments against a set of specs.
///
/// Accepts `--name value`, `--name=value`, `-x value`, grouped short flags (`-qv`), and `--` to
/// end options. Unknown options and missing values are usage errors.
public struct ParsedArguments: Sendable {
    private var values: [String: [String]] = [:]
    public private(set) var positionals: [String] = []

    public init(_ arguments: [String], specs: [OptionSpec]) throws(UsageError) {
        var index = 0
        var onlyPositionals = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || argument == "-" || !argument.hasPrefix("-") {
                positionals.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositionals = true
                continue
            }
            if argument.hasPrefix("--") {
                let body = argument.dropFirst(2)
                let name = String(body.prefix { $0 != "=" })
                guard let spec = specs.first(where: { $0.name == name }) else {
                    throw .unknownOption(argument, suggestion: ParsedArguments.closest(name, in: specs.map(\.name)))
                }
                if let equals = body.firstIndex(of: "=") {
                    guard spec.takesValue else { throw .unexpectedValue(option: "--\(name)") }
                    record(spec, String(body[body.index(after: equals)...]))
                } else if spec.takesValue {
                    guard index < arguments.count else { throw .missingValue(option: "--\(name)") }
                    record(spec, arguments[index])
                    index += 1
                } else {
                    record(spec, "")
                }
                continue
            }
            // Short options: `-q`, `-qv`, `-o FILE`, `-oFILE`.
            var letters = Substring(argument.dropFirst())
            while let letter = letters.first {
                letters = letters.dropFirst()
                guard let spec = specs.first(where: { $0.short == letter }) else {
                    throw .unknownOption("-\(letter)", suggestion: nil)
                }
                if spec.takesValue {
                    if !letters.isEmpty {
                        record(spec, String(letters))
                    } else {
                        guard index < arguments.count else { throw .missingValue(option: "-\(letter)") }
                        record(spec, arguments[index])
                        index += 1
                    }
                    break
                }
                record(spec, "")
            }
        }
    }

    private mutating func record(_ spec: OptionSpec, _ value: String) {
        values[spec.name, default: []].append(value)
    }

    public func flag(_ name: String) -> Bool {
        values[name] != nil
    }

    /// The last value given for `name`.
    public func value(_ name: String) -> String? {
        values[name]?.last
    }

    /// Every value given for `name`, in order.
    public func values(_ name: String) -> [String] {
        values[name] ?? []
    }

    /// A value restricted to `choices`, or `fallback` when absent.
    public func choice(_ name: String, _ choices: [String], default fallback: String) throws(UsageError) -> String {
        guard let value = value(name) else { return fallback }
        guard choices.contains(value) else {
            throw .invalidValue(option: "--\(name)", value: value, valid: choices)
        }
        return value
    }

    /// The one positional argument a command takes, such as its IMAGE.
    public func single(_ what: String, command: String) throws(UsageError) -> String {
        guard let value = positionals.first else { throw .missingArgument(command: command, what: what) }
        guard positionals.count == 1 else {
            throw .tooManyArguments(command: command, extra: Array(positionals.dropFirst()))
        }
        return value
    }

    /// Repeated `NAME=VALUE` options, such as `--build-arg`.
    public func assignments(_ name: String) throws(UsageError) -> [String: String] {
        var result: [String: String] = [:]
        for pair in values(name) {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw .invalid("--\(name) takes NAME=VALUE, not '\(pair)'")
            }
            result[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
        }
        return result
    }

    private static func closest(_ name: String, in names: [String]) -> String? {
        names.first { $0.hasPrefix(name) || name.hasPrefix($0) }.map { "--\($0)" }
    }
}
