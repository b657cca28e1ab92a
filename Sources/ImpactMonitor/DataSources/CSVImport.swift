/// The built-in canonical CSV source: one or more files imported as one batch.
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
        let digest = try FileDigest.sha256(paths: paths)
        let importer = ObservationImport(store: store, source: "csv", origin: paths.joined(separator: " "), sha256: digest)
        return try importer.run { diagnostics, emit in
            var rows = 0
            for path in paths {
                rows += try CanonicalCSV(path: path, delimiter: delimiter, decimal: decimal).read(diagnostics: &diagnostics, emit: emit)
            }
            return rows
        }
    }
}
