import ImpactStore

/// Imports canonical CSV files as one batch (the `csv` source without gates).
public struct CSVImport {
    public let paths: [String]
    public let delimiter: Character?
    public let decimal: DecimalSeparator?

    public init(paths: [String], delimiter: Character? = nil, decimal: DecimalSeparator? = nil) {
        self.paths = paths
        self.delimiter = delimiter
        self.decimal = decimal
    }

    public func run(into store: Store) throws -> ImportResult {
        let options = ImportOptions(delimiter: delimiter, decimal: decimal)
        return try DataImport(source: CSVSource(), inputs: paths, options: options).run(into: store)
    }
}
