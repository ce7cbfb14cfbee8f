import BallastCore

/// A `ballast` subcommand.
///
/// Each command declares its options and help, checks its arguments in ``init(arguments:)``
/// before any work starts, and returns the exit code of its outcome from ``run(in:)``.
public protocol Command: Sendable {
    /// The word that selects the command: `inspect`, `sbom`, `scan`.
    static var name: String { get }
    /// One line for the command list.
    static var summary: String { get }
    /// The usage line after `ballast `, e.g. `inspect [options] IMAGE`.
    static var usage: String { get }
    /// A paragraph or two explaining the command.
    static var discussion: String { get }
    /// Example invocations, each with a comment.
    static var examples: [(command: String, comment: String)] { get }
    /// The command's own options; the global ones are added by the dispatcher.
    static var options: [OptionSpec] { get }

    init(arguments: ParsedArguments) throws(UsageError)

    func run(in context: CommandContext) async throws -> ExitCode
}

extension Command {
    static var discussion: String { "" }
    static var options: [OptionSpec] { [] }
}
