import CSQLite

/// A compiled SQLite statement: bind parameters (1-based), step rows, read columns (0-based).
final class SQLiteStatement {
    private let statement: OpaquePointer
    // Unowned: the connection keeps its compiled queries, and outlives every statement.
    private unowned let connection: SQLiteConnection
    private let operation: String

    /// Tells SQLite to copy bound text before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ statement: OpaquePointer, connection: SQLiteConnection, operation: String) {
        self.statement = statement
        self.connection = connection
        self.operation = operation
    }

    deinit {
        sqlite3_finalize(statement)
    }

    /// Ends the current run and forgets the bound values, ready to run again.
    func reset() {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
    }

    /// Binds `values` to parameters 1… in order; `nil` binds SQL NULL.
    func bind(_ values: [SQLiteValue?]) throws(AdvisoriesError) {
        sqlite3_reset(statement)
        sqlite3_clear_bindings(statement)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let status: Int32
            switch value {
            case .none: status = sqlite3_bind_null(statement, index)
            case .text(let text)?: status = sqlite3_bind_text(statement, index, text, -1, Self.transient)
            case .integer(let number)?: status = sqlite3_bind_int64(statement, index, Int64(number))
            case .real(let number)?: status = sqlite3_bind_double(statement, index, number)
            }
            guard status == SQLITE_OK else { throw connection.failure(status, operation: operation) }
        }
    }

    /// Advances to the next row; false when there are no more.
    @discardableResult
    func step() throws(AdvisoriesError) -> Bool {
        let status = sqlite3_step(statement)
        switch status {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw connection.failure(status, operation: operation)
        }
    }

    /// Binds `values` and runs the statement to completion.
    func run(_ values: [SQLiteValue?]) throws(AdvisoriesError) {
        try bind(values)
        while try step() {}
    }

    func int(_ column: Int32) -> Int {
        Int(sqlite3_column_int64(statement, column))
    }

    func double(_ column: Int32) -> Double? {
        sqlite3_column_type(statement, column) == SQLITE_NULL ? nil : sqlite3_column_double(statement, column)
    }

    func text(_ column: Int32) -> String? {
        guard let pointer = sqlite3_column_text(statement, column) else { return nil }
        return String(cString: pointer)
    }

    func string(_ column: Int32) -> String {
        text(column) ?? ""
    }
}

/// A value bound to a statement parameter.
enum SQLiteValue {
    case text(String)
    case integer(Int)
    case real(Double)
}

extension SQLiteValue {
    static func optional(_ text: String?) -> SQLiteValue? { text.map(SQLiteValue.text) }
    static func optional(_ number: Double?) -> SQLiteValue? { number.map(SQLiteValue.real) }
}
