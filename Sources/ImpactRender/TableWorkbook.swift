import ImpactCore
import ImpactLanguage

/// A `DataTable` as a worksheet: the headers and fixed words of the table format in `text`'s
/// language, numbers as numbers (decimals from the row's indicator unit), notes on a sheet of
/// their own so the data sheet stays one clean table.
public struct TableWorkbook {
    public let text: TableText
    /// The unit of each indicator by id: a `value` cell gets its indicator's decimals.
    public let units: [String: Unit]

    public init(text: TableText, units: [String: Unit] = [:]) {
        self.text = text
        self.units = units
    }

    /// Columns holding a relative change (a fraction), shown as a percentage.
    static let fractionColumns: Set<String> = ["relative_change", "share_of_change"]
    /// Columns of counts or bases that are not in the indicator's unit.
    static let countColumns: Set<String> = ["numerator", "denominator", "n"]

    /// The data sheet, and a sheet of notes when the table has any.
    public func sheets(_ table: DataTable, name: String) -> [WorkbookSheet] {
        let data = sheet(table, name: name)
        guard !table.notes.isEmpty else { return [data] }
        let title = text.language == .nl ? "toelichting" : "notes"
        return [data, WorkbookSheet(name: "\(name) \(title)", headers: [text.header("note")],
                                    rows: table.notes.map { [.text($0)] })]
    }

    public func sheet(_ table: DataTable, name: String) -> WorkbookSheet {
        let indicatorColumn = table.columns.firstIndex(of: "indicator")
        let fitted = table.columns.indices.map { column in
            NumberStyle.fitting(table.rows.compactMap { row in
                if case .number(let value) = row[column] { return value }
                return nil
            })
        }
        let rows = table.rows.map { row in
            let unit = indicatorColumn.flatMap { column -> Unit? in
                guard case .text(let id) = row[column] else { return nil }
                return units[id]
            }
            return zip(table.columns, row).enumerated().map { index, pair in
                cell(pair.1, column: pair.0, style: style(pair.0, unit: unit, fitted: fitted[index]))
            }
        }
        return WorkbookSheet(name: name, headers: table.columns.map(text.header), rows: rows)
    }

    private func style(_ column: String, unit: Unit?, fitted: NumberStyle) -> NumberStyle {
        if Self.fractionColumns.contains(column) { return .percentage }
        if column == "p_value" || column == "p" { return .fourDecimals }
        if Self.countColumns.contains(column) { return fitted }
        return unit.map { NumberStyle.forUnit($0) } ?? fitted
    }

    private func cell(_ cell: DataTable.Cell, column: String, style: NumberStyle) -> WorkbookSheet.Cell {
        switch cell {
        case .text(let value): return .text(text.word(value, column: column))
        case .number(let value): return .number(value, style)
        case .integer(let value): return .number(Double(value), .whole)
        case .boolean(let value): return .boolean(value)
        case .list(let values):
            return values.isEmpty ? .empty : .text(values.map { text.word($0, column: column) }.joined(separator: "|"))
        case .empty: return .empty
        }
    }
}
