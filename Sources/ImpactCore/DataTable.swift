/// Rows of typed cells: what every data-printing command produces before it is rendered.
public struct DataTable: Sendable {
    public enum Cell: Sendable, Equatable {
        case text(String)
        case number(Double)
        case integer(Int)
        /// JSON `true`/`false`; `yes`/`no` in text, Markdown and CSV.
        case boolean(Bool)
        /// A JSON array of strings; joined with `|` in text, Markdown and CSV.
        case list([String])
        case empty
    }

    public var columns: [String]
    public var rows: [[Cell]]
    /// Lines printed under human formats (table, markdown), e.g. a stamp that suppression is off.
    public var notes: [String] = []

    public init(columns: [String], rows: [[Cell]] = [], notes: [String] = []) {
        self.columns = columns
        self.rows = rows
        self.notes = notes
    }
}

extension DataTable.Cell {
    public init(_ value: Double?) { self = value.map { .number($0) } ?? .empty }
    public init(_ value: Int?) { self = value.map { .integer($0) } ?? .empty }
    public init(_ value: String?) { self = value.map { .text($0) } ?? .empty }
}
