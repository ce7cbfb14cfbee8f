import BallastCore
import Foundation

/// The `ballast` program: picks the subcommand, parses its options, runs it, and is the one
/// place where errors become `error: …` lines and exit codes.
public enum BallastCLI {
    public static let version = "0.1.0"

    /// Every subcommand, in the order `ballast --help` lists them.
    static let commands: [any Command.Type] = [
        InspectCommand.self, SBOMCommand.self, ScanCommand.self, LintCommand.self, PinCommand.self,
        VersionsCommand.self,
        DatabaseCommand.self,
    ]

    /// Runs one invocation; `arguments` excludes the program name.
    public static func run(
        _ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment
    ) async -> Int32 {
        let terminal = Terminal(environment: environment)
        let stdout: @Sendable (String) -> Void = { FileHandle.standardOutput.write(Data($0.utf8)) }

        guard let first = arguments.first, first != "--help", first != "-h", first != "help" else {
            if arguments.count > 1, let command = commands.first(where: { $0.name == arguments[1] }) {
                stdout(HelpText.command(command))
            } else {
                stdout(HelpText.overview(commands))
            }
            return ExitCode.success.rawValue
        }
        if first == "--version" {
            stdout("ballast \(version)\n")
            return ExitCode.success.rawValue
        }
        guard let commandType = commands.first(where: { $0.name == first }) else {
            return report(UsageError.unknownCommand(first, available: commands.map { $0.name }))
        }

        let specs = commandType.options + GlobalOptions.specs
        let parsed: ParsedArguments
        do {
            parsed = try ParsedArguments(Array(arguments.dropFirst()), specs: specs)
        } catch {
            return report(error)
        }
        if parsed.flag("help") {
            stdout(HelpText.command(commandType))
            return ExitCode.success.rawValue
        }
        let global = GlobalOptions(parsed)
        let context = CommandContext(global: global, environment: environment, terminal: terminal, output: stdout)
        do {
            let command = try commandType.init(arguments: parsed)
            return try await command.run(in: context).rawValue
        } catch {
            context.progress.finish()
            return report(error)
        }
    }

    /// Prints `error: <message>` on standard error and returns the error's exit code.
    static func report(_ error: any Error) -> Int32 {
        let message: String
        let code: ExitCode
        switch error {
        case let error as any BallastError:
            message = error.description
            code = error.exitCode
        default:
            message = InternalError(String(describing: error)).description
            code = .operational
        }
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        return code.rawValue
    }
}
