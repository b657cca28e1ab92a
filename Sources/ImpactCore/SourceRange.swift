/// The span of an AST node or token, for diagnostics that underline exactly the problem.
public struct SourceRange: Hashable, Sendable {
    public let file: String
    public let start: SourceLocationInFile
    public let length: Int

    public init(file: String, line: Int, column: Int, length: Int) {
        self.file = file
        self.start = SourceLocationInFile(line: line, column: column)
        self.length = max(1, length)
    }

    /// From the start of `self` to the end of `other` when both are on one line.
    public func through(_ other: SourceRange) -> SourceRange {
        guard other.start.line == start.line else { return self }
        return SourceRange(file: file, line: start.line, column: start.column,
                           length: other.start.column + other.length - start.column)
    }

    /// `file:line:column`, as a message quotes another place.
    public var position: String { "\(file):\(start.line):\(start.column)" }

    /// The message, underlining this range.
    public func diagnostic(_ message: DiagnosticMessage) -> Diagnostic {
        Diagnostic(message, file: file, line: start.line, column: start.column, length: length)
    }
}
