import CSQLite

/// One open SQLite file; the only place the module calls into libsqlite3 besides
/// ``SQLiteStatement``. Return codes become ``AdvisoriesError/sqlite(path:operation:code:message:)``.
///
/// Not thread-safe by itself. `@unchecked Sendable` holds because every connection is either used
/// only by the function that opened it or owned by an ``AdvisoryDatabase`` that reaches it only
/// through its mutex.
final class SQLiteConnection: @unchecked Sendable {
    let path: String
    private(set) var handle: OpaquePointer?

    /// Opens `path`; `create` allows a missing file to be created, `readOnly` forbids writes.
    init(path: String, create: Bool, readOnly: Bool = false) throws(AdvisoriesError) {
        self.path = path
        var flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE
        if create && !readOnly { flags |= SQLITE_OPEN_CREATE }
        var pointer: OpaquePointer?
        let status = sqlite3_open_v2(path, &pointer, flags | SQLITE_OPEN_NOMUTEX, nil)
        handle = pointer
        guard status == SQLITE_OK else {
            let message = pointer.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(pointer)
            handle = nil
            throw .sqlite(path: path, operation: "open the database", code: status, message: message)
        }
        sqlite3_busy_timeout(pointer, 5_000)
    }

    deinit {
        compiledQueries.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements that return no rows.
    func execute(_ sql: String, operation: String) throws(AdvisoriesError) {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        guard status == SQLITE_OK else {
            let message = errorMessage.map { String(cString: $0) } ?? lastMessage
            sqlite3_free(errorMessage)
            throw .sqlite(path: path, operation: operation, code: status, message: message)
        }
    }

    /// Compiles `sql` for binding and stepping.
    /// Compiled queries, kept for the connection's life: the matcher runs the same few queries
    /// thousands of times, and compiling them again would cost more than running them.
    private var compiledQueries: [String: SQLiteStatement] = [:]

    func prepare(_ sql: String, operation: String) throws(AdvisoriesError) -> SQLiteStatement {
        let isQuery =
            sql.drop(while: { $0 == " " || $0 == "\n" }).prefix(6).uppercased() == "SELECT"
            || sql.drop(while: { $0 == " " || $0 == "\n" }).prefix(4).uppercased() == "WITH"
        if isQuery, let statement = compiledQueries[sql] {
            statement.reset()
            return statement
        }
        let statement = try compile(sql, operation: operation)
        if isQuery { compiledQueries[sql] = statement }
        return statement
    }

    /// Finalizes every kept query: VACUUM and schema changes refuse to run while any exists.
    func discardCompiledQueries() {
        compiledQueries.removeAll()
    }

    /// Ends every kept query's run, so none holds a read lock between uses.
    func resetCompiledQueries() {
        for statement in compiledQueries.values { statement.reset() }
    }

    private func compile(_ sql: String, operation: String) throws(AdvisoriesError) -> SQLiteStatement {
        var statement: OpaquePointer?
        let status = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard status == SQLITE_OK, let statement else {
            throw failure(status, operation: operation)
        }
        return SQLiteStatement(statement, connection: self, operation: operation)
    }

    /// Runs `body` in a transaction that is committed when it returns and rolled back when it throws.
    func transaction<T>(_ operation: String, _ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE", operation: operation)
        do {
            let result = try body()
            try execute("COMMIT", operation: operation)
            return result
        } catch {
            try? execute("ROLLBACK", operation: "roll back after a failed \(operation)")
            throw error
        }
    }

    /// The first column of the first row of `sql`, as an integer.
    func integer(_ sql: String, operation: String) throws(AdvisoriesError) -> Int {
        let statement = try prepare(sql, operation: operation)
        guard try statement.step() else { return 0 }
        return statement.int(0)
    }

    var lastMessage: String {
        handle.map { String(cString: sqlite3_errmsg($0)) } ?? "no connection"
    }

    func failure(_ status: Int32, operation: String) -> AdvisoriesError {
        .sqlite(path: path, operation: operation, code: status, message: lastMessage)
    }
}
