import CSQLite

/// A prepared statement. Arguments are always bound, never spliced into the SQL text.
public final class Statement {
    /// Nil on a server connection, which prepares nothing here.
    let handle: OpaquePointer?
    public let sql: String
    private unowned let database: Database
    private var boundArguments: [SQLValue] = []

    init(database: Database, sql: String) throws {
        self.sql = sql
        self.database = database
        guard database.server == nil else {
            self.handle = nil
            return
        }
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(database.handle, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw StoreError(code: code, message: database.lastErrorMessage, sql: sql)
        }
        self.handle = statement
    }

    deinit { sqlite3_finalize(handle) }

    /// Binds positional arguments (1-based in SQLite, 0-based here) after resetting the statement.
    public func bind(_ arguments: [SQLValue]) throws {
        sqlite3_reset(handle)
        // Binding every parameter replaces each old value anyway: clearing first was a second pass.
        if arguments.count != Int(sqlite3_bind_parameter_count(handle)) { sqlite3_clear_bindings(handle) }
        boundArguments = arguments
        for (offset, value) in arguments.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case .null: code = sqlite3_bind_null(handle, index)
            case .integer(let int): code = sqlite3_bind_int64(handle, index, int)
            case .real(let double): code = sqlite3_bind_double(handle, index, double)
            case .text(let text): code = bindText(text, at: index)
            }
            guard code == SQLITE_OK else { throw error(code) }
        }
    }

    /// Binds the string's own UTF-8 bytes with their length: passing a `String` as `const char *` made
    /// a C copy of it (an allocation) and SQLite then measured it, for every text argument.
    private func bindText(_ text: String, at index: Int32) -> Int32 {
        var text = text
        return text.withUTF8 { bytes in
            guard let start = bytes.baseAddress, !bytes.isEmpty else {
                return sqlite3_bind_text(handle, index, "", 0, impact_sqlite_transient)
            }
            return start.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                sqlite3_bind_text(handle, index, $0, Int32(bytes.count), impact_sqlite_transient)
            }
        }
    }

    /// Advances one row; returns false when the statement is done.
    public func step() throws -> Bool {
        database.statementsExecuted &+= sqlite3_stmt_busy(handle) == 0 ? 1 : 0
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw error(code)
        }
    }

    /// Runs a statement that returns no rows.
    public func execute(_ arguments: [SQLValue] = []) throws {
        guard database.server == nil else { return try forEach(arguments) { _ in } }
        try bind(arguments)
        while try step() {}
        sqlite3_reset(handle)
        // Kept for an error's message only: the caller can now reuse its array's storage in place.
        boundArguments = []
    }

    /// Runs a query and maps each row.
    public func query<T>(_ arguments: [SQLValue] = [], _ transform: (Row) throws -> T) throws -> [T] {
        var results: [T] = []
        try forEach(arguments) { results.append(try transform($0)) }
        return results
    }

    /// Streams the rows of a query without collecting them, so a pass over a large table keeps
    /// memory flat.
    public func forEach(_ arguments: [SQLValue] = [], _ body: (Row) throws -> Void) throws {
        if let server = database.server {
            database.statementsExecuted &+= 1
            return try server.run(sql, arguments) { try body(Row(values: $0)) }
        }
        try bind(arguments)
        defer { sqlite3_reset(handle) }
        let row = Row(statement: self)
        while try step() { try body(row) }
    }

    private func error(_ code: Int32) -> StoreError {
        StoreError(code: code, message: database.lastErrorMessage, sql: sql, arguments: boundArguments)
    }
}
