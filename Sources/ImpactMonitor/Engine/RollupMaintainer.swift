import Foundation

/// Keeps the rollups current inside the import transaction, for exactly the series, dimensions,
/// areas (and the regions they belong to) and periods (and the coarser periods containing them)
/// the batch touched. Rollups are computed by the evaluator's own SQL, so reading a rollup gives the
/// same answer as aggregating the raw observations (property-tested).
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
            SELECT DISTINCT s.series_key, s.dims, c.series_id FROM changed AS c JOIN staging AS s ON s.rowid = c.staging_rowid
            """) { ($0.string(0)!, $0.string(1)!, $0.int(2)!) }
        for (key, dims, seriesID) in touched {
            guard let series = definitions.series(key), let filters = Self.filters(dims) else {
                try Self.invalidate(database, seriesID: seriesID, dims: dims)
                continue
            }
            let input = SeriesInput(key: key, filters: filters, aggregate: nil, time: series.time, geo: series.geo, shift: .none)
            let registered = try database.scalar("SELECT rule FROM rollup_series WHERE series_id = ? AND dims = ?", [.integer(Int64(seriesID)), .text(dims)])
            let incremental = registered == .text(input.rule)
            let scope = incremental ? "FROM changed AS c JOIN staging AS o ON o.rowid = c.staging_rowid WHERE o.series_key = ? AND o.dims = ?"
                                    : "FROM observation AS o JOIN series AS s ON s.id = o.series_id WHERE s.key = ? AND o.dims = ? AND o.superseded_by IS NULL"
            let arguments: [SQLValue] = [.text(key), .text(dims)]
            let periods = try database.query("SELECT DISTINCT o.period \(scope)", arguments) { $0.string(0)! }
            let geos = try database.query("SELECT DISTINCT o.geo \(scope)", arguments) { $0.string(0)! }
            if !incremental { try database.execute("DELETE FROM rollup WHERE series_id = ? AND dims = ?", [.integer(Int64(seriesID)), .text(dims)]) }
            try compute(input, seriesID: seriesID, dims: dims, geos: try withRegions(geos), periods: Self.withContaining(periods))
            try database.execute("INSERT OR REPLACE INTO rollup_series (series_id, dims, rule) VALUES (?, ?, ?)",
                                 [.integer(Int64(seriesID)), .text(dims), .text(input.rule)])
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

    static func invalidate(_ database: Database, seriesID: Int, dims: String) throws {
        try database.execute("DELETE FROM rollup WHERE series_id = ? AND dims = ?", [.integer(Int64(seriesID)), .text(dims)])
        try database.execute("DELETE FROM rollup_series WHERE series_id = ? AND dims = ?", [.integer(Int64(seriesID)), .text(dims)])
    }

    /// Exact-match filters for a stored dimensions JSON.
    static func filters(_ dims: String) -> [PlanFilter]? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(dims.utf8)) as? [String: String] else { return nil }
        return object.keys.sorted().map { PlanFilter(dimension: $0, values: [object[$0]!], negated: false) }
    }

    /// The areas plus every region they belong to (a region's value depends on its members).
    private func withRegions(_ geos: [String]) throws -> [String] {
        let regions = try database.query("SELECT DISTINCT region FROM membership WHERE member IN (SELECT value FROM json_each(?))",
                                         [.text(Evaluator.geosJSON(geos))]) { $0.string(0)! }
        return Array(Set(geos + regions)).sorted()
    }

    /// The periods plus every coarser period containing them (months make quarters, half-years, years).
    static func withContaining(_ codes: [String]) -> [Period] {
        var periods = Set<Period>()
        for code in codes {
            guard let period = try? Period.parse(code).period else { continue }
            periods.insert(period)
            for grain in [Grain.quarter, .half, .year] { if let coarser = period.converted(to: grain) { periods.insert(coarser) } }
        }
        return periods.sorted()
    }

    private func compute(_ input: SeriesInput, seriesID: Int, dims: String, geos: [String], periods: [Period]) throws {
        let plan = IndicatorPlan(indicator: "rollup", expression: .input(0), inputs: [input], shifts: [.none], minimumN: nil)
        let query = SQLGenerator().compile(plan)
        let arguments = [SQLValue.text(Evaluator.geosJSON(geos)), .text(Evaluator.periodsJSON(periods, shifts: [.none]))] + query.fixedParameters
        let windows = Dictionary(uniqueKeysWithValues: periods.map { ($0.code, ($0.start.iso, $0.end.iso)) })
        let insert = try database.statement("""
            INSERT OR REPLACE INTO rollup (series_id, dims, geo, period_start, period_end, value, n, provisional, suppressed, complete, partial, direct)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let base = SQLGenerator.cellColumns.count
        // Rows are written while they are read, so memory does not grow with the number of cells.
        _ = try database.statement(query.sql).query(arguments) { row in
            guard row.int(base + 6) == 1, let period = row.string(1), let window = windows[period] else { return }
            try insert.execute([.integer(Int64(seriesID)), .text(dims), .text(row.string(0)!), .text(window.0), .text(window.1), row.value(base), row.value(base + 1),
                                .integer(Int64(row.int(base + 2) ?? 0)), .integer(Int64(row.int(base + 3) ?? 0)), .integer(Int64(row.int(base + 4) ?? 0)),
                                .integer(Int64(row.int(base + 5) ?? 0)), .integer(Int64(row.int(base + 7) ?? 0))])
        }
    }
}
