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
        let touched = try database.query("""
            SELECT DISTINCT s.series_key, c.series_id FROM changed AS c JOIN staging AS s ON s.rowid = c.staging_rowid
            """) { ($0.string(0)!, $0.int(1)!) }
        let geography = try GeographyStore(store: store).load()
        for (key, seriesID) in touched {
            let id = SQLValue.integer(Int64(seriesID))
            guard let series = definitions.series(key) else {
                try database.execute("DELETE FROM rollup WHERE series_id = ?", [id])
                try database.execute("DELETE FROM rollup_series WHERE series_id = ?", [id])
                continue
            }
            let rule = SeriesInput(key: key, filters: [], aggregate: nil, time: series.time, geo: series.geo, shift: .none).rule
            let years = try yearsToRefresh(key: key, seriesID: seriesID, rule: rule)
            try rebuild(seriesID: seriesID, years: years, with: RollupBuilder(time: series.time, geo: series.geo, geography: geography))
            try database.execute("""
                INSERT OR REPLACE INTO rollup_series (series_id, dims, rule)
                SELECT DISTINCT series_id, dims, ? FROM observation WHERE series_id = ? AND superseded_by IS NULL
                """, [.text(rule), id])
        }
    }

    /// The years the batch touched when every dimension combination of the series already has
    /// complete rollups with this rule; otherwise nil, after clearing the series for a full rebuild.
    private func yearsToRefresh(key: String, seriesID: Int, rule: String) throws -> Set<String>? {
        let id = SQLValue.integer(Int64(seriesID))
        let combinations = try database.scalarInt("SELECT count(DISTINCT dims) FROM observation WHERE series_id = ? AND superseded_by IS NULL", [id]) ?? 0
        let registered = try database.scalarInt("SELECT count(*) FROM rollup_series WHERE series_id = ? AND rule = ?", [id, .text(rule)]) ?? 0
        guard registered == combinations else {
            try database.execute("DELETE FROM rollup WHERE series_id = ?", [id])
            try database.execute("DELETE FROM rollup_series WHERE series_id = ?", [id])
            return nil
        }
        return Set(try database.query("""
            SELECT DISTINCT substr(s.period_start, 1, 4) FROM changed AS c JOIN staging AS s ON s.rowid = c.staging_rowid WHERE s.series_key = ?
            """, [.text(key)]) { $0.string(0)! })
    }

    /// Recomputes whole calendar years of one series (all years when `years` is nil). Every rollup
    /// period lies within the year it starts in, so a year of observations is all a year of rollups
    /// needs; reading one year at a time keeps memory flat however long the history.
    private func rebuild(seriesID: Int, years: Set<String>?, with builder: RollupBuilder) throws {
        var arguments: [SQLValue] = [.integer(Int64(seriesID))]
        var range = ""
        if let years, let first = years.min(), let last = years.max(), let lastYear = Int(last) {
            range = " AND period_start >= ? AND period_start < ?"
            arguments += [.text(first + "-01-01"), .text(String(lastYear + 1) + "-01-01")]
        }
        let read = try database.statement("""
            SELECT dims, geo, period, substr(period_start, 1, 4), value, n, provisional, suppressed
            FROM observation WHERE series_id = ? AND superseded_by IS NULL\(range) ORDER BY period_start
            """)
        var periods = PeriodCache()
        var year = ""
        var chunk: [RollupObservation] = []
        try read.forEach(arguments) { row in
            let rowYear = row.string(3)!
            if rowYear != year {
                if years?.contains(year) ?? true { try write(builder.build(chunk), seriesID: seriesID, year: year, periods: &periods) }
                chunk.removeAll(keepingCapacity: true)
                year = rowYear
            }
            guard years?.contains(rowYear) ?? true, let period = periods.period(row.string(2)!) else { return }
            chunk.append(RollupObservation(dims: row.string(0)!, unit: row.string(1)!, period: period, value: row.double(4), n: row.double(5),
                                           provisional: row.int(6) == 1, suppressed: row.int(7) == 1))
        }
        if years?.contains(year) ?? true { try write(builder.build(chunk), seriesID: seriesID, year: year, periods: &periods) }
    }

    /// Replaces the rollups of one series and year, written in key order so the table grows by appending.
    private func write(_ cells: [RollupCell], seriesID: Int, year: String, periods: inout PeriodCache) throws {
        guard let number = Int(year) else { return }
        let id = SQLValue.integer(Int64(seriesID))
        try database.execute("DELETE FROM rollup WHERE series_id = ? AND period_start >= ? AND period_start < ?",
                             [id, .text(year + "-01-01"), .text(String(number + 1) + "-01-01")])
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
