import Foundation

/// Keeps the rollups current inside the import transaction, for exactly the series and calendar
/// years the batch touched, for every area and region. `RollupBuilder` computes them in memory with
/// the evaluator's rules, so reading a rollup gives the same answer as aggregating the raw
/// observations (property-tested).
public struct RollupMaintainer {
    public let store: Store
    public let definitions: DefinitionSet

    public init(store: Store, definitions: DefinitionSet) {
        self.store = store
        self.definitions = definitions
    }

    private var database: Database { store.database }

    /// Refreshes the rollups for the rows of the batch being imported (temp tables `changed` and `staging`).
    public func refresh() throws {
        let geography = try GeographyStore(store: store).load()
        for (seriesID, batch) in try touched().sorted(by: { $0.key < $1.key }) {
            let id = SQLValue.integer(Int64(seriesID))
            guard let series = definitions.series(batch.key) else {
                try database.execute("DELETE FROM rollup WHERE series_id = ?", [id])
                try database.execute("DELETE FROM rollup_series WHERE series_id = ?", [id])
                continue
            }
            let rule = SeriesInput(key: batch.key, filters: [], aggregate: nil, time: series.time, geo: series.geo, shift: .none).rule
            let builder = RollupBuilder(time: series.time, geo: series.geo, geography: geography)
            if try canRefresh(seriesID: seriesID, rule: rule, dimensions: batch.dimensions) {
                try rebuild(seriesID: seriesID, scope: batch, areas: Array(geography.units.keys), with: builder)
            } else {
                try database.execute("DELETE FROM rollup WHERE series_id = ?", [id])
                try database.execute("DELETE FROM rollup_series WHERE series_id = ?", [id])
                try rebuild(seriesID: seriesID, scope: nil, areas: Array(geography.units.keys), with: builder)
                try database.execute("""
                    INSERT INTO rollup_series (series_id, dims, rule)
                    SELECT DISTINCT series_id, dims, ? FROM observation WHERE series_id = ? AND superseded_by IS NULL
                    """, [.text(rule), id])
            }
        }
    }

    /// What the batch changed, per series: dimension combinations and calendar years.
    struct Touched {
        var key: String
        var dimensions: Set<String> = []
        var dimensionKeys: Set<String> = []
        var years: Set<String> = []
    }

    private func touched() throws -> [Int: Touched] {
        var touched: [Int: Touched] = [:]
        try database.statement("""
            SELECT DISTINCT c.series_id, s.series_key, s.dims, s.dim_keys, substr(s.period_start, 1, 4)
            FROM changed AS c JOIN staging AS s ON s.rowid = c.staging_rowid
            """).forEach { row in
            let id = row.int(0)!
            touched[id, default: Touched(key: row.string(1)!)].dimensions.insert(row.string(2)!)
            touched[id]!.dimensionKeys.insert(row.string(3)!)
            touched[id]!.years.insert(row.string(4)!)
        }
        return touched
    }

    /// Incremental only when every registered combination of the series has this rule and every
    /// touched combination is registered: their rollups are complete, so only touched years change.
    /// Otherwise the whole series is rebuilt (a new series, a new combination, a changed rule).
    private func canRefresh(seriesID: Int, rule: String, dimensions: Set<String>) throws -> Bool {
        let registered = try database.query("SELECT dims, rule FROM rollup_series WHERE series_id = ?", [.integer(Int64(seriesID))]) {
            ($0.string(0)!, $0.string(1)!)
        }
        return registered.allSatisfy { $0.1 == rule } && dimensions.isSubset(of: Set(registered.map(\.0)))
    }

    /// Recomputes whole calendar years of one series: all of them (`scope` nil), or only the
    /// touched combinations and years. Every rollup period lies within the year it starts in, so a
    /// year of observations is all a year of rollups needs. Each year is read on its own through the
    /// lookup index (series, dimension names, area, period): no sort over the history, memory flat
    /// however long it is, and the cost of a small batch follows the batch.
    private func rebuild(seriesID: Int, scope: Touched?, areas: [String], with builder: RollupBuilder) throws {
        let id = SQLValue.integer(Int64(seriesID))
        var years = scope?.years ?? []
        var dimensionKeys = scope?.dimensionKeys ?? []
        if scope == nil {
            try database.statement("SELECT dim_keys, min(period_start), max(period_start) FROM observation WHERE series_id = ? GROUP BY dim_keys")
                .forEach([id]) { row in
                    dimensionKeys.insert(row.string(0)!)
                    if let first = Int(row.string(1)!.prefix(4)), let last = Int(row.string(2)!.prefix(4)) {
                        years.formUnion((first...last).map { String(format: "%04d", $0) })
                    }
                }
        }
        let read = try database.statement("""
            SELECT dims, geo, period, value, n, provisional, suppressed FROM observation
            WHERE series_id = ?1 AND dim_keys IN (SELECT value FROM json_each(?2)) AND geo IN (SELECT value FROM json_each(?3))
              AND period_start >= ?4 AND period_start < ?5 AND superseded_by IS NULL
              AND (?6 IS NULL OR dims IN (SELECT value FROM json_each(?6)))
            """)
        let filter: [SQLValue] = [.text(Self.json(dimensionKeys)), .text(Self.json(areas))]
        let dimensions: SQLValue = scope.map { .text(Self.json($0.dimensions)) } ?? .null
        var periods = PeriodCache()
        var chunk: [RollupObservation] = []
        for year in years.sorted() {
            guard let bounds = Self.bounds(of: year) else { continue }
            chunk.removeAll(keepingCapacity: true)
            try read.forEach([id] + filter + [.text(bounds.start), .text(bounds.end), dimensions]) { row in
                guard let period = periods.period(row.string(2)!) else { return }
                chunk.append(RollupObservation(dims: row.string(0)!, unit: row.string(1)!, period: period, value: row.double(3), n: row.double(4),
                                               provisional: row.int(5) == 1, suppressed: row.int(6) == 1))
            }
            try write(builder.build(chunk), seriesID: seriesID, year: year, replacing: scope?.dimensions, periods: &periods)
        }
    }

    static func json(_ values: some Collection<String>) -> String { JSONText.array(values.sorted()) }

    /// `[YYYY-01-01, YYYY+1-01-01)` for a year as `period_start` begins.
    static func bounds(of year: String) -> (start: String, end: String)? {
        guard let number = Int(year) else { return nil }
        return (year + "-01-01", String(format: "%04d", number + 1) + "-01-01")
    }

    /// Writes the rollups of one series and year in key order, so the table grows by appending.
    /// `replacing`: the combinations whose old rollups for that year go first; nil after the whole
    /// series was cleared for a full rebuild.
    private func write(_ cells: [RollupCell], seriesID: Int, year: String, replacing dimensions: Set<String>?, periods: inout PeriodCache) throws {
        let id = SQLValue.integer(Int64(seriesID))
        if let dimensions, let bounds = Self.bounds(of: year) {
            try database.execute("DELETE FROM rollup WHERE series_id = ? AND period_start >= ? AND period_start < ? AND dims IN (SELECT value FROM json_each(?))",
                                 [id, .text(bounds.start), .text(bounds.end), .text(Self.json(dimensions))])
        }
        let insert = try database.statement("""
            INSERT INTO rollup (series_id, period_start, period_end, dims, geo, value, n, provisional, suppressed, complete, partial, direct)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for cell in Self.inKeyOrder(cells, periods: &periods) {
            let window = periods.window(cell.period)
            try insert.execute([id, .text(window.start), .text(window.end), .text(cell.dims), .text(cell.geo), cell.value.sqlValue, cell.n.sqlValue,
                                cell.provisional.sqlValue, cell.suppressed.sqlValue, cell.complete.sqlValue, cell.partial.sqlValue, cell.direct.sqlValue])
        }
    }

    /// Series touched without definitions (or with dimensions that cannot be read back) lose their
    /// rollups: evaluation falls back to the raw observations until a later import rebuilds them.
    public static func invalidateTouched(_ database: Database) throws {
        try database.execute(sql: """
            DELETE FROM rollup WHERE (series_id, dims) IN (SELECT DISTINCT c.series_id, s.dims FROM changed AS c JOIN staging AS s ON s.rowid = c.staging_rowid);
            DELETE FROM rollup_series WHERE (series_id, dims) IN (SELECT DISTINCT c.series_id, s.dims FROM changed AS c JOIN staging AS s ON s.rowid = c.staging_rowid);
            """)
    }
}

extension RollupMaintainer {
    /// The cells in the table's key order (period start, end, dims, geo). Ranks of the few distinct
    /// values replace string comparisons, which dominated the write when sorting thousands of cells.
    fileprivate static func inKeyOrder(_ cells: [RollupCell], periods: inout PeriodCache) -> [RollupCell] {
        func ranks(_ values: Set<String>) -> [String: Int] {
            Dictionary(uniqueKeysWithValues: values.sorted { Array($0.utf8).lexicographicallyPrecedes($1.utf8) }.enumerated().map { ($1, $0) })
        }
        let distinctPeriods = Set(cells.map(\.period))
        var windows: [Period: (start: String, end: String)] = [:]
        for period in distinctPeriods { windows[period] = periods.window(period) }
        let periodRank = Dictionary(uniqueKeysWithValues: distinctPeriods.sorted { (windows[$0]!.start, windows[$0]!.end) < (windows[$1]!.start, windows[$1]!.end) }
            .enumerated().map { ($1, $0) })
        let dimsRank = ranks(Set(cells.map(\.dims)))
        let geoRank = ranks(Set(cells.map(\.geo)))
        let keys = cells.map { (periodRank[$0.period]!, dimsRank[$0.dims]!, geoRank[$0.geo]!) }
        return cells.indices.sorted { keys[$0] < keys[$1] }.map { cells[$0] }
    }
}

/// Period codes and ISO bounds seen during a rebuild, parsed and formatted once each.
private struct PeriodCache {
    private var parsed: [String: Period] = [:]
    private var windows: [Period: (start: String, end: String)] = [:]

    mutating func period(_ code: String) -> Period? {
        if let period = parsed[code] { return period }
        let period = try? Period.parse(code).period
        parsed[code] = period
        return period
    }

    mutating func window(_ period: Period) -> (start: String, end: String) {
        if let window = windows[period] { return window }
        let window = (period.start.iso, period.end.iso)
        windows[period] = window
        return window
    }
}
