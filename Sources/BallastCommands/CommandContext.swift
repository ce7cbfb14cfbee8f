import BallastCore
import Foundation

/// What every command is handed: output streams, the logger and progress display the global
/// flags asked for, and the environment.
public struct CommandContext: Sendable {
    public let logger: Logger
    public let terminal: Terminal
    public let progress: ProgressDisplay
    public let environment: [String: String]
    public let global: GlobalOptions
    private let writeOutput: @Sendable (String) -> Void

    public init(
        global: GlobalOptions, environment: [String: String], terminal: Terminal,
        output: @escaping @Sendable (String) -> Void = { FileHandle.standardOutput.write(Data($0.utf8)) },
        logSink: @escaping @Sendable (String) -> Void = Logger.standardError
    ) {
        self.global = global
        self.environment = environment
        self.terminal = terminal
        self.logger = Logger(level: global.logLevel, sink: logSink)
        self.progress = ProgressDisplay(enabled: terminal.stderrIsTerminal && !global.quiet)
        self.writeOutput = output
    }

    /// Writes results to standard output.
    public func write(_ text: String) {
        writeOutput(text)
    }
}
