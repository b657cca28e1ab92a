import ImpactCore
import ImpactEngine

/// Appendix A's catalogue in the reader's words: headers, criteria and planning translated, dates
/// written out, ids kept as code. The table itself stays the one `impact catalogue` prints.
struct ReportCatalogue {
    struct Cell {
        let text: String
        var numeric = false
        var code = false
    }

    let table: DataTable
    let text: ReportText

    var headers: [String] { table.columns.map { text.words.phrase($0, .column) } }

    var rows: [[Cell]] {
        table.rows.map { row in zip(table.columns, row).map { column, value in cell(value, column: column) } }
    }

    private func cell(_ value: DataTable.Cell, column: String) -> Cell {
        switch value {
        case .text(let value): return textCell(value, column: column)
        case .integer(let value): return Cell(text: text.number(Double(value), decimals: 0), numeric: true)
        case .number(let value): return Cell(text: text.locale.format(value), numeric: true)
        case .boolean(let value): return Cell(text: text.words.boolean(value))
        case .list(let values): return Cell(text: values.joined(separator: ", "))
        case .empty: return Cell(text: "–")
        }
    }

    private func textCell(_ value: String, column: String) -> Cell {
        switch column {
        case "indicator", "programme": return Cell(text: value, code: true)
        case "criterion": return Cell(text: text.words.phrase(value, .criterion))
        case "last_delivery": return Cell(text: text.date(value))
        case "planning":
            let parts = value.split(separator: ":", maxSplits: 1)
            let word = text.words.phrase(String(parts[0]), .planning)
            return Cell(text: parts.count > 1 ? word + ":" + parts[1] : word)
        default: return Cell(text: value)
        }
    }
}
