import BallastCore
import Foundation

/// Writes a result to standard output, or to a file by way of a temporary file and a rename,
/// so a reader never sees half a document.
enum OutputFile {
    static func write(_ text: String, to path: String?, in context: CommandContext) throws {
        guard let path, path != "-" else {
            context.write(text)
            return
        }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
            if FileManager.default.fileExists(atPath: url.path) {
                _ = try FileManager.default.replaceItemAt(url, withItemAt: temporary)
            } else {
                try FileManager.default.moveItem(at: temporary, to: url)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw OutputError.cannotWrite(path: path, reason: error.localizedDescription)
        }
        context.logger.info("wrote \(path)")
    }
}

enum OutputError: BallastError {
    case cannotWrite(path: String, reason: String)

    var description: String {
        switch self {
        case .cannotWrite(let path, let reason):
            "cannot write \(path): \(reason); check that the folder exists and is writable"
        }
    }
}
