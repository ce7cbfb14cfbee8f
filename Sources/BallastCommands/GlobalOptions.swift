import BallastCore

/// Options every command accepts.
public struct GlobalOptions: Sendable {
    public var quiet = false
    public var verbose = false
    public var debug = false

    static let specs: [OptionSpec] = [
        OptionSpec("quiet", short: "q", help: "Print errors only; no progress."),
        OptionSpec("verbose", short: "v", help: "Also print what Ballast is doing."),
        OptionSpec("debug", help: "Also print debug and trace detail, with timestamps."),
        OptionSpec("help", short: "h", help: "Show help for the command."),
    ]

    init(_ arguments: ParsedArguments) {
        quiet = arguments.flag("quiet")
        verbose = arguments.flag("verbose")
        debug = arguments.flag("debug")
    }

    public init() {}

    var logLevel: LogLevel {
        if debug { return .trace }
        if verbose { return .info }
        if quiet { return .error }
        return .warning
    }
}
