/// An error meant to reach the user: its description is one line saying what failed, on which
/// input, and what to do next.
///
/// Each module has its own error enum conforming to this protocol. The commands library prints
/// the description as `error: <message>` and exits with ``exitCode``.
public protocol BallastError: Error, CustomStringConvertible, Sendable {
    /// The exit code a command ends with when this error stops it.
    var exitCode: ExitCode { get }
}

extension BallastError {
    public var exitCode: ExitCode { .operational }
}

/// A broken internal assumption: a bug in Ballast, not in the input.
public struct InternalError: BallastError {
    public let detail: String

    public init(_ detail: String) {
        self.detail = detail
    }

    public var description: String {
        "internal error: \(detail); please report this as a bug with the command you ran"
    }
}

/// Adds what was being done to an error without dropping the cause.
public struct ContextualError: BallastError {
    public let context: String
    public let cause: any Error

    public init(_ context: String, cause: any Error) {
        self.context = context
        self.cause = cause
    }

    public var exitCode: ExitCode {
        (cause as? any BallastError)?.exitCode ?? .operational
    }

    public var description: String {
        "\(context): \(String(describing: cause))"
    }
}
