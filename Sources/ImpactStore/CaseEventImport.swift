import Foundation
import ImpactCore

/// Imports case events as one batch in one transaction, as `ObservationImport` does observations:
/// stage, validate, then append what changed; a correction (same case, event, date and person with
/// another role, area or dimensions) supersedes the current row, which is kept. Any error rolls
/// everything back. Only the staging differs between the engines (a server stages with `COPY`);
/// the checks and the merge are the same statements on both.
public struct CaseEventImport {
    public let store: Store
    /// The event source: the name a `cases` declaration reads.
    public let source: String
    public let origin: String
    public let sha256: String
    /// The check value of the pseudonym key (`PseudonymKey.check`).
    public let keyCheck: String
    public var dryRun = false
    /// Runs in the import's transaction once the events and case days are written, when the batch
    /// changed something, with what it changed: the engine keeps the source's case results anew
    /// (`CaseResultStore`). Without it they are cleared.
    public var afterMerge: ((CaseEventChange) throws -> Void)?
    /// Told the phases and the rows read; the case results report through `afterMerge`'s own.
    public var progress: (any ProgressReporter)?

    public init(store: Store, source: String, origin: String, sha256: String, keyCheck: String) {
        self.store = store
        self.source = source
        self.origin = origin
        self.sha256 = sha256
        self.keyCheck = keyCheck
    }

    private var database: Database { store.database }

    private enum Rollback: Error { case invalid, unchanged, dryRun }

    /// `produce` streams pseudonymised records into the sink and reports parse problems itself.
    public func run(produce: (inout DiagnosticList, (CaseEventRecord) throws -> Void) throws -> Int) throws
        -> ImportResult {
        let started = Timestamp.now()
        var result = ImportResult()
        let cache = try LargerPageCache(database)
        defer { cache.restore() }
        do {
            try database.transaction {
                var diagnostics = DiagnosticList()
                result.rows = try stage(produce, diagnostics: &diagnostics)
                progress?.begin(.check, total: nil)
                try check(diagnostics, into: &result)
                progress?.begin(.merge, total: nil)
                try merge(started: started, into: &result)
                if dryRun { result.dryRun = true; throw Rollback.dryRun }
                if result.added + result.revised == 0 { throw Rollback.unchanged }
                if let afterMerge {
                    // What follows reads, not inserts at random: it needs no more than the usual cache.
                    cache.restore()
                    try afterMerge(try change(batch: result.batchID))
                } else {
                    try CaseResultStore(store: store).clear(source: source)
                }
            }
        } catch Rollback.invalid, Rollback.unchanged, Rollback.dryRun {
            result.batchID = nil
        }
        return result
    }

    /// Streams the delivery into the engine's staging; events in unknown areas become diagnostics.
    private func stage(_ produce: (inout DiagnosticList, (CaseEventRecord) throws -> Void) throws -> Int,
                       diagnostics: inout DiagnosticList) throws -> Int {
        let geoCodes = Set(try GeographyStore(store: store).load().units.keys)
        let staging = try database.server?.caseEventStaging(source: source)
            ?? CaseEventInsertStaging(database: database)
        var unknownAreas = DiagnosticList()
        let rows: Int
        var read = 0
        progress?.begin(.parse, total: nil)
        do {
            rows = try produce(&diagnostics) { record in
                read += 1
                if read % 1_024 == 0 { progress?.advance(to: read) }
                guard geoCodes.contains(record.geo) else {
                    unknownAreas.append(Diagnostic(.unknownEventGeo, file: record.file, line: record.line))
                    return
                }
                try staging.send(record)
            }
            try staging.finish()
            progress?.advance(to: read)
        } catch {
            staging.abort()
            throw error
        }
        diagnostics.append(contentsOf: unknownAreas)
        return rows
    }

    /// Event batches are listed under `events:NAME`, apart from the observation sources.
    public static func batchSource(_ source: String) -> String { "events:" + source }

    /// The staged columns of a record, in the order of `stagingColumns`.
    static func stagingValues(_ record: CaseEventRecord) -> [SQLValue] {
        [.text(record.file), .integer(Int64(record.line)), .text(record.caseKey), .text(record.event),
         .text(record.date.iso), .text(record.personKey), .text(record.role), .text(record.geo),
         .text(JSONText.object(record.dimensions))]
    }

    static let stagingColumns = "file, line, case_key, event_type, event_date, person_key, role, geo, dims"

    /// Everything wrong with the staged delivery, sorted by file and line; throws when anything is.
    private func check(_ read: DiagnosticList, into result: inout ImportResult) throws {
        var diagnostics = read
        if result.rows == 0 && !diagnostics.hasErrors {
            diagnostics.append(Diagnostic(.emptyDelivery, file: origin))
        }
        diagnostics.append(contentsOf: try duplicates())
        if let stored = try storedKeyCheck(), stored != keyCheck {
            diagnostics.append(Diagnostic(.pseudonymKeyChanged(source), file: origin))
        }
        result.diagnostics = diagnostics.items.sorted { ($0.file, $0.line) < ($1.file, $1.line) }
        result.droppedDiagnostics = diagnostics.dropped
        if result.failed { throw Rollback.invalid }
        result.identicalBatch = try database.scalarInt(
            "SELECT max(id) FROM import_batch WHERE source_id = ? AND sha256 = ?",
            [.text(Self.batchSource(source)), .text(sha256)])
    }

    private func storedKeyCheck() throws -> String? {
        try database.query("SELECT key_check FROM case_source WHERE id = ?", [.text(source)]) { $0.string(0) }.first
            ?? nil
    }

    /// Every repeated key after its first occurrence, by line only.
    private func duplicates() throws -> [Diagnostic] {
        try database.query("""
            SELECT file, line, first_line FROM (
              SELECT file, line, min(line) OVER same_key AS first_line,
                     row_number() OVER (same_key ORDER BY rowid) AS nr
              FROM event_staging WINDOW same_key AS (PARTITION BY case_key, event_type, event_date, person_key))
              AS keyed
            WHERE nr > 1 ORDER BY line LIMIT 1000
            """) { row in
            Diagnostic(.duplicateEvent(firstLine: row.int(2)!), file: row.string(0)!, line: row.int(1)!)
        }
    }

    private func merge(started: String, into result: inout ImportResult) throws {
        let batchSource = Self.batchSource(source)
        try database.execute("""
            INSERT INTO data_source (id, description) VALUES (?, 'case events') ON CONFLICT (id) DO NOTHING
            """, [.text(batchSource)])
        try database.execute("INSERT INTO case_source (id, key_check) VALUES (?, ?) ON CONFLICT (id) DO NOTHING",
                             [.text(source), .text(keyCheck)])
        try database.execute("""
            INSERT INTO import_batch (source_id, origin, sha256, row_count, started_at, finished_at, status)
            VALUES (?, ?, ?, ?, ?, ?, 'committed')
            """, [.text(batchSource), .text(origin), .text(sha256), .integer(Int64(result.rows)), .text(started),
                  .text(Timestamp.now())])
        let batch = Int64(database.lastInsertedRowID)
        try database.execute("""
            INSERT INTO event_changed (staging_rowid, old_id)
            SELECT s.rowid, e.id
            FROM event_staging AS s
            LEFT JOIN case_event AS e
              ON e.source_id = ? AND e.case_key = s.case_key AND e.event_type = s.event_type
             AND e.event_date = s.event_date AND e.person_key = s.person_key AND e.superseded_by IS NULL
            WHERE e.id IS NULL OR NOT (e.role = s.role AND e.geo = s.geo AND e.dims = s.dims);
            """, [.text(source)])
        result.revised = try database.scalarInt("SELECT count(*) FROM event_changed WHERE old_id IS NOT NULL") ?? 0
        result.added = try database.scalarInt("SELECT count(*) FROM event_changed WHERE old_id IS NULL") ?? 0
        try database.execute("""
            UPDATE case_event SET superseded_by = ?
            WHERE id IN (SELECT old_id FROM event_changed WHERE old_id IS NOT NULL)
            """, [.integer(batch)])
        let existing = try database.scalarInt("SELECT max(id) FROM case_event") ?? 0
        let insert = {
            try database.execute("""
                INSERT INTO case_event (source_id, case_key, event_type, event_date, person_key, role, geo, dims,
                                        batch_id)
                SELECT ?, s.case_key, s.event_type, s.event_date, s.person_key, s.role, s.geo, s.dims, ?
                FROM event_changed AS c JOIN event_staging AS s ON s.rowid = c.staging_rowid
                ORDER BY s.case_key, s.event_type, s.event_date, s.person_key
                """, [.text(source), .integer(batch)])
        }
        let bulk = IndexRebuild.pays(adding: result.added, existing: existing)
        if bulk {
            try IndexRebuild(database: database, table: "case_event").around(insert)
        } else {
            try insert()
        }
        try analyze("case_event")
        // A dry run is rolled back: it checks who may keep the case days, but does not build them.
        let days = CaseDayStore(store: store)
        try days.checkWriter()
        if !dryRun {
            progress?.begin(.caseDays, total: nil)
            try days.refresh(source: source, whole: bulk)
            try analyze("case_day")
        }
        result.batchID = Int(batch)
    }

    /// The earliest date of an event the batch adds or corrects (a correction keeps the date), and
    /// of the cases it gives a person no earlier batch named for them.
    private func change(batch: Int?) throws -> CaseEventChange {
        let changed = "FROM event_changed AS c JOIN event_staging AS s ON s.rowid = c.staging_rowid"
        let earliest = try date("SELECT min(s.event_date) " + changed, [])
        // The grown cases first, then their events by case: asked for the least date of the source,
        // SQLite would walk every event by date until one belongs to such a case.
        let grown = try date("""
            SELECT min(e.event_date)
            FROM (SELECT DISTINCT s.case_key \(changed)
                  WHERE s.person_key <> '' AND NOT EXISTS (
                    SELECT 1 FROM case_event AS x
                    WHERE x.source_id = ? AND x.case_key = s.case_key AND x.person_key = s.person_key
                      AND x.batch_id < ?)) AS g
            CROSS JOIN case_event AS e
            WHERE e.source_id = ? AND e.case_key = g.case_key AND e.superseded_by IS NULL
            """, [.text(source), .integer(Int64(batch ?? 0)), .text(source)])
        return CaseEventChange(earliestEvent: earliest, earliestOfCasesWithNewPersons: grown)
    }

    private func date(_ sql: String, _ arguments: [SQLValue]) throws -> CivilDate? {
        try database.query(sql, arguments) { $0.string(0).flatMap(CivilDate.init(iso:)) }.first ?? nil
    }

    /// Fresh statistics on a server for the statements that follow: on stale ones the planner probed
    /// a year of events per case instead of a person's events (a recurrence took 166 s, not 0.2 s).
    /// Only the table's owner may analyze it; for an import role, autovacuum catches up.
    private func analyze(_ table: String) throws {
        guard database.engine == .postgresql else { return }
        try database.execute(sql: """
            DO $$ BEGIN
              IF pg_has_role((SELECT relowner FROM pg_class WHERE oid = '\(table)'::regclass), 'USAGE') THEN
                ANALYZE \(table);
              END IF;
            END $$
            """)
    }
}
