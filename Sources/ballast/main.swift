import BallastCommands
import Foundation

let status = await BallastCLI.run(Array(CommandLine.arguments.dropFirst()))
exit(status)
