import Foundation
import ImpactCore

/// A problem the reader found, located in the file but not yet named by it: each importer places
/// it with the path it reads.
public struct CSVProblem: Error, Sendable, Equatable {
    public let line: Int
    public let column: Int
    public let message: DiagnosticMessage

    /// The problem as a diagnostic in `file`.
    public func diagnostic(in file: String) -> Diagnostic {
        Diagnostic(message, file: file, line: line, column: column)
    }
}
