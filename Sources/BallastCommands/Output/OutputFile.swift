import BallastCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes a result to standard output, or to a file by way of a temporary file and a rename,
/// so a reader never sees half a document.
enum OutputFile {
    static func write(_ text: String, to path: String?, in context: CommandContext) throws {
        guard let path, path != "-" else {
            context.write(text)
            return
        }
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
        } catch {
            throw OutputError.cannotWrite(path: path, reason: error.localizedDescription)
        }
        // Keep the mode of the file being replaced.
        var info = stat()
        if stat(url.path, &info) == 0 {
            chmod(temporary.path, info.st_mode & 0o7777)
        }
        // rename(2) replaces the file atomically: readers see the old document or the new one.
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw OutputError.cannotWrite(path: path, reason: reason)
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
