/// Appends many rows to one table in multi-row `INSERT`s: on a server a statement per row costs a
/// round trip, and on SQLite each statement opens the table's and its indexes' cursors again (64
/// rows a statement wrote the import's 2.9 M rollup rows in about half the time of one a row). Not
/// `COPY`: PostgreSQL refuses `COPY FROM` into a table with row-level security for the roles it
/// applies to, the importer among them.
public final class RowAppender {
    private let database: Database
    private let table: String
    private let columns: [String]
    private let rowsPerStatement: Int
    private var pending: [SQLValue] = []
    /// The statement for a full batch, prepared once and held: looking it up by its text in the
    /// connection's cache cost a hash of that text per batch.
    private var prepared: Statement?

    /// PostgreSQL binds at most 65,535 parameters per statement; 500 rows stay far below for any table here.
    static let serverBatchRows = 500
    /// Past 64 rows a statement, SQLite gained nothing more (256: no faster).
    static let fileBatchRows = 64

    init(database: Database, table: String, columns: [String]) {
        self.database = database
        self.table = table
        self.columns = columns
        rowsPerStatement = database.server == nil
            ? database.rowsPerInsert(columns: columns.count, preferred: Self.fileBatchRows) : Self.serverBatchRows
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
        try rows == rowsPerStatement ? fullBatch().execute(pending) : database.execute(sql(rows: rows), pending)
        pending.removeAll(keepingCapacity: true)
    }

    private func fullBatch() throws -> Statement {
        if let prepared { return prepared }
        let statement = try database.statement(sql(rows: rowsPerStatement))
        prepared = statement
        return statement
    }

    private func sql(rows: Int) -> String { Self.insertSQL(into: table, columns: columns, rows: rows) }

    /// `INSERT INTO table (columns) VALUES (?, …), …` for `rows` rows.
    static func insertSQL(into table: String, columns: [String], rows: Int) -> String {
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
