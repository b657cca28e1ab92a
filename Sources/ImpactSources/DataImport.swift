import Foundation
import ImpactCore
import ImpactStore

/// Runs a source into the store as one batch: validation, gates, vintages — or nothing.
public struct DataImport {
    public let source: any DataSource
    public let inputs: [String]
    public var options = ImportOptions()
    public var gates: [ImportGate] = []
    /// Series whose unit counts: a negative value is reported at its row (`ObservationImport`).
    public var countSeries: Set<String> = []
    public var dryRun = false
    /// Rollup maintenance inside the import transaction: the engine's `RollupMaintainer`, wired by the
    /// executable; without it, `RollupStore.invalidateTouched`.
    public var afterMerge: ((Database) throws -> Void)?
    /// Told the rows of new series as they are written (`ObservationImport.directRows`).
    public var directRows: (any DirectRowConsumer)?
    /// Told how far the import is (`ObservationImport`); nil: nothing reports.
    public var progress: (any ProgressReporter)?

    public init(source: any DataSource, inputs: [String], options: ImportOptions = ImportOptions()) {
        self.source = source
        self.inputs = inputs
        self.options = options
    }

    public func run(into store: Store) throws -> ImportResult {
        let origin = (source.isExternal ? ["plugin \(source.id)"] : []) + inputs
        let source = self.source, inputs = self.inputs
        let digest = source.isExternal ? nil : InputDigest { try source.digest(inputs) }
        var importer = ObservationImport(store: store, source: source.id, origin: origin.joined(separator: " "),
                                         sha256: digest.map { digest in { try digest.value() } })
        importer.gates = gates
        importer.countSeries = countSeries
        importer.dryRun = dryRun
        importer.progress = progress
        importer.directRows = directRows
        importer.afterMerge = afterMerge ?? { try RollupStore.invalidateTouched($0) }
        return try importer.run { diagnostics, emit in
            try source.read(inputs, options: options, diagnostics: &diagnostics, emit: emit)
        }
    }
}
