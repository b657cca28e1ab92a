import Foundation

/// Keeps the rollups current inside the import transaction, for exactly the series, dimensions and
/// periods (and the coarser periods containing them) the batch touched, for every area and region.
/// Rollups use the evaluator's own time and cell expressions, so reading a rollup gives the same
/// answer as aggregating the raw observations (property-tested).
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
        for (key, seriesID) in touched {
            guard let series = definitions.series(key) else {
                try database.execute("DELETE FROM rollup WHERE series_id = ?", [.integer(Int64(seriesID))])
                try database.execute("DELETE FROM rollup_series WHERE series_id = ?", [.integer(Int64(seriesID))])
                continue
            }
            let input = SeriesInput(key: key, filters: [], aggregate: nil, time: series.time, geo: series.geo, shift: .none)
            // Incremental only when every dimension combination of the series already has complete
            // rollups with this rule; otherwise the whole series is rebuilt.
            let combinations = try database.scalarInt("SELECT count(DISTINCT dims) FROM observation WHERE series_id = ? AND superseded_by IS NULL",
                                                      [.integer(Int64(seriesID))]) ?? 0
            let registered = try database.scalarInt("SELECT count(*) FROM rollup_series WHERE series_id = ? AND rule = ?",
                                                    [.integer(Int64(seriesID)), .text(input.rule)]) ?? 0
            let incremental = registered == combinations
            let scope = incremental ? "FROM changed AS c JOIN staging AS o ON o.rowid = c.staging_rowid WHERE o.series_key = ?"
                                    : "FROM observation AS o JOIN series AS s ON s.id = o.series_id WHERE s.key = ? AND o.superseded_by IS NULL"
            let periods = try database.query("SELECT DISTINCT o.period \(scope)", [.text(key)]) { $0.string(0)! }
            if !incremental {
                try database.execute("DELETE FROM rollup WHERE series_id = ?", [.integer(Int64(seriesID))])
                try database.execute("DELETE FROM rollup_series WHERE series_id = ?", [.integer(Int64(seriesID))])
            }
            try compute(input, seriesID: seriesID, periods: Self.withContaining(periods))
            try database.execute("""
                INSERT OR REPLACE INTO rollup_series (series_id, dims, rule)
                SELECT DISTINCT series_id, dims, ? FROM observation WHERE series_id = ? AND superseded_by IS NULL
                """, [.text(input.rule), .integer(Int64(seriesID))])
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

    /// Set-based, for every dimension combination of the series at once: every observation is expanded to the touched periods
    /// containing it (its own, and its quarter, half-year and year), aggregated per area and grain with
    /// the evaluator's own time and cell expressions, then combined for every region it belongs to.
    /// One pass over the observations instead of one lookup per area and period.
    private func compute(_ input: SeriesInput, seriesID: Int, periods: [Period]) throws {
        try database.execute(sql: """
            CREATE TEMP TABLE IF NOT EXISTS rollup_target (code TEXT PRIMARY KEY, t_start TEXT NOT NULL, t_end TEXT NOT NULL, months INTEGER NOT NULL);
            DELETE FROM rollup_target;
            """)
        let target = try database.statement("INSERT OR IGNORE INTO rollup_target (code, t_start, t_end, months) VALUES (?, ?, ?, ?)")
        for period in periods { try target.execute([.text(period.code), .text(period.start.iso), .text(period.end.iso), .integer(Int64(period.grain.months))]) }
        let generator = SQLGenerator()
        let exactGrain = input.time == .none ? " AND c.grain = t.months" : ""
        let sql = """
            WITH
            obs AS (
              SELECT o.dims, o.geo AS unit, o.period AS sub, o.months AS grain, o.period_start, o.period_end, o.value, o.n, o.provisional, o.suppressed,
                     substr(o.period_start, 1, 4) AS year, CAST(substr(o.period_start, 6, 2) AS INTEGER) AS month
              FROM observation AS o WHERE o.series_id = ?1 AND o.superseded_by IS NULL),
            candidates AS (
              SELECT obs.*, sub AS target FROM obs
              UNION ALL SELECT obs.*, year || '-Q' || ((month - 1) / 3 + 1) FROM obs WHERE grain = 1
              UNION ALL SELECT obs.*, year || '-H' || ((month - 1) / 6 + 1) FROM obs WHERE grain IN (1, 3)
              UNION ALL SELECT obs.*, year FROM obs WHERE grain IN (1, 3, 6)),
            hits AS (
              SELECT c.*, t.code AS period, t.t_start AS window_start, t.t_end AS window_end, t.months AS cell_months
              FROM candidates AS c JOIN rollup_target AS t ON t.code = c.target\(exactGrain)),
            unit_grain AS (
              SELECT dims, unit, period, window_start, window_end, grain, \(generator.timeValue(input.time)) AS value, sum(n) AS n,
                     max(provisional) AS provisional, max(suppressed) AS suppressed, \(generator.timeComplete(input.time)) AS complete
              FROM (SELECT *, \(input.time == .last ? "max(period_start) OVER (PARTITION BY dims, unit, period, grain)" : "NULL") AS last_start FROM hits)
              GROUP BY dims, unit, period, grain),
            unit_best AS (
              SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY dims, unit, period ORDER BY grain DESC) AS rank FROM unit_grain) WHERE rank = 1),
            unit_rows AS (
              SELECT dims, unit AS geo, period, unit, 1 AS direct, 1 AS required, value, n, provisional, suppressed, complete FROM unit_best
              UNION ALL
              SELECT DISTINCT b.dims, m.region, b.period, b.unit, 0, CASE WHEN g.kind = 'area' THEN 1 ELSE 0 END, b.value, b.n, b.provisional, b.suppressed, b.complete
              FROM unit_best AS b
              JOIN membership AS m ON m.member = b.unit AND m.valid_from < b.window_end AND (m.valid_until IS NULL OR m.valid_until > b.window_start)
              JOIN geo_unit AS g ON g.code = b.unit),
            required AS (
              SELECT m.region AS geo, t.code AS period, count(DISTINCT m.member) AS required_members
              FROM rollup_target AS t
              JOIN membership AS m ON m.valid_from < t.t_end AND (m.valid_until IS NULL OR m.valid_until > t.t_start)
              JOIN geo_unit AS g ON g.code = m.member AND g.kind = 'area'
              GROUP BY m.region, t.code),
            x_best AS (
              SELECT r.*, coalesce(q.required_members, 0) AS required_members, max(r.direct) OVER (PARTITION BY r.dims, r.geo, r.period) AS chosen
              FROM unit_rows AS r LEFT JOIN required AS q ON q.geo = r.geo AND q.period = r.period),
            \(generator.cellCTE(input, "x", partition: "dims"))
            INSERT OR REPLACE INTO rollup (series_id, dims, geo, period_start, period_end, value, n, provisional, suppressed, complete, partial, direct)
            SELECT ?1, x.dims, x.geo, t.t_start, t.t_end, x.value, x.n, coalesce(x.provisional, 0), coalesce(x.suppressed, 0),
                   coalesce(x.complete, 0), coalesce(x.partial, 0), coalesce(x.direct, 0)
            FROM x JOIN rollup_target AS t ON t.code = x.period
            """
        // One statement reads and writes: no row passes through Swift.
        try database.execute(sql, [.integer(Int64(seriesID))])
    }
}
