import ImpactCompiler
import ImpactCore
import ImpactLanguage
import ImpactStatistics
import ImpactStore

/// The import history: batches, and every vintage of a figure.
public struct History {
    public let store: Store

    public init(store: Store) { self.store = store }

    public func batches() throws -> DataTable {
        var table = DataTable(columns: ["batch", "source", "origin", "sha256", "rows", "finished"])
        table.rows = try store.database.query("SELECT id, source_id, origin, sha256, row_count, finished_at FROM import_batch ORDER BY id") {
            [.integer($0.int(0)!), .text($0.string(1)!), .text($0.string(2)!), .text(String($0.string(3)!.prefix(12))), .integer($0.int(4)!), .text($0.string(5)!)]
        }
        return table
    }

    public func vintages(series: String, geo: String, period: Period, dimensions: [String: String]) throws -> DataTable {
        let dims = ObservationRecord(series: series, geo: geo, period: period, dimensions: dimensions, value: nil, location: SourceLocation(file: "", line: 0)).dimensionsJSON
        var table = DataTable(columns: ["batch", "source", "origin", "finished", "value", "n", "provisional", "suppressed", "state"])
        table.rows = try store.database.query("""
            SELECT b.id, b.source_id, b.origin, b.finished_at, o.value, o.n, o.provisional, o.suppressed, o.superseded_by
            FROM observation AS o JOIN series AS s ON s.id = o.series_id JOIN import_batch AS b ON b.id = o.batch_id
            WHERE s.key = ? AND o.geo = ? AND o.period = ? AND o.dims = ?
            ORDER BY o.id
            """, [.text(series), .text(geo), .text(period.code), .text(dims)]) { row in
            [.integer(row.int(0)!), .text(row.string(1)!), .text(row.string(2)!), .text(row.string(3)!), DataTable.Cell(row.double(4)), DataTable.Cell(row.double(5)),
             .text(row.int(6) == 1 ? "yes" : "no"), .text(row.int(7) == 1 ? "yes" : "no"), .text(row.int(8).map { "superseded by batch \($0)" } ?? "current")]
        }
        return table
    }
}
