/// One worksheet of a workbook: a header row, kept in view while scrolling, then rows of typed
/// cells. A number stays a number with a display format; a missing figure is an empty cell, never 0,
/// and the table says why in a status column of its own.
public struct WorkbookSheet: Sendable {
    public enum Cell: Sendable, Equatable {
        case text(String)
        case number(Double, NumberStyle)
        case boolean(Bool)
        case empty
    }

    /// A valid sheet name (see `validName`).
    public let name: String
    public let headers: [String]
    public let rows: [[Cell]]

    public init(name: String, headers: [String], rows: [[Cell]]) {
        self.name = Self.validName(name)
        self.headers = headers
        self.rows = rows
    }

    /// Excel refuses a workbook whose sheet name is empty, longer than 31 characters, holds one of
    /// `[ ] : * ? / \` or starts or ends with an apostrophe; those characters become `-`.
    public static func validName(_ name: String) -> String {
        let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
        var cleaned = String(name.map { forbidden.contains($0) || $0.isNewline ? "-" : $0 }.prefix(31))
        while cleaned.hasPrefix("'") { cleaned.removeFirst() }
        while cleaned.hasSuffix("'") { cleaned.removeLast() }
        return cleaned.isEmpty ? "Sheet" : cleaned
    }

    /// Column widths in characters: the widest header or shown cell, within limits that keep a long
    /// title from pushing every other column out of sight.
    public var widths: [Double] {
        headers.indices.map { column in
            let cells = rows.map { column < $0.count ? Self.shownLength($0[column]) : 0 }
            let widest = ([headers[column].count] + cells).max() ?? 0
            return Double(min(max(widest + 2, 6), 60))
        }
    }

    private static func shownLength(_ cell: Cell) -> Int {
        switch cell {
        case .text(let text): return text.count
        case .number(let value, let style): return style.shownLength(value)
        case .boolean: return 5
        case .empty: return 0
        }
    }
}
