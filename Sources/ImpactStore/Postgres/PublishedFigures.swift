import ImpactCore

/// The published-figures table of a PostgreSQL store: municipal figures with disclosure control
/// applied, written by the owner or an import role, readable by every reader role. Row-level security
/// keeps another region's observations from a region role; this table is what it may read of them.
public struct PublishedFigures {
    private let database: Database

    /// Published figures exist on a server store only: a SQLite file has one reader, who sees everything.
    public init(store: Store) throws {
        guard store.database.engine == .postgresql else {
            throw StoreError(code: ResultCode.error, message: """
                store '\(store.path)' is a SQLite file: figures are published on a PostgreSQL store, \
                where region roles read other regions' municipalities only as published
                """)
        }
        database = store.database
    }

    /// Municipalities whose observations this session's role may not read (none for the owner, a
    /// viewer or an importer; other regions' for a region role). Empty on a SQLite file.
    public static func hiddenMunicipalities(in store: Store) throws -> Set<String> {
        guard store.database.engine == .postgresql else { return [] }
        return Set(try store.database.query(
            "SELECT code FROM geo_unit WHERE level = 'gemeente' AND NOT impact_visible(code)") { $0.string(0)! })
    }

    /// Writes `figures` in one transaction, each replacing the one published before under its key:
    /// the old rows go per indicator and period, the new ones are appended in multi-row inserts.
    public func replace(_ figures: [PublishedFigure], at time: String) throws {
        let groups = Dictionary(grouping: figures) { [$0.indicator, $0.period] }
        try database.transaction {
            for (key, group) in groups.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
                let geos = JSONText.array(group.map(\.geo))
                try database.execute("""
                    DELETE FROM published_figure WHERE indicator = ? AND period = ?
                      AND geo IN (SELECT value FROM json_each(?))
                    """, [.text(key[0]), .text(key[1]), .text(geos)])
            }
            try database.appendRows(into: "published_figure", columns: Self.columns) { add in
                for figure in figures {
                    try add([.text(figure.indicator), .text(figure.geo), .text(figure.period), figure.value.sqlValue,
                             figure.numerator.sqlValue, figure.denominator.sqlValue, figure.n.sqlValue,
                             .text(figure.status), .text(figure.flags.joined(separator: "|")), .text(time)])
                }
            }
        }
    }

    static let columns = ["indicator", "geo", "period", "value", "numerator", "denominator", "n", "status", "flags",
                          "published_at"]

    /// The published figures of `indicator` for these areas, by key.
    public func figures(indicator: String, geos: [String]) throws -> [PublishedFigure.Key: PublishedFigure] {
        let list = JSONText.array(geos)
        let rows = try database.query("""
            SELECT indicator, geo, period, value, numerator, denominator, n, status, flags FROM published_figure
            WHERE indicator = ? AND geo IN (SELECT value FROM json_each(?))
            """, [.text(indicator), .text(list)]) { row in
            PublishedFigure(indicator: row.string(0)!, geo: row.string(1)!, period: row.string(2)!,
                            value: row.double(3), numerator: row.double(4), denominator: row.double(5),
                            n: row.double(6), status: row.string(7)!,
                            flags: row.string(8)!.split(separator: "|").map(String.init))
        }
        return Dictionary(rows.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
