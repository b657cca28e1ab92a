import Foundation
import ImpactCore

/// The rollup tables: what an import batch touched, the registry of complete rollups per series,
/// dimensions and aggregation rule, reading a year of observations and writing a year of rollups.
/// The engine's `RollupMaintainer` decides what to rebuild; this type only reads and writes.
public struct RollupStore {
    public let database: Database

    public init(store: Store) { self.database = store.database }

    /// A region-limited role on a server may not keep rollups: it would sum regions and compare
    /// members over only the municipalities it may see, for readers who see them all.
    public func checkWriter() throws {
        guard try database.isRegionLimited() else { return }
        throw StoreError(code: ResultCode.error, message: """
            this role reads only its own regions' municipalities, so it cannot keep the rollups every reader \
            uses; import as a role without a region
            """)
    }

    /// What the batch being imported changed in one series (temp tables `changed` and `staging`, and
    /// on SQLite `direct_touched` for the rows `DirectLoad` wrote without staging).
    public struct Scope: Sendable {
        public var key: String
        public var dimensions: Set<String> = []
        public var dimensionKeys: Set<String> = []
        public var years: Set<String> = []
    }

    /// A rule string per "series key|dimensions JSON": the rollups the evaluator may read.
    public struct Registry: Sendable {
        let rules: [String: String]
        /// The combinations whose member statistics are kept as well (since their last full rebuild);
        /// none for a region-limited role on a server, which may compare only the members it can see.
        let keptStatistics: Set<String>

        /// `rules`: "series key|dimensions JSON" → rule; `keptStatistics`: those keys whose member
        /// statistics are kept (all of them when nil).
        package init(rules: [String: String], keptStatistics: Set<String>? = nil) {
            self.rules = rules
            self.keptStatistics = keptStatistics ?? Set(rules.keys)
        }

        /// The rule the rollups of `series` with exactly `dimensions` were built with, if complete.
        public func rule(series: String, dimensions: String) -> String? { rules["\(series)|\(dimensions)"] }

        /// Whether comparisons across the members of `series` with `dimensions` may read `member_rollup`.
        public func keepsMemberStatistics(series: String, dimensions: String) -> Bool {
            keptStatistics.contains("\(series)|\(dimensions)")
        }
    }

    /// The complete rollups, and (on a server, in the same statement) whether the reader is
    /// limited to some regions' municipalities.
    public func registry() throws -> Registry {
        let access = database.engine == .postgresql
            ? "\nUNION ALL SELECT NULL, NULL, CASE WHEN \(RegionLimit.condition) THEN 'limited' ELSE '' END, 0" : ""
        var rules: [String: String] = [:]
        var kept: Set<String> = []
        var limited = false
        try database.statement("""
            SELECT s.key, r.dims, r.rule, r.member_statistics
            FROM rollup_series AS r JOIN series AS s ON s.id = r.series_id\(access)
            """).forEach { row in
            guard let key = row.string(0), let dimensions = row.string(1), let rule = row.string(2) else {
                limited = row.string(2) == "limited"
                return
            }
            rules["\(key)|\(dimensions)"] = rule
            if row.int(3) == 1 { kept.insert("\(key)|\(dimensions)") }
        }
        return Registry(rules: rules, keptStatistics: limited ? [] : kept)
    }

    /// Per series id, what the batch being imported changed.
    public func touchedByBatch() throws -> [Int: Scope] {
        var touched: [Int: Scope] = [:]
        try database.statement("SELECT DISTINCT * FROM (\(Self.touched(database))) AS touched").forEach { row in
            let id = row.int(0)!
            touched[id, default: Scope(key: row.string(1)!)].dimensions.insert(row.string(2)!)
            touched[id]!.dimensionKeys.insert(row.string(3)!)
            touched[id]!.years.insert(row.string(4)!)
        }
        return touched
    }

    /// Dimensions JSON → rule of every registered combination of the series.
    /// Per registered combination of the series: its dimensions, its rule, and whether its member
    /// statistics are kept too.
    public func registeredRules(seriesID: Int) throws -> [(dimensions: String, rule: String, statistics: Bool)] {
        try database.query("SELECT dims, rule, member_statistics FROM rollup_series WHERE series_id = ?",
                           [.integer(Int64(seriesID))]) { ($0.string(0)!, $0.string(1)!, $0.int(2) == 1) }
    }

    public func clear(seriesID: Int) throws {
        let id = SQLValue.integer(Int64(seriesID))
        try database.execute("DELETE FROM rollup WHERE series_id = ?", [id])
        try database.execute("DELETE FROM member_rollup WHERE series_id = ?", [id])
        try database.execute("DELETE FROM rollup_series WHERE series_id = ?", [id])
    }

    /// The current observations of a series.
    public func currentRows(seriesID: Int) throws -> Int {
        try database.scalarInt("SELECT count(*) FROM observation WHERE series_id = ? AND superseded_by IS NULL",
                               [.integer(Int64(seriesID))]) ?? 0
    }

    /// Records `dimensions`, every current combination of the series, as complete under `rule`.
    public func register(seriesID: Int, rule: String, dimensions: Set<String>) throws {
        let columns = ["series_id", "dims", "rule", "member_statistics"]
        try database.appendRows(into: "rollup_series", columns: columns) { add in
            for dims in dimensions.sorted() {
                try add([.integer(Int64(seriesID)), .text(dims), .text(rule), .integer(1)])
            }
        }
    }

    /// Records every current dimension combination of the series as complete under `rule`.
    public func register(seriesID: Int, rule: String) throws {
        try database.execute("""
            INSERT INTO rollup_series (series_id, dims, rule, member_statistics)
            SELECT DISTINCT series_id, dims, ?, 1 FROM observation WHERE series_id = ? AND superseded_by IS NULL
            """, [.text(rule), .integer(Int64(seriesID))])
    }

    /// The whole stored extent of a series: its dimension names and every calendar year from the first to the last.
    public func extent(seriesID: Int) throws -> (dimensionKeys: Set<String>, years: Set<String>) {
        var keys = Set<String>()
        var years = Set<String>()
        try database.statement("""
            SELECT dim_keys, min(period_start), max(period_start) FROM observation WHERE series_id = ? GROUP BY dim_keys
            """).forEach([.integer(Int64(seriesID))]) { row in
            keys.insert(row.string(0)!)
            if let first = Int(row.string(1)!.prefix(4)), let last = Int(row.string(2)!.prefix(4)) {
                years.formUnion((first...last).map { String(format: "%04d", $0) })
            }
        }
        return (keys, years)
    }

    /// Streams the current observations of one series starting in one calendar year, read through
    /// the lookup index (series, dimension names, area, period): no sort over the history.
    /// `dimensions` nil: every combination with the given dimension names.
    public func forEachObservation(seriesID: Int, dimensionKeys: Set<String>, areas: [String], year: String,
                                   dimensions: Set<String>?, _ body: (RollupObservation) -> Void) throws {
        guard let bounds = Self.bounds(of: year) else { return }
        let read = try database.statement("""
            SELECT dims, geo, period, value, n, provisional, suppressed FROM observation
            WHERE series_id = ?1 AND dim_keys IN (SELECT value FROM json_each(?2)) \
            AND geo IN (SELECT value FROM json_each(?3))
              AND period_start >= ?4 AND period_start < ?5 AND superseded_by IS NULL
              AND (CAST(?6 AS TEXT) IS NULL OR dims IN (SELECT value FROM json_each(?6)))
            """)
        let arguments: [SQLValue] = [.integer(Int64(seriesID)), .text(Self.json(dimensionKeys)),
                                     .text(Self.json(areas)), .text(bounds.start), .text(bounds.end),
                                     dimensions.map { .text(Self.json($0)) } ?? .null]
        var periods: [String: Period?] = [:]
        try read.forEach(arguments) { row in
            let code = row.string(2)!
            let parsed = periods[code] ?? {
                let period = try? Period.parse(code).period
                periods[code] = period
                return period
            }()
            guard let period = parsed else { return }
            body(RollupObservation(dims: row.string(0)!, unit: row.string(1)!, period: period, value: row.double(3),
                                   n: row.double(4), provisional: row.int(5) == 1, suppressed: row.int(6) == 1))
        }
    }

    /// `observations` of one series and year in the order `forEachObservation` reads them: by
    /// dimension names, area and period start (its index), rows alike in all three in the order they
    /// were written. Within one dimension combination, which is all a sum spans, ordering by the
    /// combination itself gives the same order. A delivery sorted by area and period is in that order
    /// already, and is only checked.
    public static func inReadOrder(_ observations: [RollupObservation]) -> [RollupObservation] {
        guard !isInReadOrder(observations) else { return observations }
        let dims = ranks(of: observations.map(\.dims))
        let units = ranks(of: observations.map(\.unit))
        let keys = observations.map { (dims[$0.dims]!, units[$0.unit]!, $0.period.start) }
        return observations.indices.sorted { a, b in
            (keys[a].0, keys[a].1, keys[a].2, a) < (keys[b].0, keys[b].1, keys[b].2, b)
        }.map { observations[$0] }
    }

    /// Whether each dimension combination's rows come by area, then period start.
    private static func isInReadOrder(_ observations: [RollupObservation]) -> Bool {
        var last: [String: (unit: String, start: CivilDate)] = [:]
        for row in observations {
            let start = row.period.start
            if let before = last[row.dims], before.unit != row.unit
                ? !before.unit.utf8.lexicographicallyPrecedes(row.unit.utf8) : start < before.start {
                return false
            }
            last[row.dims] = (row.unit, start)
        }
        return true
    }

    /// Each distinct text's position in byte order, as SQLite compares text.
    private static func ranks(of texts: [String]) -> [String: Int] {
        let sorted = Set(texts).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1, $0) })
    }

    /// Writes the rollups and member statistics of one series and year in the tables' key order, so
    /// the tables grow by appending. `replacing`: the combinations whose old rows of that year go
    /// first; nil after the whole series was cleared for a full rebuild.
    public func write(_ rows: RollupRows, seriesID: Int, year: String, replacing dimensions: Set<String>?) throws {
        let id = SQLValue.integer(Int64(seriesID))
        if let dimensions, let bounds = Self.bounds(of: year) {
            for table in ["rollup", "member_rollup"] {
                try database.execute("""
                    DELETE FROM \(table) WHERE series_id = ? AND period_start >= ? AND period_start < ?
                      AND dims IN (SELECT value FROM json_each(?))
                    """, [id, .text(bounds.start), .text(bounds.end), .text(Self.json(dimensions))])
            }
        }
        try database.appendRows(into: "rollup", columns: Self.columns) { add in
            for (cell, window) in zip(rows.cells, rows.cellWindows) {
                try add([id, .text(window.start), .text(window.end), .text(cell.dims), .text(cell.geo),
                         cell.value.sqlValue, cell.n.sqlValue, cell.provisional.sqlValue, cell.suppressed.sqlValue,
                         cell.complete.sqlValue, cell.partial.sqlValue, cell.direct.sqlValue])
            }
        }
        try database.appendRows(into: "member_rollup", columns: Self.memberColumns) { add in
            for (cell, window) in zip(rows.memberStatistics, rows.statisticsWindows) {
                try add([id, .text(window.start), .text(window.end), .text(cell.dims), .text(cell.geo),
                         .integer(Int64(cell.members)), .integer(Int64(cell.compared)), cell.n.sqlValue,
                         cell.provisional.sqlValue, cell.suppressed.sqlValue, cell.complete.sqlValue,
                         cell.mean.sqlValue, cell.median.sqlValue, cell.minimum.sqlValue, cell.maximum.sqlValue])
            }
        }
    }

    static let columns = ["series_id", "period_start", "period_end", "dims", "geo", "value", "n", "provisional",
                          "suppressed", "complete", "partial", "direct"]
    static let memberColumns = ["series_id", "period_start", "period_end", "dims", "geo", "members", "compared", "n",
                                "provisional", "suppressed", "complete", "mean", "median", "minimum", "maximum"]

    /// Series touched without definitions (or with dimensions that cannot be read back) lose their
    /// rollups: evaluation falls back to the raw observations until a later import rebuilds them.
    public static func invalidateTouched(_ database: Database) throws {
        let touched = "SELECT DISTINCT series_id, dims FROM (\(Self.touched(database))) AS touched"
        try database.execute(sql: ["rollup", "member_rollup", "rollup_series"].map {
            "DELETE FROM \($0) WHERE (series_id, dims) IN (\(touched));"
        }.joined(separator: "\n"))
    }

    /// Series, series key, dimensions, dimension names and calendar year of every row the batch
    /// being imported wrote.
    private static func touched(_ database: Database) -> String {
        let staged = """
            SELECT c.series_id AS series_id, s.series_key AS series_key, s.dims AS dims, s.dim_keys AS dim_keys,
                   substr(s.period_start, 1, 4) AS year
            FROM changed AS c JOIN staging AS s ON s.rowid = c.staging_rowid
            """
        guard database.engine == .sqlite else { return staged }
        return staged + "\nUNION ALL SELECT series_id, series_key, dims, dim_keys, year FROM direct_touched"
    }

    static func json(_ values: some Collection<String>) -> String { JSONText.array(values.sorted()) }

    /// `[YYYY-01-01, YYYY+1-01-01)` for a year as `period_start` begins.
    static func bounds(of year: String) -> (start: String, end: String)? {
        guard let number = Int(year) else { return nil }
        return (year + "-01-01", String(format: "%04d", number + 1) + "-01-01")
    }
}
