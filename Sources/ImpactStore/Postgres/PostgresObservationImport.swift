#if PostgreSQL
import ImpactCore

/// One import batch into a PostgreSQL store, with the SQLite path's checks and vintages
/// (`ObservationImport`): rows go into a temporary staging table through `COPY`, are validated
/// there, and only the changed ones are appended, all in one transaction. Imports of the same
/// series wait for each other (a transaction advisory lock per series key); readers never wait,
/// they keep reading the snapshot their transaction started with.
struct PostgresObservationImport {
    let connection: PostgresConnection
    let configuration: ObservationImport
    private var store: Store { configuration.store }
    private var database: Database { configuration.store.database }

    init(connection: PostgresConnection, configuration: ObservationImport) {
        self.connection = connection
        self.configuration = configuration
    }

    func run(produce: (inout DiagnosticList, (ImportItem) throws -> Void) throws -> Int) throws -> ImportResult {
        var result = ImportResult()
        do {
            try database.transaction { try load(produce: produce, into: &result) }
        } catch Rollback.invalid {
            result.batchID = nil
        } catch Rollback.unchanged {
            result.batchID = nil
        } catch Rollback.dryRun {
            result.batchID = nil
        }
        return result
    }

    private enum Rollback: Error { case invalid, unchanged, dryRun }

    private func load(produce: (inout DiagnosticList, (ImportItem) throws -> Void) throws -> Int,
                      into result: inout ImportResult) throws {
        let started = Timestamp.now()
        let existingUnits = try GeographyStore(store: store).load().units
        try connection.execute(sql: Self.stagingTable)
        var diagnostics = DiagnosticList()
        var geoDiagnostics = DiagnosticList()
        var units = UnitAdditions(existing: Array(existingUnits.values))
        var geoCodes = Set(existingUnits.keys)
        var recordDigest = SHA256()
        var rowNumber: Int64 = 0
        let copy = try connection.startCopy(Self.copySQL)
        do {
            result.rows = try produce(&diagnostics) { item in
                switch item {
                case .unit(let unit, let location):
                    if let conflict = units.accept(unit, at: location) { geoDiagnostics.append(conflict) }
                    geoCodes.insert(unit.code)
                case .observation(let record):
                    if let negative = configuration.negativeCount(record) { geoDiagnostics.append(negative) }
                    guard geoCodes.contains(record.geo) else {
                        geoDiagnostics.append(configuration.unknownGeo(record, among: geoCodes))
                        return
                    }
                    let arguments = Self.arguments(record)
                    if configuration.sha256 == nil {
                        let fields = arguments.dropFirst(3).map(\.description).joined(separator: "\u{1F}")
                        recordDigest.update(Array(fields.utf8) + [0x1E])
                    }
                    rowNumber += 1
                    try copy.send([.integer(rowNumber)] + arguments)
                }
            }
            try copy.finish()
        } catch {
            copy.abort()
            throw error
        }
        let digest = try configuration.sha256?() ?? recordDigest.finalize()
        try connection.execute(sql: "CREATE INDEX ON staging (series_key, geo, period, dims); ANALYZE staging")
        diagnostics.append(contentsOf: geoDiagnostics.items)
        if result.rows == 0 && !diagnostics.hasErrors {
            diagnostics.append(Diagnostic(.emptyDelivery, file: configuration.origin))
        }
        diagnostics.append(contentsOf: try duplicateDiagnostics())
        if !diagnostics.hasErrors {
            let gateCheck = GateCheck(database: database, origin: configuration.origin, today: configuration.today)
            diagnostics.append(contentsOf: try gateCheck.check(configuration.gates))
        }
        result.diagnostics = diagnostics.items.sorted { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
        result.droppedDiagnostics = diagnostics.dropped
        if result.failed { throw Rollback.invalid }
        result.identicalBatch = try database.scalarInt(
            "SELECT max(id) FROM import_batch WHERE source_id = ? AND sha256 = ?",
            [.text(configuration.source), .text(digest)])
        for unit in units.added { try GeographyStore(store: store).insert(unit) }
        result.unitsAdded = units.added.count
        try merge(started: started, digest: digest, into: &result)
        if result.added + result.revised > 0 { try configuration.afterMerge?(database) }
        if configuration.dryRun {
            result.dryRun = true
            throw Rollback.dryRun
        }
        if result.added + result.revised + result.unitsAdded == 0 { throw Rollback.unchanged }
    }

    /// `rowid` numbers the delivered rows in order, as SQLite's rowid does, so the shared gate
    /// statements and the messages list problems in file order.
    static let stagingTable = """
        CREATE TEMP TABLE staging (
            rowid BIGINT PRIMARY KEY, line BIGINT NOT NULL, file TEXT NOT NULL, geo_column BIGINT NOT NULL,
            series_key TEXT NOT NULL, geo TEXT NOT NULL, period TEXT NOT NULL, grain TEXT NOT NULL,
            period_start TEXT NOT NULL, period_end TEXT NOT NULL, months INTEGER NOT NULL,
            dims TEXT NOT NULL, dim_keys TEXT NOT NULL, value DOUBLE PRECISION, n DOUBLE PRECISION,
            provisional INTEGER NOT NULL, suppressed INTEGER NOT NULL) ON COMMIT DROP
        """

    static let copySQL = """
        COPY staging (rowid, line, file, geo_column, series_key, geo, period, grain, period_start, period_end, months,
                      dims, dim_keys, value, n, provisional, suppressed) FROM STDIN
        """

    static func arguments(_ record: ObservationRecord) -> [SQLValue] {
        let period = record.period
        return [.integer(Int64(record.location.line)), .text(record.location.file),
                .integer(Int64(record.location.geoColumn)), .text(record.series), .text(record.geo),
                .text(period.code), .text(period.grain.rawValue), .text(period.start.iso), .text(period.end.iso),
                .integer(Int64(period.grain.months)), .text(record.dimensionsJSON), .text(record.dimensionKeys),
                record.value.sqlValue, record.n.sqlValue, record.provisional.sqlValue, record.suppressed.sqlValue]
    }

    /// Every repeated key after its first occurrence, as the SQLite path reports them.
    private func duplicateDiagnostics() throws -> [Diagnostic] {
        try database.query("""
            SELECT later.file, later.line, later.geo_column, first.line,
                   later.series_key, later.geo, later.period, later.dims,
                   CASE WHEN later.value IS NOT DISTINCT FROM first.value AND later.n IS NOT DISTINCT FROM first.n
                         AND later.provisional = first.provisional AND later.suppressed = first.suppressed
                        THEN 1 ELSE 0 END,
                   first.value, later.value
            FROM staging AS later
            JOIN (SELECT DISTINCT ON (series_key, geo, period, dims) * FROM staging
                  ORDER BY series_key, geo, period, dims, rowid) AS first
              ON first.series_key = later.series_key AND first.geo = later.geo AND first.period = later.period
             AND first.dims = later.dims AND first.rowid < later.rowid
            ORDER BY later.rowid
            LIMIT 1000
            """) { row in
            let key = "\(row.string(4)!) \(row.string(5)!) \(row.string(6)!)"
                + (row.string(7) == "{}" ? "" : " \(row.string(7)!)")
            let firstLine = row.int(3)!
            let message: DiagnosticMessage = row.int(8) == 1
                ? .duplicateRow(key, firstLine: firstLine)
                : .conflictingValues(key, here: ObservationImport.show(row.double(10)),
                                     first: ObservationImport.show(row.double(9)), firstLine: firstLine)
            return Diagnostic(message, file: row.string(0)!, line: row.int(1)!, column: 1)
        }
    }

    /// Appends the rows that differ from the current vintage; the rows they replace are kept,
    /// marked superseded by this batch. The series are locked first, in one order, so two imports
    /// of overlapping series take turns instead of deadlocking.
    private func merge(started: String, digest: String, into result: inout ImportResult) throws {
        try database.execute("""
            SELECT pg_advisory_xact_lock(hashtextextended('impact.series:' || key, 0))
            FROM (SELECT DISTINCT series_key AS key FROM staging ORDER BY 1) AS keys
            """)
        try database.execute("INSERT INTO data_source (id, description) VALUES (?, '') ON CONFLICT (id) DO NOTHING",
                             [.text(configuration.source)])
        let batch = try database.scalarInt("""
            INSERT INTO import_batch (source_id, origin, sha256, row_count, started_at, finished_at, status)
            VALUES (?, ?, ?, ?, ?, ?, 'committed') RETURNING id
            """, [.text(configuration.source), .text(configuration.origin), .text(digest),
                  .integer(Int64(result.rows)), .text(started), .text(Timestamp.now())])!
        try database.execute(sql: """
            INSERT INTO series (key) SELECT DISTINCT series_key FROM staging ORDER BY 1 ON CONFLICT (key) DO NOTHING;
            CREATE TEMP TABLE changed ON COMMIT DROP AS
            SELECT s.rowid AS staging_rowid, se.id AS series_id, o.id AS old_id
            FROM staging AS s
            JOIN series AS se ON se.key = s.series_key
            LEFT JOIN observation AS o
              ON o.series_id = se.id AND o.geo = s.geo AND o.period = s.period AND o.dims = s.dims
             AND o.superseded_by IS NULL
            WHERE o.id IS NULL
               OR NOT (o.value IS NOT DISTINCT FROM s.value AND o.n IS NOT DISTINCT FROM s.n
                       AND o.provisional = s.provisional AND o.suppressed = s.suppressed);
            """)
        try ObservationImport.appendChanged(batch: batch, in: database, into: &result)
        result.batchID = batch
    }
}
#endif
