import ImpactCore
import ImpactStore

/// The import history: batches, and every vintage of a figure.
public struct History {
    public let store: Store

    public init(store: Store) { self.store = store }

    public func batches() throws -> DataTable {
        var table = DataTable(columns: ["batch", "source", "origin", "sha256", "rows", "finished"])
        table.rows = try BatchLog(store: store).all().map { batch in
            [.integer(batch.id), .text(batch.source), .text(batch.origin), .text(String(batch.sha256.prefix(12))),
             .integer(batch.rows), .text(batch.finished)]
        }
        return table
    }

    public func vintages(series: String, geo: String, period: Period,
                         dimensions: [String: String]) throws -> DataTable {
        var table = DataTable(columns: ["batch", "source", "origin", "finished", "value", "n", "provisional",
                                        "suppressed", "state"])
        let vintages = try ObservationSummary(store: store)
            .vintages(series: series, geo: geo, period: period, dimensions: dimensions)
        table.rows = vintages.map { vintage in
            [.integer(vintage.batch.id), .text(vintage.batch.source), .text(vintage.batch.origin),
             .text(vintage.batch.finished), DataTable.Cell(vintage.value), DataTable.Cell(vintage.n),
             .boolean(vintage.provisional), .boolean(vintage.suppressed),
             .text(vintage.supersededBy.map { "superseded by batch \($0)" } ?? "current")]
        }
        return table
    }
}
