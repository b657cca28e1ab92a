import Foundation
import ImpactCore
import ImpactEngine
import ImpactLanguage

/// Renders a `DataTable` as an aligned text table, CSV, JSON (array of objects) or Markdown.
/// Table and Markdown are for people: numbers in `locale` (with their indicator's decimals where
/// `units` knows the row's indicator, and a real minus sign in Dutch), headers and statuses in
/// `text`'s language, and a text table fitted to `width` characters when one is given. CSV and JSON
/// are for machines and never change with any of these.
public struct TableRenderer {
    public let format: OutputFormat
    public let locale: NumberLocale
    public let text: TableText
    /// The line width a text table is fitted to; nil prints whole lines.
    public let width: Int?
    /// The unit of each indicator by id, for the decimals of its values.
    public let units: [String: ImpactLanguage.Unit]

    public init(format: OutputFormat, locale: NumberLocale = .en, text: TableText = .english, width: Int? = nil,
                units: [String: ImpactLanguage.Unit] = [:]) {
        self.format = format
        self.locale = locale
        self.text = text
        self.width = width
        self.units = units
    }

    /// The same renderer, knowing the units of `units`' indicators.
    public func with(units: [String: ImpactLanguage.Unit]) -> TableRenderer {
        TableRenderer(format: format, locale: locale, text: text, width: width, units: units)
    }

    public func render(_ table: DataTable) -> String {
        switch format {
        case .table: return text(table)
        case .csv: return csv(table)
        case .json: return json(table)
        case .markdown: return markdown(table)
        }
    }

    private func human(_ cell: DataTable.Cell, column: String, unit: ImpactLanguage.Unit?) -> String {
        switch cell {
        case .text(let value):
            // People read a verdict with its symbol, in the words the report uses.
            if column == "verdict", let verdict = Verdict(rawValue: value) { return text.verdictWithArrow(verdict) }
            // A relative change arrives as text ("-20,1 %"); its sign is a number's.
            if NumberStyle.fractionColumns.contains(column) { return signed(value) }
            return text.word(value, column: column)
        case .number(let value): return signed(number(value, style: NumberStyle.forColumn(column, unit: unit)))
        case .integer(let value): return signed(locale.format(Double(value)))
        case .boolean(let value): return text.boolean(value)
        case .list(let values): return values.map { text.word($0, column: column) }.joined(separator: "|")
        case .empty: return "–"
        }
    }

    /// Fixed decimals in the unit's style; as written (up to four decimals) where no unit is known.
    private func number(_ value: Double, style: NumberStyle?) -> String {
        guard let style, style.rawValue <= NumberStyle.threeDecimals.rawValue else { return locale.format(value) }
        return locale.fixed(value, decimals: style.rawValue)
    }

    /// Dutch readers get a real minus sign, as in the report.
    private func signed(_ number: String) -> String {
        text.language == .nl ? NumberLocale.withMinusSign(number) : number
    }

    /// The human cells of `table`, row by row.
    private func humanRows(_ table: DataTable) -> [[String]] {
        zip(table.rows, table.rowUnits(units)).map { row, unit in
            zip(table.columns, row).map { column, cell in human(cell, column: column, unit: unit) }
        }
    }

    private static func machine(_ cell: DataTable.Cell) -> String {
        switch cell {
        case .text(let text): return text
        case .number(let value): return NumberText.exact(value)
        case .integer(let value): return String(value)
        case .boolean(let value): return value ? "yes" : "no"
        case .list(let values): return values.joined(separator: "|")
        case .empty: return ""
        }
    }

    /// The widest cell of a text table: a longer one is cut with `…`, so one huge area name cannot
    /// pad every row of the table to its width (csv, json and markdown keep the whole text).
    public static let maximumCellWidth = 200

    static func clipped(_ text: String) -> String {
        guard text.utf8.count > maximumCellWidth, text.count > maximumCellWidth else { return text }
        return text.prefix(maximumCellWidth - 1) + "…"
    }

    private func text(_ table: DataTable) -> String {
        let cells = humanRows(table).map { $0.map(Self.clipped) }
        let columns = table.columns.map { Self.clipped(text.header($0)) }
        let natural = columns.indices.map { column in
            ([columns[column]] + cells.map { $0[column] }).map(\.count).max() ?? 0
        }
        let numeric = table.columns.indices.map { column in
            table.rows.contains { row in
                switch row[column] {
                case .number, .integer: return true
                case .text, .boolean, .list, .empty: return false
                }
            }
        }
        let widths = width.map { TextFit.widths(natural, numeric: numeric, separator: 2, limit: $0) } ?? natural
        func line(_ values: [String]) -> String {
            values.enumerated().map { column, value in
                let shown = TextFit.abbreviated(value, to: widths[column])
                let padding = String(repeating: " ", count: widths[column] - shown.count)
                return numeric[column] ? padding + shown : shown + padding
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        var lines = [line(columns), line(widths.map { String(repeating: "-", count: $0) })]
        lines += cells.map(line)
        lines += width.map { limit in table.notes.flatMap { TextFit.wrapped($0, width: limit) } } ?? table.notes
        return lines.joined(separator: "\n") + "\n"
    }

    private func csv(_ table: DataTable) -> String {
        String(decoding: Self.csv(columns: table.columns, lines: [Self.csvLines(table.rows)]), as: UTF8.self)
    }

    /// The UTF-8 of CSV of `columns` over lines made by `csvLines`, in order: `impact eval` makes each
    /// indicator's lines on the thread that evaluated it. CSV never depends on locale or language.
    public static func csv(columns: [String], lines: [[UInt8]]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(lines.reduce(columns.count * 12) { $0 + $1.count })
        appendCSV(row: columns.map(DataTable.Cell.text), to: &output)
        for part in lines { output.append(contentsOf: part) }
        return output
    }

    /// Rows as CSV lines, written byte by byte into one buffer: evaluations print thousands of rows.
    public static func csvLines(_ rows: [[DataTable.Cell]]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(rows.count * (rows.first?.count ?? 0) * 8)
        for row in rows { appendCSV(row: row, to: &output) }
        return output
    }

    /// Numbers straight into the buffer: a string per number cost more than the rest of the row.
    private static func appendCSV(row: [DataTable.Cell], to output: inout [UInt8]) {
        for (index, cell) in row.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            switch cell {
            case .number(let value):
                if let whole = NumberText.whole(value) {
                    appendDigits(whole, to: &output)
                } else {
                    appendCSV(NumberText.exact(value), to: &output)
                }
            case .integer(let value): appendDigits(Int64(value), to: &output)
            case .empty: break
            default: appendCSV(machine(cell), to: &output)
            }
        }
        output.append(UInt8(ascii: "\n"))
    }

    private static func appendDigits(_ value: Int64, to output: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var magnitude = value.magnitude
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 { output.append(UInt8(ascii: "-")) }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// One field, quoted where it must be. Over the contiguous bytes and an `inout` buffer: a generic
    /// walk of `utf8` and a captured buffer (checked on every access) cost more than the rest.
    private static func appendCSV(_ field: String, to output: inout [UInt8]) {
        var field = field
        field.withUTF8 { bytes in
            let quoted = bytes.contains { byte in
                byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 10 || byte == 13
            }
            guard quoted else {
                output.append(contentsOf: bytes)
                return
            }
            output.append(UInt8(ascii: "\""))
            for byte in bytes {
                if byte == UInt8(ascii: "\"") { output.append(byte) }
                output.append(byte)
            }
            output.append(UInt8(ascii: "\""))
        }
    }

    private func json(_ table: DataTable) -> String {
        let objects = table.rows.map { row in
            "  {" + zip(table.columns, row).map { column, cell in
                let value: String
                switch cell {
                case .text(let text): value = JSONText.quote(text)
                case .number(let number): value = NumberText.exact(number)
                case .integer(let number): value = String(number)
                case .boolean(let flag): value = flag ? "true" : "false"
                case .list(let values): value = JSONText.array(values)
                case .empty: value = "null"
                }
                return JSONText.quote(column) + ": " + value
            }.joined(separator: ", ") + "}"
        }
        return objects.isEmpty ? "[]\n" : "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    private func markdown(_ table: DataTable) -> String {
        let escape = MarkdownText.escape
        var lines = ["| " + table.columns.map { escape(text.header($0)) }.joined(separator: " | ") + " |",
                     "|" + table.columns.map { _ in "---|" }.joined()]
        lines += humanRows(table).map { "| " + $0.map(escape).joined(separator: " | ") + " |" }
        if !table.notes.isEmpty { lines += [""] + table.notes }
        return lines.joined(separator: "\n") + "\n"
    }
}
