import CSQLite

/// Typed read access to the current row of a statement, or to a row a server returned; valid only
/// inside the closure it is passed to.
public struct Row {
    private let source: Source

    /// The statement's handle, not the statement: a row lives only while its statement steps, and
    /// holding the class would retain and release it on every column read.
    private enum Source {
        case statement(OpaquePointer?)
        case values([SQLValue])
    }

    init(statement: Statement) { source = .statement(statement.handle) }

    init(values: [SQLValue]) { source = .values(values) }

    public var count: Int {
        switch source {
        case .statement(let handle): return Int(sqlite3_column_count(handle))
        case .values(let values): return values.count
        }
    }

    public func isNull(_ index: Int) -> Bool {
        switch source {
        case .statement(let handle): return sqlite3_column_type(handle, Int32(index)) == SQLITE_NULL
        case .values(let values): return values[index] == .null
        }
    }

    public func int(_ index: Int) -> Int? {
        switch source {
        case .statement(let handle):
            return isNull(index) ? nil : Int(sqlite3_column_int64(handle, Int32(index)))
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
        case .statement(let handle):
            return isNull(index) ? nil : sqlite3_column_double(handle, Int32(index))
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
        case .statement(let handle):
            guard !isNull(index), let text = sqlite3_column_text(handle, Int32(index)) else { return nil }
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
        case .statement(let handle):
            let pointer = sqlite3_column_blob(handle, Int32(index))
            let count = Int(sqlite3_column_bytes(handle, Int32(index)))
            return try body(UnsafeRawBufferPointer(start: pointer, count: count))
        case .values:
            var bytes = Array((string(index) ?? "").utf8)
            return try bytes.withUnsafeMutableBytes { try body(UnsafeRawBufferPointer($0)) }
        }
    }

    public func value(_ index: Int) -> SQLValue {
        switch source {
        case .statement(let handle):
            switch sqlite3_column_type(handle, Int32(index)) {
            case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, Int32(index)))
            case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, Int32(index)))
            case SQLITE_NULL: return .null
            default: return .text(string(index) ?? "")
            }
        case .values(let values): return values[index]
        }
    }
}
