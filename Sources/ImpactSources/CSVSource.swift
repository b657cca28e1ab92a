import Foundation
import ImpactCore
import ImpactStore

/// The canonical long CSV.
public struct CSVSource: DataSource {
    public init() {}
    public var id: String { "csv" }
    public var summary: String { "canonical long CSV: series,geo,period,value[,n][,status][,dimension…]" }
    public var inputs: String { "CSV files (comma or semicolon, decimal point or comma, UTF-8)" }

    /// A folder stands for the `*.csv` files in it, as for the digest.
    public func digest(_ inputs: [String]) throws -> String {
        try FileDigest.sha256(paths: FileDigest.expand(inputs, suffix: ".csv"))
    }

    public func read(_ inputs: [String], options: ImportOptions, diagnostics: inout DiagnosticList,
                     emit: (ImportItem) throws -> Void) throws -> Int {
        try FileDigest.expand(inputs, suffix: ".csv").reduce(0) { rows, path in
            let file = CanonicalCSV(path: path, delimiter: options.delimiter, decimal: options.decimal)
            return rows + (try file.read(diagnostics: &diagnostics) { try emit(.observation($0)) })
        }
    }
}
