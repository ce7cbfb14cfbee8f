import Foundation

/// How much a ``Logger`` says, from least to most.
public enum LogLevel: Int, Comparable, Sendable {
    case error, warning, info, debug, trace

    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

/// A small leveled logger writing to standard error.
///
/// Commands create one from the global flags (`--quiet` keeps errors, the default adds warnings,
/// `--verbose` info, `--debug` debug and trace) and hand it to library code, which never sets up
/// output itself. Timestamps appear only at debug level.
public struct Logger: Sendable {
    public let level: LogLevel
    private let sink: @Sendable (String) -> Void

    public init(level: LogLevel = .warning, sink: @escaping @Sendable (String) -> Void = Logger.standardError) {
        self.level = level
        self.sink = sink
    }

    /// A logger that drops everything, for library callers that do not care.
    public static let silent = Logger(level: .error, sink: { _ in })

    public static let standardError: @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    public func isEnabled(_ candidate: LogLevel) -> Bool {
        candidate <= level
    }

    public func log(_ candidate: LogLevel, _ message: @autoclosure () -> String) {
        guard isEnabled(candidate) else { return }
        var line = "\(candidate.label): \(message())"
        if level >= .debug {
            line = "\(Logger.timestamp()) \(line)"
        }
        sink(line)
    }

    public func error(_ message: @autoclosure () -> String) { log(.error, message()) }
    public func warning(_ message: @autoclosure () -> String) { log(.warning, message()) }
    public func info(_ message: @autoclosure () -> String) { log(.info, message()) }
    public func debug(_ message: @autoclosure () -> String) { log(.debug, message()) }
    public func trace(_ message: @autoclosure () -> String) { log(.trace, message()) }

    private static func timestamp() -> String {
        let now = Date()
        let seconds = now.timeIntervalSince1970
        let millis = Int((seconds - seconds.rounded(.down)) * 1000)
        let time = Int(seconds) % 86_400
        let (h, m, s) = (time / 3600, time / 60 % 60, time % 60)
        return String(format: "%02d:%02d:%02d.%03d", h, m, s, millis)
    }
}

extension LogLevel {
    var label: String {
        switch self {
        case .error: "error"
        case .warning: "warning"
        case .info: "info"
        case .debug: "debug"
        case .trace: "trace"
        }
    }
}
