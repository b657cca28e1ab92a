import CSQLite

/// Typed read access to the current row of a statement, or to a row a server returned.
public struct Row {
    private let source: Source

    private enum Source {
        case statement(Statement)
        case values([SQLValue])
    }

    init(statement: Statement) { source = .statement(statement) }

    init(values: [SQLValue]) { source = .values(values) }

    public var count: Int {
        switch source {
        case .statement(let statement): return Int(sqlite3_column_count(statement.handle))
        case .values(let values): return values.count
        }
    }

    public func isNull(_ index: Int) -> Bool {
        switch source {
        case .statement(let statement): return sqlite3_column_type(statement.handle, Int32(index)) == SQLITE_NULL
        case .values(let values): return values[index] == .null
        }
    }

    public func int(_ index: Int) -> Int? {
        switch source {
        case .statement(let statement):
            return isNull(index) ? nil : Int(sqlite3_column_int64(statement.handle, Int32(index)))
        case .values(let values):
            switch values[index] {
            case .null: return nil
            case .integer(let value): return Int(value)
            case .real(let value): return Int(exactly: value.rounded(.towardZero))
            case .text(let text): return Int(text)
            }
        }
    }

    public func double(_ index: Int) -> Double? {
        switch source {
        case .statement(let statement):
            return isNull(index) ? nil : sqlite3_column_double(statement.handle, Int32(index))
        case .values(let values):
            switch values[index] {
            case .null: return nil
            case .integer(let value): return Double(value)
            case .real(let value): return value
            case .text(let text): return Double(text)
            }
        }
    }

    public func string(_ index: Int) -> String? {
        switch source {
        case .statement(let statement):
            guard !isNull(index), let text = sqlite3_column_text(statement.handle, Int32(index)) else { return nil }
            return String(cString: text)
        case .values(let values):
            switch values[index] {
            case .null: return nil
            case .integer(let value): return String(value)
            case .real(let value): return String(value)
            case .text(let text): return text
            }
        }
    }

    /// The column's bytes without copying them into a `String`; valid only inside `body`.
    public func withBytes<T>(_ index: Int, _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        switch source {
        case .statement(let statement):
            let pointer = sqlite3_column_blob(statement.handle, Int32(index))
            let count = Int(sqlite3_column_bytes(statement.handle, Int32(index)))
            return try body(UnsafeRawBufferPointer(start: pointer, count: count))
        case .values:
            var bytes = Array((string(index) ?? "").utf8)
            return try bytes.withUnsafeMutableBytes { try body(UnsafeRawBufferPointer($0)) }
        }
    }

    public func value(_ index: Int) -> SQLValue {
        switch source {
        case .statement(let statement):
            switch sqlite3_column_type(statement.handle, Int32(index)) {
            case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement.handle, Int32(index)))
            case SQLITE_FLOAT: return .real(sqlite3_column_double(statement.handle, Int32(index)))
            case SQLITE_NULL: return .null
            default: return .text(string(index) ?? "")
            }
        case .values(let values): return values[index]
        }
    }
}
