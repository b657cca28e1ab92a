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

    /// The data sheet, and a sheet of notes when the table has any.
    public func sheets(_ table: DataTable, name: String) -> [WorkbookSheet] {
        let data = sheet(table, name: name)
        guard !table.notes.isEmpty else { return [data] }
        let title = text.language == .nl ? "toelichting" : "notes"
        return [data, WorkbookSheet(name: "\(name) \(title)", headers: [text.header("note")],
                                    rows: table.notes.map { [.text($0)] })]
    }

    public func sheet(_ table: DataTable, name: String) -> WorkbookSheet {
        let fitted = table.columns.indices.map { column in
            NumberStyle.fitting(table.rows.compactMap { row in
                if case .number(let value) = row[column] { return value }
                return nil
            })
        }
        let rows = zip(table.rows, table.rowUnits(units)).map { row, unit in
            zip(table.columns, row).enumerated().map { index, pair in
                cell(pair.1, column: pair.0, style: NumberStyle.forColumn(pair.0, unit: unit) ?? fitted[index])
            }
        }
        return WorkbookSheet(name: name, headers: table.columns.map(text.header), rows: rows)
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
