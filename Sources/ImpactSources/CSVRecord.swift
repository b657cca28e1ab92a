import Foundation

/// One CSV record with the position of each field, so every diagnostic can point at a column.
public struct CSVRecord: Sendable {
    public let line: Int
    public let fields: [String]
    /// 1-based column (in characters) where each field starts.
    public let columns: [Int]
    /// Syntax problems found in this record (stray quotes, invalid UTF-8); the fields are still returned.
    public let problems: [CSVProblem]
}
