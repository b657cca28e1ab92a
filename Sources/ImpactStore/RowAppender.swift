/// Appends many rows to one table in the form each engine takes fastest: a prepared one-row
/// `INSERT` on SQLite (in process, nothing to batch), multi-row `INSERT`s on a server, where a
/// statement per row costs a round trip. Not `COPY`: PostgreSQL refuses `COPY FROM` into a table
/// with row-level security for the roles it applies to, the importer among them.
public final class RowAppender {
    private let database: Database
    private let table: String
    private let columns: [String]
    private let rowsPerStatement: Int
    private var pending: [SQLValue] = []
    /// The statement for a full batch, made once: on SQLite it runs once per row.
    private lazy var fullBatch = statement(rows: rowsPerStatement)

    /// PostgreSQL binds at most 65,535 parameters per statement; 500 rows stay far below for any table here.
    static let serverBatchRows = 500

    init(database: Database, table: String, columns: [String]) {
        self.database = database
        self.table = table
        self.columns = columns
        rowsPerStatement = database.server == nil ? 1 : Self.serverBatchRows
    }

    public func append(_ values: [SQLValue]) throws {
        pending += values
        if pending.count == rowsPerStatement * columns.count { try flush() }
    }

    /// Writes the rows still held back; the appender can be used again afterwards.
    public func finish() throws {
        if !pending.isEmpty { try flush() }
    }

    private func flush() throws {
        let rows = pending.count / columns.count
        try database.execute(rows == rowsPerStatement ? fullBatch : statement(rows: rows), pending)
        pending.removeAll(keepingCapacity: true)
    }

    private func statement(rows: Int) -> String {
        let row = "(" + columns.map { _ in "?" }.joined(separator: ", ") + ")"
        return "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
            + Array(repeating: row, count: rows).joined(separator: ", ")
    }
}

extension Database {
    /// Appends every row `produce` hands to `add`, then writes what is held back.
    public func appendRows(into table: String, columns: [String],
                           _ produce: (_ add: ([SQLValue]) throws -> Void) throws -> Void) throws {
        let appender = RowAppender(database: self, table: table, columns: columns)
        try produce { try appender.append($0) }
        try appender.finish()
    }
}
