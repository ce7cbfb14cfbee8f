import BallastCore
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

extension AdvisoryDatabase {
    /// Writes a consistent copy of the whole database to `destination` (SQLite `VACUUM INTO`), by
    /// way of a temporary file and a rename so a reader never sees half a file.
    public func export(to destination: String) throws {
        let temporary = Self.temporaryPath(beside: destination)
        try? FileManager.default.removeItem(atPath: temporary)
        try withConnection { connection in
            connection.discardCompiledQueries()
            try connection.prepare("VACUUM INTO ?", operation: "export to \(destination)").run([.text(temporary)])
        }
        try Self.move(temporary, to: destination)
        logger.debug("exported \(path) to \(destination)")
    }

    /// Replaces the database at `path` with the export `source`, after checking that `source` is a
    /// Ballast advisory database this build can read and that SQLite finds it intact. The old file
    /// stays in place until the checked copy is complete.
    public static func replace(path: String, with source: String, logger: Logger) throws {
        guard FileManager.default.fileExists(atPath: source) else { throw AdvisoriesError.noDatabase(path: source) }
        do {
            let connection = try SQLiteConnection(path: source, create: false, readOnly: true)
            _ = try checkedVersion(connection, allowEmpty: false)
            let check = try connection.prepare("PRAGMA quick_check", operation: "check \(source)")
            try check.bind([])
            if try check.step(), check.string(0) != "ok" {
                throw AdvisoriesError.notADatabase(path: source, reason: "damaged: \(check.string(0))")
            }
        }

        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = temporaryPath(beside: path)
        try? FileManager.default.removeItem(atPath: temporary)
        do {
            try FileManager.default.copyItem(atPath: source, toPath: temporary)
            // Opening migrates an export of an older schema before it goes live.
            _ = try open(path: temporary, logger: logger)
            try move(temporary, to: path)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
        logger.debug("replaced \(path) with \(source)")
    }

    static func temporaryPath(beside path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp").path
    }

    static func move(_ temporary: String, to destination: String) throws {
        guard rename(temporary, destination) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw AdvisoriesError.sqlite(path: destination, operation: "replace the file", code: errno, message: reason)
        }
    }
}
