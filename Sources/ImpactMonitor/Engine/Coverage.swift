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
        let periods = Array(Set(counts.map(\.1))).sorted { (try? Period.parse($0).period) ?? .year(0) < (try? Period.parse($1).period) ?? .year(0) }
        let series = Array(Set(counts.map(\.0))).sorted()
        var table = DataTable(columns: ["series"] + periods)
        let lookup = Dictionary(counts.map { ("\($0.0) \($0.1)", $0.2) }, uniquingKeysWith: +)
        for key in series {
            table.rows.append([.text(key)] + periods.map { DataTable.Cell(lookup["\(key) \($0)"]) })
        }
        return table
    }
}
