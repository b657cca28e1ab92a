/// A problem found in user input, located precisely enough to fix it without searching, and
/// named by a catalogue code so that scripts, tests and docs/diagnostics.md can refer to it.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case error, warning, note
        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            let order: [Severity] = [.error, .warning, .note]
            return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
        }
    }

    public let code: DiagnosticCode
    public let severity: Severity
    public let file: String
    /// 1-based; 0 when the problem concerns the whole file (or a record without lines).
    public let line: Int
    public let column: Int
    /// Characters the problem spans from `column` (for the caret line); at least 1.
    public let length: Int
    public let message: String
    public let hint: String?

    /// Places a catalogue message in a file. There is no initialiser taking free text: every
    /// diagnostic has a code, and its wording lives in the catalogue.
    public init(_ message: DiagnosticMessage, file: String, line: Int = 0, column: Int = 0, length: Int = 1) {
        code = message.code
        severity = message.severity
        self.file = file
        self.line = line
        self.column = column
        self.length = max(1, length)
        self.message = message.text
        hint = message.hint
    }

    /// `file:line:col: error[IMP-C003]: message` — the form editors and CI logs recognise, with
    /// the ID to look up in docs/diagnostics.md; `file:line` without a column for problems placed
    /// at a line only (case event files, whose fields are never pointed into).
    public var description: String {
        let location = line > 0 ? "\(file):\(line)" + (column > 0 ? ":\(column)" : "") : file
        return "\(location): \(severity.rawValue)[\(code.rawValue)]: \(message)"
    }

    /// How much of a source line is quoted: a line of a megabyte must not become a megabyte message.
    static let quotedLineLimit = 300

    /// The description followed by the source line, a caret under the problem, and the hint.
    public func rendered(sourceLine: String?) -> String {
        var text = description
        if let sourceLine, line > 0 {
            let shown = sourceLine.count > Self.quotedLineLimit
                ? String(sourceLine.prefix(Self.quotedLineLimit)) + "…" : sourceLine
            text += "\n    " + shown
            if column <= Self.quotedLineLimit {
                text += "\n    " + String(repeating: " ", count: max(0, column - 1)) + "^"
                    + String(repeating: "~", count: max(0, min(length, shown.count - column + 1) - 1))
            }
        }
        if let hint { text += "\n    hint: " + hint }
        return text
    }
}
