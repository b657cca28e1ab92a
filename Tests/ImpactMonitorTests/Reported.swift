@testable import ImpactCore

/// What tests compare of a diagnostic: its catalogue code and where it points — not its wording,
/// which may improve without breaking anything that matches on the code.
struct Reported: Hashable, CustomStringConvertible {
    let code: DiagnosticCode
    let line: Int
    let column: Int

    init(_ code: DiagnosticCode, _ line: Int, _ column: Int) {
        self.code = code
        self.line = line
        self.column = column
    }

    var description: String { "\(code.rawValue) at \(line):\(column)" }
}

extension Diagnostic {
    var reported: Reported { Reported(code, line, column) }
}
