/// A problem found in user input, located precisely enough to fix it without searching.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case error, warning, note
        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            let order: [Severity] = [.error, .warning, .note]
            return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
        }
    }

    public let severity: Severity
    public let file: String
    public let line: Int
    public let column: Int
    /// Characters the problem spans from `column` (for the caret line); at least 1.
    public let length: Int
    public let message: String
    public let hint: String?

    public init(_ severity: Severity = .error, file: String, line: Int, column: Int, length: Int = 1, message: String, hint: String? = nil) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.length = max(1, length)
        self.message = message
        self.hint = hint
    }

    /// `file:line:col: error: message` — the form editors and CI logs recognise.
    public var description: String {
        let location = line > 0 ? "\(file):\(line):\(column)" : file
        return "\(location): \(severity.rawValue): \(message)"
    }

    /// The description followed by the source line, a caret under the problem, and the hint.
    public func rendered(sourceLine: String?) -> String {
        var text = description
        if let sourceLine, line > 0 {
            text += "\n    " + sourceLine + "\n    " + String(repeating: " ", count: max(0, column - 1)) + "^"
                + String(repeating: "~", count: max(0, min(length, sourceLine.count - column + 1) - 1))
        }
        if let hint { text += "\n    hint: " + hint }
        return text
    }
}

/// Collects diagnostics up to a limit so a badly broken file does not flood the terminal.
public struct DiagnosticList: Sendable {
    public private(set) var items: [Diagnostic] = []
    public private(set) var dropped = 0
    public let limit: Int

    public init(limit: Int = 100) { self.limit = limit }

    public mutating func append(_ diagnostic: Diagnostic) {
        if items.count < limit { items.append(diagnostic) } else { dropped += 1 }
    }

    public mutating func append(contentsOf diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { append(diagnostic) }
    }

    /// Another list's diagnostics, counting what it already dropped as dropped here too.
    public mutating func append(contentsOf other: DiagnosticList) {
        append(contentsOf: other.items)
        dropped += other.dropped
    }

    public var hasErrors: Bool { dropped > 0 || items.contains { $0.severity == .error } }
    public var errorCount: Int { items.filter { $0.severity == .error }.count + dropped }
}
