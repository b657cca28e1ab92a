import Foundation
import ImpactCore
import ImpactStore

/// A source of observations: built in (files) or external (a plugin executable). A researcher adds
/// a source without touching the engine by putting an `impact-source-NAME` executable on PATH or in
/// `./sources/`.
public protocol DataSource: Sendable {
    var id: String { get }
    var summary: String { get }
    /// What the source reads, for `impact sources`.
    var inputs: String { get }
    var isExternal: Bool { get }
    /// Digest of the inputs: a built-in source's delivery is known by it. An external source's
    /// delivery is known by the digest of the records it delivers instead.
    func digest(_ inputs: [String]) throws -> String
    /// Streams items to `emit`; problems go to `diagnostics`. Returns the number of records read.
    func read(_ inputs: [String], options: ImportOptions, diagnostics: inout DiagnosticList,
              emit: (ImportItem) throws -> Void) throws -> Int
}

extension DataSource {
    public var isExternal: Bool { false }
    public func digest(_ inputs: [String]) throws -> String { try FileDigest.sha256(paths: FileDigest.expand(inputs)) }
}
