import ImpactCore

/// Questions about what the store holds, answered without evaluating indicators: years and series
/// with data, coverage per series, area and period, the vintages of one figure.
public struct ObservationSummary {
    public let database: Database

    public init(store: Store) { self.database = store.database }

    /// First and last calendar year with a current observation (of `grain`, when given).
    public func yearsWithData(grain: Grain? = nil) throws -> ClosedRange<Int>? {
        let years = try database.query("""
            SELECT min(CAST(substr(period_start, 1, 4) AS INTEGER)), max(CAST(substr(period_start, 1, 4) AS INTEGER))
            FROM observation WHERE superseded_by IS NULL AND (CAST(?1 AS TEXT) IS NULL OR grain = ?1)
            """, [grain.map { .text($0.rawValue) } ?? .null]) { ($0.int(0), $0.int(1)) }.first
        guard let first = years?.0, let last = years?.1 else { return nil }
        return first...last
    }

    /// Every series key the store has seen.
    public func seriesKeys() throws -> [String] {
        try database.query("SELECT key FROM series ORDER BY key") { $0.string(0)! }
    }

    /// Series, period and the number of areas with a current value.
    public func areasPerSeriesAndPeriod() throws -> [(series: String, period: String, areas: Int)] {
        try database.query("""
            SELECT s.key, o.period, count(DISTINCT o.geo)
            FROM observation AS o JOIN series AS s ON s.id = o.series_id
            WHERE o.superseded_by IS NULL AND o.value IS NOT NULL
            GROUP BY s.key, o.period
            """) { ($0.string(0)!, $0.string(1)!, $0.int(2)!) }
    }

    /// The state of one series × area × period cell.
    public struct CellState: Sendable {
        public let series: String
        public let geo: String
        public let period: String
        public let hasValue: Bool
        public let provisional: Bool
        public let suppressed: Bool
    }

    /// Every current cell of the given series (all series when empty) whose period lies within
    /// `from`…`to` (each open when nil): it starts no earlier than `from` and ends no later than `to`.
    public func cellStates(series keys: [String], from: Period? = nil, to: Period? = nil) throws -> [CellState] {
        try database.query("""
            SELECT s.key, o.geo, o.period, max(CASE WHEN o.value IS NOT NULL THEN 1 ELSE 0 END), max(o.provisional),
                   max(o.suppressed)
            FROM observation AS o JOIN series AS s ON s.id = o.series_id
            WHERE o.superseded_by IS NULL AND (?1 = '[]' OR s.key IN (SELECT value FROM json_each(?1)))
              AND (CAST(?2 AS TEXT) IS NULL OR o.period_start >= ?2)
              AND (CAST(?3 AS TEXT) IS NULL OR o.period_end <= ?3)
            GROUP BY s.key, o.geo, o.period
            """, [.text(JSONText.array(keys)), from.map { .text($0.start.iso) } ?? .null,
                  to.map { .text($0.end.iso) } ?? .null]) {
            CellState(series: $0.string(0)!, geo: $0.string(1)!, period: $0.string(2)!, hasValue: $0.int(3)! == 1,
                      provisional: $0.int(4)! == 1, suppressed: $0.int(5)! == 1)
        }
    }

    /// One stored version of a figure.
    public struct Vintage: Sendable {
        public let batch: BatchLog.Batch
        public let value: Double?
        public let n: Double?
        public let provisional: Bool
        public let suppressed: Bool
        public let supersededBy: Int?
    }

    /// Every version of one figure, oldest first.
    public func vintages(series: String, geo: String, period: Period,
                         dimensions: [String: String]) throws -> [Vintage] {
        try database.query("""
            SELECT b.id, b.source_id, b.origin, b.sha256, b.row_count, b.finished_at, \
            o.value, o.n, o.provisional, o.suppressed,
                   o.superseded_by
            FROM observation AS o JOIN series AS s ON s.id = o.series_id JOIN import_batch AS b ON b.id = o.batch_id
            WHERE s.key = ? AND o.geo = ? AND o.period = ? AND o.dims = ?
            ORDER BY o.id
            """, [.text(series), .text(geo), .text(period.code), .text(JSONText.object(dimensions))]) { row in
            let batch = BatchLog.Batch(id: row.int(0)!, source: row.string(1)!, origin: row.string(2)!,
                                       sha256: row.string(3)!, rows: row.int(4)!, finished: row.string(5)!)
            return Vintage(batch: batch, value: row.double(6), n: row.double(7), provisional: row.int(8) == 1,
                           suppressed: row.int(9) == 1, supersededBy: row.int(10))
        }
    }

    /// Per period and area with a current value for every one of `inputs` (series key and
    /// dimension names): the latest delivery. `regions`: only those areas and their members; empty:
    /// every area.
    public func completeCells(inputs: [(series: String, dimensionKeys: String)], regions: [String]) throws
        -> [(period: String, geo: String, lastDelivery: String)] {
        let keys = JSONText.array(Set(inputs.map { $0.series + "|" + $0.dimensionKeys }).sorted())
        let series = JSONText.array(Set(inputs.map(\.series)).sorted())
        return try database.query("""
            SELECT o.period, o.geo, max(b.finished_at)
            FROM observation AS o JOIN series AS s ON s.id = o.series_id JOIN import_batch AS b ON b.id = o.batch_id
            WHERE s.key IN (SELECT value FROM json_each(?3)) \
            AND s.key || '|' || o.dim_keys IN (SELECT value FROM json_each(?1))
              AND o.superseded_by IS NULL AND o.value IS NOT NULL
              AND (json_array_length(?2) = 0 OR o.geo IN (SELECT value FROM json_each(?2))
                   OR o.geo IN (SELECT member FROM membership WHERE region IN (SELECT value FROM json_each(?2))))
            GROUP BY o.period, o.geo
            HAVING count(DISTINCT s.key || '|' || o.dim_keys) = json_array_length(?1)
            """, [.text(keys), .text(JSONText.array(regions)), .text(series)]) {
            ($0.string(0)!, $0.string(1)!, $0.string(2)!)
        }
    }
}
