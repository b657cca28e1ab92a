import CSQLite

/// Typed read access to the current row of a statement.
public struct Row {
    let statement: Statement

    public var count: Int { Int(sqlite3_column_count(statement.handle)) }

    public func isNull(_ index: Int) -> Bool {
        sqlite3_column_type(statement.handle, Int32(index)) == SQLITE_NULL
    }

    public func int(_ index: Int) -> Int? {
        isNull(index) ? nil : Int(sqlite3_column_int64(statement.handle, Int32(index)))
    }

    public func double(_ index: Int) -> Double? {
        isNull(index) ? nil : sqlite3_column_double(statement.handle, Int32(index))
    }

    public func string(_ index: Int) -> String? {
        guard !isNull(index), let text = sqlite3_column_text(statement.handle, Int32(index)) else { return nil }
        return String(cString: text)
    }

    /// The column's bytes without copying them into a `String`; valid only inside `body`.
    public func withBytes<T>(_ index: Int, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        let pointer = sqlite3_column_blob(statement.handle, Int32(index))
        let count = Int(sqlite3_column_bytes(statement.handle, Int32(index)))
        return try body(UnsafeRawBufferPointer(start: pointer, count: count))
    }

    public func value(_ index: Int) -> SQLValue {
        switch sqlite3_column_type(statement.handle, Int32(index)) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement.handle, Int32(index)))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(statement.handle, Int32(index)))
        case SQLITE_NULL: return .null
        default: return .text(string(index) ?? "")
        }
    }
}
