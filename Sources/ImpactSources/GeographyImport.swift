import ImpactCore
import ImpactStore

/// The built-in geography source: reference files (or a directory of them) as one batch.
public struct GeographyImport {
    public struct Outcome: Sendable {
        public var contents = GeographyContents()
        public var written = false
        public var diagnostics: [Diagnostic] = []
        public var dropped = 0
        public var failed: Bool { dropped > 0 || diagnostics.contains { $0.severity == .error } }
    }

    public let paths: [String]

    public init(paths: [String]) { self.paths = paths }

    public func run(into store: Store) throws -> Outcome {
        var outcome = Outcome()
        var diagnostics = DiagnosticList()
        outcome.contents = GeographyFile.read(paths: paths, diagnostics: &diagnostics)
        outcome.diagnostics = diagnostics.items
        outcome.dropped = diagnostics.dropped
        guard !outcome.failed else { return outcome }
        let digest = try FileDigest.sha256(paths: FileDigest.expand(paths, suffix: ".csv"))
        let origin = paths.joined(separator: " ")
        let written = try GeographyStore(store: store).importContents(outcome.contents, origin: origin, sha256: digest)
        outcome.written = written.written
        outcome.diagnostics = written.diagnostics
        return outcome
    }
}
