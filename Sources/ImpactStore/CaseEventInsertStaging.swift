/// SQLite's staging of case events: temporary tables, one prepared insert per row.
final class CaseEventInsertStaging: CaseEventStaging {
    private let insert: Statement

    init(database: Database) throws {
        try database.execute(sql: """
            CREATE TEMP TABLE IF NOT EXISTS event_staging (
                file TEXT NOT NULL, line INTEGER NOT NULL, case_key TEXT NOT NULL, event_type TEXT NOT NULL,
                event_date TEXT NOT NULL, person_key TEXT NOT NULL, role TEXT NOT NULL, geo TEXT NOT NULL,
                dims TEXT NOT NULL);
            DELETE FROM event_staging;
            CREATE TEMP TABLE IF NOT EXISTS event_changed (staging_rowid INTEGER PRIMARY KEY, old_id INTEGER);
            DELETE FROM event_changed;
            """)
        insert = try database.statement(
            "INSERT INTO event_staging (\(CaseEventImport.stagingColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
    }

    func send(_ record: CaseEventRecord) throws { try insert.execute(CaseEventImport.stagingValues(record)) }
    func finish() throws {}
    func abort() {}
}
