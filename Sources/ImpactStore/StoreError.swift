
/// An error from the store. It carries the SQL and the bound arguments so a failure
/// can be reproduced by hand in the `sqlite3` shell.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    public let code: Int32
    public let message: String
    public let sql: String?
    public let arguments: [SQLValue]

    public init(code: Int32, message: String, sql: String? = nil, arguments: [SQLValue] = []) {
        self.code = code
        self.message = message
        self.sql = sql
        self.arguments = arguments
    }

    /// The primary result code (the low byte): extended codes refine it, e.g. `SQLITE_IOERR_WRITE`.
    public var primaryCode: Int32 { code & 0xff }

    public var description: String {
        var text = "store error \(code): \(message)"
        if let sql { text += "\n  sql: \(sql)" }
        if !arguments.isEmpty {
            text += "\n  arguments: [" + arguments.map(\.description).joined(separator: ", ") + "]"
        }
        return text
    }
}
