import Foundation

/// The text of `ballast --help` and `ballast COMMAND --help`.
enum HelpText {
    static func overview(_ commands: [any Command.Type]) -> String {
        let width = commands.map { $0.name.count }.max() ?? 0
        var text = """
            Ballast: measure, scan and rebuild the base images of Node.js containers.

            Usage: ballast COMMAND [options]

            Commands:

            """
        for command in commands {
            text += "  \(command.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(command.summary)\n"
        }
        text += """

            Global options:
              -q, --quiet      Print errors only; no progress.
              -v, --verbose    Also print what Ballast is doing.
                  --debug      Also print debug and trace detail.
              -h, --help       Show help (ballast COMMAND --help for a command).
                  --version    Print the version.

            Exit codes: 0 success, 1 a policy gate failed, 2 an operational error (bad file, image,
            network, authentication), 64 a usage error.

            """
        return text
    }

    static func command(_ command: any Command.Type) -> String {
        var text = "\(command.summary)\n\nUsage: ballast \(command.usage)\n"
        if !command.discussion.isEmpty {
            text += "\n\(command.discussion)\n"
        }
        let options = command.options + GlobalOptions.specs
        let width = options.map { $0.signature.count }.max() ?? 0
        text += "\nOptions:\n"
        for option in options {
            text += "  \(option.signature.padding(toLength: width, withPad: " ", startingAt: 0))  \(option.help)\n"
        }
        if !command.examples.isEmpty {
            text += "\nExamples:\n"
            for example in command.examples {
                text += "  # \(example.comment)\n  \(example.command)\n"
            }
        }
        return text
    }
}
