/// One option a command accepts.
public struct OptionSpec: Sendable {
    public enum Kind: Sendable {
        /// `--quiet`: present or not.
        case flag
        /// `--format json`, `--format=json`: the last one wins.
        case value(placeholder: String)
        /// `--vex a.json --vex b.json`: every one is kept.
        case repeated(placeholder: String)
    }

    public let name: String
    public let short: Character?
    public let kind: Kind
    public let help: String

    public init(_ name: String, short: Character? = nil, _ kind: Kind = .flag, help: String) {
        self.name = name
        self.short = short
        self.kind = kind
        self.help = help
    }

    var takesValue: Bool {
        if case .flag = kind { return false }
        return true
    }

    /// `-q, --quiet` or `    --format FORMAT`, for help text.
    var signature: String {
        var text = short.map { "-\($0), " } ?? "    "
        text += "--\(name)"
        switch kind {
        case .flag: break
        case .value(let placeholder), .repeated(let placeholder): text += " \(placeholder)"
        }
        return text
    }
}
