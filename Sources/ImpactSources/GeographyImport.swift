import ImpactCore
import ImpactStore

/// The built-in geography source: reference files (or a directory of them) as one batch.
public struct GeographyImport {
    public struct Outcome: Sendable {
        public var contents = GeographyContents()
        /// The reference changed (for a dry run: would change).
        public var written = false
        public var dryRun = false
        public var diagnostics: [Diagnostic] = []
        public var dropped = 0
        public var failed: Bool { dropped > 0 || diagnostics.contains { $0.severity == .error } }
    }

    public let paths: [String]
    /// Check everything against the store, write nothing.
    public var dryRun = false

    public init(paths: [String], dryRun: Bool = false) {
        self.paths = paths
        self.dryRun = dryRun
    }

    public func run(into store: Store) throws -> Outcome {
        var outcome = Outcome()
        var diagnostics = DiagnosticList()
        outcome.contents = GeographyFile.read(paths: paths, diagnostics: &diagnostics)
        outcome.diagnostics = diagnostics.items
        outcome.dropped = diagnostics.dropped
        guard !outcome.failed else { return outcome }
        let digest = try FileDigest.sha256(paths: FileDigest.expand(paths, suffix: ".csv"))
        let origin = paths.joined(separator: " ")
        let written = try GeographyStore(store: store).importContents(outcome.contents, origin: origin, sha256: digest,
                                                                      dryRun: dryRun)
        outcome.written = written.written
        outcome.dryRun = dryRun
        outcome.diagnostics = written.diagnostics
        return outcome
    }
}
