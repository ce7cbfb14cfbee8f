import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Facts about where output goes, read once per command.
public struct Terminal: Sendable {
    /// True when standard error is an interactive terminal: only then is progress drawn.
    public let stderrIsTerminal: Bool
    /// True when standard output is an interactive terminal.
    public let stdoutIsTerminal: Bool
    /// False when `NO_COLOR` is set (to anything) or the terminal is `dumb`.
    public let colorAllowed: Bool

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        stderrIsTerminal = isatty(STDERR_FILENO) == 1
        stdoutIsTerminal = isatty(STDOUT_FILENO) == 1
        colorAllowed = environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
    }

    /// Wraps text in an ANSI style when standard output is a colour terminal.
    public func styled(_ text: String, _ style: Style) -> String {
        guard stdoutIsTerminal, colorAllowed else { return text }
        return "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m"
    }

    public enum Style: String, Sendable {
        case bold = "1"
        case dim = "2"
        case red = "31"
        case green = "32"
        case yellow = "33"
        case magenta = "35"
    }
}
