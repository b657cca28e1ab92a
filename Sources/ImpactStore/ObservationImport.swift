import Foundation
import ImpactCore

/// Imports observations as one batch in one transaction: stage, validate, then append the rows
/// that changed as a new vintage. Any error rolls everything back.
public struct ObservationImport {
    public let store: Store
    public let source: String
    public let origin: String
    /// Digest of what was read, asked for once the delivery is parsed, so it can be computed
    /// meanwhile; nil: the digest of the delivered records themselves (plugins).
    public let sha256: (() throws -> String)?
    public var gates: [ImportGate] = []
    /// Series whose unit counts (count, persons): a negative value is an error of the row itself.
    public var countSeries: Set<String> = []
    public var dryRun = false
    public var today = CivilDate(iso: String(Timestamp.now().prefix(10)))!
    /// Runs inside the transaction after the new vintage is written (rollup maintenance).
    public var afterMerge: ((Database) throws -> Void)?
    /// Told the rows written straight into `observation`, series by series (rollups built meanwhile).
    public var directRows: (any DirectRowConsumer)?
    /// Told the phase and the rows parsed so far; nil: nothing reports.
    public var progress: (any ProgressReporter)?

    public init(store: Store, source: String, origin: String, sha256: (() throws -> String)?) {
        self.store = store
        self.source = source
        self.origin = origin
        self.sha256 = sha256
    }

    private var database: Database { store.database }

    /// `produce` streams records into the given sink and reports parse problems itself.
    public func run(produce: (inout DiagnosticList, (ImportItem) throws -> Void) throws -> Int) throws -> ImportResult {
        if let server = database.server { return try server.importObservations(self, produce: produce) }
        let started = Timestamp.now()
        var result = ImportResult()
        var digest = ""
        let journal = try FirstLoadJournal(database: database)
        defer { journal.restore() }
        do {
            try database.transaction {
                try prepareStaging()
                let batch = try openBatch(started: started)
                let direct = try DirectLoad(database: database, batch: batch, gates: gates, consumer: directRows)
                var diagnostics = DiagnosticList()
                var geoDiagnostics = DiagnosticList()
                let existingUnits = try GeographyStore(store: store).load().units
                var units = UnitAdditions(existing: Array(existingUnits.values))
                var geoCodes = Set(existingUnits.keys)
                // Deliveries come sorted by area more often than not: one set lookup per run of rows.
                var lastKnownGeo: (code: String, held: Bool)?
                let staging = RowAppender(database: database, table: "staging", columns: Self.stagingColumns)
                var recordDigest = SHA256()
                var staged = StagingText()
                var parsed = 0
                progress?.begin(.parse, total: nil)
                result.rows = try produce(&diagnostics) { item in
                    let record: ObservationRecord
                    switch item {
                    case .unit(let unit, let location):
                        if let conflict = units.accept(unit, at: location) { geoDiagnostics.append(conflict) }
                        geoCodes.insert(unit.code)
                        return
                    case .observation(let observation):
                        record = observation
                    }
                    if let negative = negativeCount(record) { geoDiagnostics.append(negative) }
                    if record.geo != lastKnownGeo?.code {
                        guard geoCodes.contains(record.geo) else {
                            geoDiagnostics.append(unknownGeo(record, among: geoCodes))
                            return
                        }
                        lastKnownGeo = (record.geo, existingUnits[record.geo] != nil)
                    }
                    let texts = staged.texts(record)
                    if sha256 == nil {
                        let fields = StagingText.arguments(record, texts).dropFirst(3).map(\.description)
                        recordDigest.update(Array(fields.joined(separator: "\u{1F}").utf8) + [0x1E])
                    }
                    if let direct, lastKnownGeo?.held == true,
                       let seriesID = try direct.seriesID(takingRowsOf: record.series) {
                        try direct.insert(record, seriesID: seriesID, texts: texts)
                    } else {
                        try staging.append(StagingText.arguments(record, texts))
                    }
                    parsed += 1
                    if parsed & 0xFFF == 0 { progress?.advance(to: parsed) }
                }
                progress?.advance(to: parsed)
                try staging.finish()
                try direct?.finish()
                progress?.begin(.check, total: nil)
                digest = try sha256?() ?? recordDigest.finalize()
                // Indexed after loading: one sort instead of an index insert per row.
                try database.execute(sql: "CREATE INDEX temp.staging_key ON staging(series_key, geo, period, dims)")
                diagnostics.append(contentsOf: geoDiagnostics.items)
                if result.rows == 0 && !diagnostics.hasErrors {
                    diagnostics.append(Diagnostic(.emptyDelivery, file: origin))
                }
                // The first repeats of the whole delivery, wherever each path found them.
                let repeats = try ((direct?.duplicates ?? []) + duplicateDiagnostics())
                    .sorted { ($0.file, $0.line) < ($1.file, $1.line) }
                diagnostics.append(contentsOf: Array(repeats.prefix(Self.repeatsReported)))
                if !diagnostics.hasErrors {
                    let gateCheck = GateCheck(database: database, origin: origin, today: today)
                    diagnostics.append(contentsOf: try gateCheck.check(gates))
                }
                result.diagnostics = diagnostics.items.sorted {
                    ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column)
                }
                result.droppedDiagnostics = diagnostics.dropped
                if result.failed { throw ImportRollback.invalid }
                result.identicalBatch = try database.scalarInt(
                    "SELECT max(id) FROM import_batch WHERE source_id = ? AND sha256 = ? AND id < ?",
                    [.text(source), .text(digest), .integer(Int64(batch))])
                for unit in units.added { try GeographyStore(store: store).insert(unit) }
                result.unitsAdded = units.added.count
                progress?.begin(.merge, total: nil)
                try merge(batch: batch, digest: digest, into: &result)
                result.added += direct?.added ?? 0
                if result.added + result.revised > 0 { try afterMerge?(database) }
                if dryRun {
                    result.dryRun = true
                    throw ImportRollback.dryRun
                }
                if result.added + result.revised + result.unitsAdded == 0 { throw ImportRollback.unchanged }
            }
        } catch ImportRollback.invalid {
            result.batchID = nil
        } catch ImportRollback.unchanged {
            result.batchID = nil
        } catch ImportRollback.dryRun {
            result.batchID = nil
        }
        return result
    }

    private enum ImportRollback: Error { case invalid, unchanged, dryRun }

    public func unknownGeo(_ record: ObservationRecord, among codes: Set<String>) -> Diagnostic {
        Diagnostic(.unknownGeo(record.geo, known: Array(codes)), file: record.location.file, line: record.location.line,
                   column: record.location.geoColumn, length: record.geo.count)
    }

    /// Counts are never negative: reported at the row, with every other problem of the delivery,
    /// instead of only by a `no_negative` gate that runs once the delivery is otherwise valid.
    public func negativeCount(_ record: ObservationRecord) -> Diagnostic? {
        guard let value = record.value, value < 0, countSeries.contains(record.series) else { return nil }
        return Diagnostic(.negativeCount(Self.show(value), series: record.series), file: record.location.file,
                          line: record.location.line, column: 1)
    }

    private func prepareStaging() throws {
        try database.execute(sql: """
            CREATE TEMP TABLE IF NOT EXISTS staging (
                line INTEGER NOT NULL, file TEXT NOT NULL, geo_column INTEGER NOT NULL,
                series_key TEXT NOT NULL, geo TEXT NOT NULL, period TEXT NOT NULL, grain TEXT NOT NULL,
                period_start TEXT NOT NULL, period_end TEXT NOT NULL, months INTEGER NOT NULL,
                dims TEXT NOT NULL, dim_keys TEXT NOT NULL, value REAL, n REAL,
                provisional INTEGER NOT NULL, suppressed INTEGER NOT NULL);
            DROP INDEX IF EXISTS temp.staging_key;
            DELETE FROM staging;
            CREATE TEMP TABLE IF NOT EXISTS direct_touched (
                series_id INTEGER NOT NULL, series_key TEXT NOT NULL, dims TEXT NOT NULL, dim_keys TEXT NOT NULL,
                year TEXT NOT NULL);
            DELETE FROM direct_touched;
            """)
    }

    static let stagingColumns = ["line", "file", "geo_column", "series_key", "geo", "period", "grain", "period_start",
                                 "period_end", "months", "dims", "dim_keys", "value", "n", "provisional", "suppressed"]

    /// The text a staging row needs from a record's period and dimensions; both repeat on most rows
    /// of a delivery, so each is formatted once.
    struct StagingText {
        private var periods: [Period: [SQLValue]] = [:]
        private var dimensions: [[String: String]: [SQLValue]] = [:]

        /// The period's values (code, grain, start, end, months) and the dimensions' (JSON, names).
        mutating func texts(_ record: ObservationRecord) -> (period: [SQLValue], dims: [SQLValue]) {
            let period = periods[record.period] ?? {
                let text: [SQLValue] = [.text(record.period.code), .text(record.period.grain.rawValue),
                                        .text(record.period.start.iso), .text(record.period.end.iso),
                                        .integer(Int64(record.period.grain.months))]
                periods[record.period] = text
                return text
            }()
            let dims = dimensions[record.dimensions] ?? {
                let text: [SQLValue] = [.text(record.dimensionsJSON), .text(record.dimensionKeys)]
                dimensions[record.dimensions] = text
                return text
            }()
            return (period, dims)
        }

        /// A staging row, laid out as `stagingColumns`.
        static func arguments(_ record: ObservationRecord,
                              _ texts: (period: [SQLValue], dims: [SQLValue])) -> [SQLValue] {
            let (period, dims) = texts
            return [.integer(Int64(record.location.line)), .text(record.location.file),
                    .integer(Int64(record.location.geoColumn)), .text(record.series), .text(record.geo),
                    period[0], period[1], period[2], period[3], period[4], dims[0], dims[1],
                    record.value.sqlValue, record.n.sqlValue, record.provisional.sqlValue, record.suppressed.sqlValue]
        }
    }

    /// Every repeated key after its first occurrence: identical repeats and conflicting values
    /// are both errors, because a delivery must say one thing per key.
    private func duplicateDiagnostics() throws -> [Diagnostic] {
        // One ordered pass over the index; the detailed query below runs only when something repeats.
        let anyRepeated = try database.scalarInt("""
            SELECT EXISTS (SELECT 1 FROM staging GROUP BY series_key, geo, period, dims HAVING count(*) > 1)
            """) == 1
        guard anyRepeated else { return [] }
        return try database.query("""
            SELECT later.file, later.line, later.geo_column, first.line,
                   later.series_key, later.geo, later.period, later.dims,
                   (later.value IS first.value AND later.n IS first.n
                    AND later.provisional = first.provisional AND later.suppressed = first.suppressed),
                   first.value, later.value
            FROM staging AS later
            JOIN staging AS first
              ON first.series_key = later.series_key AND first.geo = later.geo AND first.period = later.period
             AND first.dims = later.dims AND first.rowid < later.rowid
            WHERE first.rowid = (SELECT min(rowid) FROM staging AS s
                                 WHERE s.series_key = later.series_key AND s.geo = later.geo
                                   AND s.period = later.period AND s.dims = later.dims)
            ORDER BY later.rowid
            LIMIT \(Self.repeatsReported)
            """) { row in
            Self.repeatDiagnostic(key: (row.string(4)!, row.string(5)!, row.string(6)!, row.string(7)!),
                                  identical: row.int(8) == 1, first: (row.int(3)!, row.double(9)),
                                  later: row.double(10), at: SourceLocation(file: row.string(0)!, line: row.int(1)!))
        }
    }

    /// Repeated keys reported per delivery: enough to see the pattern.
    static let repeatsReported = 1000

    /// A key delivered again after its first occurrence: an identical repeat or a conflicting value.
    static func repeatDiagnostic(key: (series: String, geo: String, period: String, dims: String), identical: Bool,
                                 first: (line: Int, value: Double?), later: Double?,
                                 at location: SourceLocation) -> Diagnostic {
        let text = "\(key.series) \(key.geo) \(key.period)" + (key.dims == "{}" ? "" : " \(key.dims)")
        let message: DiagnosticMessage = identical
            ? .duplicateRow(text, firstLine: first.line)
            : .conflictingValues(text, here: show(later), first: show(first.value), firstLine: first.line)
        return Diagnostic(message, file: location.file, line: location.line, column: 1)
    }

    public static func show(_ value: Double?) -> String {
        value.map(NumberText.exact) ?? "empty"
    }

    /// The batch's row, written first so rows can go straight into `observation` while the delivery
    /// is read (`DirectLoad`); `merge` completes it. Rolled back with everything else on failure.
    private func openBatch(started: String) throws -> Int {
        try database.execute("INSERT OR IGNORE INTO data_source (id, description) VALUES (?, '')", [.text(source)])
        try database.execute("""
            INSERT INTO import_batch (source_id, origin, sha256, row_count, started_at, finished_at, status)
            VALUES (?, ?, '', 0, ?, ?, 'committed')
            """, [.text(source), .text(origin), .text(started), .text(started)])
        return Int(database.lastInsertedRowID)
    }

    private func merge(batch: Int, digest: String, into result: inout ImportResult) throws {
        try database.execute("UPDATE import_batch SET sha256 = ?, row_count = ?, finished_at = ? WHERE id = ?",
                             [.text(digest), .integer(Int64(result.rows)), .text(Timestamp.now()),
                              .integer(Int64(batch))])
        try database.execute(sql: "INSERT OR IGNORE INTO series (key) SELECT DISTINCT series_key FROM staging")
        try database.execute(sql: """
            CREATE TEMP TABLE IF NOT EXISTS changed (
                staging_rowid INTEGER PRIMARY KEY, series_id INTEGER NOT NULL, old_id INTEGER);
            DELETE FROM changed;
            INSERT INTO changed (staging_rowid, series_id, old_id)
            SELECT s.rowid, se.id, o.id
            FROM staging AS s
            JOIN series AS se ON se.key = s.series_key
            LEFT JOIN observation AS o
              ON o.series_id = se.id AND o.geo = s.geo AND o.period = s.period AND o.dims = s.dims
             AND o.superseded_by IS NULL
            WHERE o.id IS NULL
               OR NOT (o.value IS s.value AND o.n IS s.n
                       AND o.provisional = s.provisional AND o.suppressed = s.suppressed);
            """)
        try Self.appendChanged(batch: batch, in: database, into: &result)
        result.batchID = batch
    }

    /// The last step of an import on either engine, once the temporary table `changed` lists the
    /// staging rows that differ from the current figures: their old versions are superseded by
    /// `batch` and the new ones appended in delivery order.
    static func appendChanged(batch: Int, in database: Database, into result: inout ImportResult) throws {
        result.revised = try database.scalarInt("SELECT count(*) FROM changed WHERE old_id IS NOT NULL") ?? 0
        result.added = try database.scalarInt("SELECT count(*) FROM changed WHERE old_id IS NULL") ?? 0
        try database.execute("""
            UPDATE observation SET superseded_by = ? WHERE id IN (SELECT old_id FROM changed WHERE old_id IS NOT NULL)
            """, [.integer(Int64(batch))])
        try database.execute("""
            INSERT INTO observation (series_id, geo, period, grain, period_start, period_end, months, dims, dim_keys,
                                     value, n, provisional, suppressed, batch_id)
            SELECT c.series_id, s.geo, s.period, s.grain, s.period_start, s.period_end, s.months, s.dims, s.dim_keys,
                   s.value, s.n, s.provisional, s.suppressed, ?
            FROM changed AS c JOIN staging AS s ON s.rowid = c.staging_rowid
            ORDER BY c.staging_rowid
            """, [.integer(Int64(batch))])
    }
}
