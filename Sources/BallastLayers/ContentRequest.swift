import BallastArchive

/// What a caller wants read from files while the layers stream past.
///
/// Requests are declared before the single pass over the layers; only matching files have
/// their contents touched. Small files are captured whole, up to `limit` bytes; large ones can
/// instead be streamed through a ``ContentScanner``.
public struct ContentRequest: Sendable {
    public enum Action: Sendable {
        /// Keep the bytes of matching files no larger than the limit.
        case capture(limit: Int)
        /// Feed matching files through a scanner made fresh for each file.
        case scan(@Sendable () -> any ContentScanner)
    }

    public let patterns: [PathPattern]
    public let action: Action

    public init(_ patterns: [String], action: Action) {
        self.patterns = patterns.map(PathPattern.init)
        self.action = action
    }

    public static func capture(_ patterns: [String], limit: Int = 1 << 20) -> ContentRequest {
        ContentRequest(patterns, action: .capture(limit: limit))
    }

    func matches(_ path: String) -> Bool {
        patterns.contains { $0.matches(path) }
    }
}

/// Reads a file's contents chunk by chunk and distils a small result, e.g. a version string
/// found somewhere inside a 120 MB binary.
public protocol ContentScanner: AnyObject {
    /// Consumes the next chunk; returns false once it has what it needs.
    func consume(_ chunk: UnsafeRawBufferPointer) -> Bool
    /// The result, if any.
    func finish() -> (any Sendable)?
}
