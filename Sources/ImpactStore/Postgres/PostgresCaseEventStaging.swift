#if PostgreSQL

/// The server's staging of a case-event import (`CaseEventImport` checks and merges on both engines):
/// the pseudonymised rows go into a temporary table through `COPY`, numbered in delivery order as
/// SQLite's `rowid` numbers them. Imports into the same event source then take turns (a transaction
/// advisory lock per source, held until commit); readers keep the snapshot they started with.
final class PostgresCaseEventStaging: CaseEventStaging {
    private let connection: PostgresConnection
    private let source: String
    private let copy: CopyIn
    private var number: Int64 = 0

    init(connection: PostgresConnection, source: String) throws {
        self.connection = connection
        self.source = source
        try connection.execute(sql: Self.tables)
        copy = try connection.startCopy(Self.copySQL)
    }

    func send(_ record: CaseEventRecord) throws {
        number += 1
        try copy.send([.integer(number)] + CaseEventImport.stagingValues(record))
    }

    func finish() throws {
        try copy.finish()
        try connection.execute(sql: "ANALYZE event_staging")
        try connection.run("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))",
                           [.text("impact.events:" + source)]) { _ in }
    }

    func abort() { copy.abort() }

    static let tables = """
        CREATE TEMP TABLE event_staging (
            rowid BIGINT PRIMARY KEY, file TEXT NOT NULL, line BIGINT NOT NULL, case_key TEXT NOT NULL,
            event_type TEXT NOT NULL, event_date TEXT NOT NULL, person_key TEXT NOT NULL, role TEXT NOT NULL,
            geo TEXT NOT NULL, dims TEXT NOT NULL) ON COMMIT DROP;
        CREATE TEMP TABLE event_changed (staging_rowid BIGINT PRIMARY KEY, old_id BIGINT) ON COMMIT DROP
        """

    static let copySQL = "COPY event_staging (rowid, \(CaseEventImport.stagingColumns)) FROM STDIN"
}
#endif
