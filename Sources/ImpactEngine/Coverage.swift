import ImpactCompiler
import ImpactCore
import ImpactLanguage
import ImpactStatistics
import ImpactStore

/// What the store holds, so a researcher sees gaps before the steering group does.
public struct Coverage {
    public let store: Store

    public init(store: Store) { self.store = store }

    /// Series × period: the number of areas with a current figure.
    public func seriesByPeriod() throws -> DataTable {
        let counts = try store.database.query("""
            SELECT s.key, o.period, count(DISTINCT o.geo)
            FROM observation AS o JOIN series AS s ON s.id = o.series_id
            WHERE o.superseded_by IS NULL AND o.value IS NOT NULL
            GROUP BY s.key, o.period
            """) { ($0.string(0)!, $0.string(1)!, $0.int(2)!) }
        let periods = Period.chronological(counts.map(\.1))
        let series = Array(Set(counts.map(\.0))).sorted()
        var table = DataTable(columns: ["series"] + periods)
        let lookup = Dictionary(counts.map { ("\($0.0) \($0.1)", $0.2) }, uniquingKeysWith: +)
        for key in series {
            table.rows.append([.text(key)] + periods.map { DataTable.Cell(lookup["\(key) \($0)"]) })
        }
        return table
    }

    /// Series × area × period: present, provisional, suppressed at source, delivered empty, or
    /// missing (no row at all) — over every area and period that has any figure of the series.
    public func cells(series keys: [String], geos: [String]?) throws -> DataTable {
        let filter = keys.isEmpty ? "" : "AND s.key IN (" + keys.map { _ in "?" }.joined(separator: ", ") + ")"
        let rows = try store.database.query("""
            SELECT s.key, o.geo, o.period, max(o.value IS NOT NULL), max(o.provisional), max(o.suppressed)
            FROM observation AS o JOIN series AS s ON s.id = o.series_id
            WHERE o.superseded_by IS NULL \(filter)
            GROUP BY s.key, o.geo, o.period
            """, keys.map { .text($0) }) { ($0.string(0)!, $0.string(1)!, $0.string(2)!, $0.int(3)! == 1, $0.int(4)! == 1, $0.int(5)! == 1) }
        var table = DataTable(columns: ["series", "geo"], notes: ["✓ present · v provisional · s suppressed at source · ∅ delivered empty · – missing"])
        let periods = Period.chronological(rows.map(\.2))
        table.columns += periods
        var cells: [String: String] = [:]
        for row in rows {
            cells["\(row.0) \(row.1) \(row.2)"] = row.5 ? "s" : (!row.3 ? "∅" : (row.4 ? "v" : "✓"))
        }
        for key in Array(Set(rows.map(\.0))).sorted() {
            let areas = geos ?? Array(Set(rows.filter { $0.0 == key }.map(\.1))).sorted()
            for geo in areas {
                table.rows.append([.text(key), .text(geo)] + periods.map { .text(cells["\(key) \(geo) \($0)"] ?? "–") })
            }
        }
        return table
    }
}
