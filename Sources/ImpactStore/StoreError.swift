
/// An error from the store. It carries the SQL and the bound arguments so a failure
/// can be reproduced by hand in the `sqlite3` shell.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    public let code: Int32
    public let message: String
    public let sql: String?
    public let arguments: [SQLValue]

    /// SQLite's "database is locked" after the busy timeout is replaced by what it means for the user.
    public init(code: Int32, message: String, sql: String? = nil, arguments: [SQLValue] = []) {
        self.code = code
        self.message = code == ResultCode.busy ? Self.busy : message
        self.sql = sql
        self.arguments = arguments
    }

    static let busy = """
        the store is busy: another process has been writing it for more than 10 seconds (a first load \
        into a store without observations holds it until the load ends); try again when it has finished
        """

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
