import BallastCore
import Foundation
import Synchronization

/// The advisory database: one SQLite file holding every imported feed, normalised for the matcher.
///
/// Open it with ``open(path:create:logger:)``, then ask for the entries of packages with
/// ``affected(ecosystem:scope:packages:)`` and enrich findings with ``vulnerability(id:)``,
/// ``kev(cve:)``, ``epss(cve:)`` and ``nodeRelease(major:)``. Values returned are `Sendable`
/// structs; the connection is guarded by a mutex so one database can serve concurrent tasks.
public final class AdvisoryDatabase: Sendable {
    /// The file's path, as given.
    public let path: String
    let connection: Mutex<SQLiteConnection>
    let logger: Logger

    /// `$BALLAST_DB`, else `$XDG_CACHE_HOME/ballast/advisories.db`, else `~/.cache/ballast/advisories.db`.
    public static func defaultPath(environment: [String: String]) -> String {
        if let path = environment["BALLAST_DB"], !path.isEmpty { return path }
        let cache =
            environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.cache")
        return cache + "/ballast/advisories.db"
    }

    /// Opens the database at `path`, migrating an older schema.
    ///
    /// - Parameter create: make an empty database when the file does not exist (importing does).
    /// - Throws: ``AdvisoriesError/noDatabase(path:)`` when the file is missing and `create` is false;
    ///   ``AdvisoriesError/notADatabase(path:reason:)`` for a corrupt or foreign file;
    ///   ``AdvisoriesError/newerSchema(path:found:supported:)`` for a file of a newer Ballast.
    public static func open(path: String, create: Bool = false, logger: Logger) throws -> AdvisoryDatabase {
        let exists = FileManager.default.fileExists(atPath: path)
        guard exists || create else { throw AdvisoriesError.noDatabase(path: path) }
        if !exists {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        let connection = try SQLiteConnection(path: path, create: create)
        let version = try checkedVersion(connection, allowEmpty: create || !exists)
        if version < AdvisorySchema.current {
            logger.debug("migrating \(path) from advisory schema \(version) to \(AdvisorySchema.current)")
            try AdvisorySchema.migrate(connection, from: version)
        }
        return AdvisoryDatabase(path: path, connection: connection, logger: logger)
    }

    init(path: String, connection: SQLiteConnection, logger: Logger) {
        self.path = path
        self.connection = Mutex(connection)
        self.logger = logger
    }

    /// The schema version of an open file, after checking that it is Ballast's: 0 for an empty
    /// SQLite file when `allowEmpty`.
    static func checkedVersion(_ connection: SQLiteConnection, allowEmpty: Bool) throws -> Int {
        let path = connection.path
        let application: Int
        let version: Int
        let tables: Int
        do {
            application = try connection.integer("PRAGMA application_id", operation: "read the file header")
            version = try connection.integer("PRAGMA user_version", operation: "read the schema version")
            tables = try connection.integer("SELECT count(*) FROM sqlite_master", operation: "list the tables")
        } catch {
            throw classified(error, path: path)
        }
        if application == 0 && tables == 0 {
            guard allowEmpty else {
                throw AdvisoriesError.notADatabase(path: path, reason: "an empty SQLite file without Ballast's tables")
            }
            return 0
        }
        guard application == AdvisorySchema.applicationID else {
            throw AdvisoriesError.notADatabase(path: path, reason: "an SQLite file of another application")
        }
        guard version <= AdvisorySchema.current else {
            throw AdvisoriesError.newerSchema(path: path, found: version, supported: AdvisorySchema.current)
        }
        return version
    }

    /// Names the two sqlite codes that mean "this file is not a database we can read".
    private static func classified(_ error: AdvisoriesError, path: String) -> AdvisoriesError {
        guard case .sqlite(_, _, let code, _) = error else { return error }
        switch code {
        case 26: return .notADatabase(path: path, reason: "not an SQLite file")
        case 11: return .notADatabase(path: path, reason: "the SQLite file is damaged")
        default: return error
        }
    }

    /// The schema version of the open file.
    public func schemaVersion() throws -> Int {
        try connection.withLock { connection throws(AdvisoriesError) in
            try connection.integer("PRAGMA user_version", operation: "read the schema version")
        }
    }

    /// Runs `body` with the connection held.
    /// Runs `body`'s queries in one read transaction: one consistent view of the database, and
    /// one file lock instead of one per query, which dominates when thousands of small queries
    /// run in a row.
    public func reading<T>(_ body: () throws -> T) throws -> T {
        try withConnection { try $0.execute("BEGIN DEFERRED", operation: "start reading") }
        defer { _ = try? withConnection { try $0.execute("COMMIT", operation: "finish reading") } }
        return try body()
    }

    func withConnection<T: Sendable>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        try connection.withLock { connection in
            defer { connection.resetCompiledQueries() }
            return try body(connection)
        }
    }
}
