#if PostgreSQL

/// The rows of one `COPY … FROM STDIN`, sent in blocks of about 64 KB in COPY's text format.
final class CopyIn {
    private let connection: PostgresConnection
    private let sql: String
    private var buffer = ""
    private var finished = false

    init(connection: PostgresConnection, sql: String) {
        self.connection = connection
        self.sql = sql
    }

    func send(_ values: [SQLValue]) throws {
        buffer += values.map(CopyText.field).joined(separator: "\t") + "\n"
        guard buffer.utf8.count > 1 << 16 else { return }
        try connection.sendCopy(buffer, sql: sql)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Sends the rest and lets the server check and store the rows.
    func finish() throws {
        finished = true
        try connection.endCopy(sql, data: buffer, abort: false)
    }

    /// Discards every row sent; the connection is ready for the rollback.
    func abort() {
        guard !finished else { return }
        finished = true
        try? connection.endCopy(sql, data: "", abort: true)
    }
}
#endif
