import Foundation
import ImpactCore

/// What an import did, for the user and for tests.
public struct ImportResult: Sendable {
    public var batchID: Int?
    public var rows = 0
    /// Keys seen for the first time.
    public var added = 0
    /// Keys whose value, n or flags differ from the current vintage: the old row is kept, superseded.
    public var revised = 0
    /// Geography units a plugin delivered that the store did not hold yet.
    public var unitsAdded = 0
    public var diagnostics: [Diagnostic] = []
    public var droppedDiagnostics = 0
    /// A committed batch with the same content digest, when the file was delivered before.
    public var identicalBatch: Int?
    /// `--dry-run`: everything was checked, nothing was written.
    public var dryRun = false

    public init() {}

    public var unchanged: Bool { batchID == nil && !failed && !dryRun }
    public var failed: Bool { diagnostics.contains { $0.severity == .error } || droppedDiagnostics > 0 }
}
