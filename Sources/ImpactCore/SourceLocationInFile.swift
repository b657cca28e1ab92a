/// A position in a source file: 1-based line and column (in characters).
public struct SourceLocationInFile: Hashable, Sendable {
    public let line: Int
    public let column: Int
}
