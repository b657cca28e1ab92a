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
