import Foundation
import ImpactCore
import ImpactStore

/// One delivery of case event files into the store as one batch, pseudonymised with `key`.
public struct CaseEventDelivery {
    public let source: String
    public let inputs: [String]
    public let key: PseudonymKey
    public var delimiter: Character?
    public var dryRun = false
    /// Keeps what derives from the events in the import's transaction (`CaseEventImport.afterMerge`).
    public var afterMerge: ((CaseEventChange) throws -> Void)?
    /// Where the import reports its phases and rows (`CaseEventImport.progress`).
    public var progress: (any ProgressReporter)?

    public init(source: String, inputs: [String], key: PseudonymKey) {
        self.source = source
        self.inputs = inputs
        self.key = key
    }

    /// The event files read: folders stand for their `*.csv` files.
    public var files: [String] { FileDigest.expand(inputs, suffix: ".csv") }

    public func run(into store: Store) throws -> ImportResult {
        let paths = files
        var importer = CaseEventImport(store: store, source: source, origin: inputs.joined(separator: " "),
                                       sha256: try FileDigest.sha256(paths: paths), keyCheck: key.check)
        importer.dryRun = dryRun
        importer.afterMerge = afterMerge
        importer.progress = progress
        return try importer.run { diagnostics, emit in
            try paths.reduce(0) { rows, path in
                let file = CaseEventCSV(path: path, delimiter: delimiter, key: key)
                return rows + (try file.read(diagnostics: &diagnostics, emit: emit))
            }
        }
    }
}
