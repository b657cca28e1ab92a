import ImpactCore

/// The worksheet part of one sheet: frozen header row, column widths, then the cells.
struct SheetXML {
    let sheet: WorkbookSheet

    /// The longest text a cell holds in Excel; a longer one is cut there with `…`.
    static let maximumText = 32_767

    var xml: String {
        let lastColumn = SpreadsheetXML.columnName(max(sheet.headers.count, 1))
        let columns = sheet.widths.enumerated().map { index, width in
            "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(NumberText.exact(width))\" customWidth=\"1\"/>"
        }
        var parts = [SpreadsheetXML.declaration,
                     "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" ",
                     "xmlns:r=\"\(Workbook.officeRelationships)\">",
                     "<dimension ref=\"A1:\(lastColumn)\(sheet.rows.count + 1)\"/>",
                     "<sheetViews><sheetView workbookViewId=\"0\">",
                     "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>",
                     "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>",
                     "<sheetFormatPr defaultRowHeight=\"15\"/>"]
        if !columns.isEmpty { parts.append("<cols>" + columns.joined() + "</cols>") }
        parts.append("<sheetData>")
        parts.append(row(1, sheet.headers.map { .text($0) }, style: Workbook.headerStyle))
        for (index, cells) in sheet.rows.enumerated() { parts.append(row(index + 2, cells)) }
        parts.append("</sheetData></worksheet>")
        return parts.joined()
    }

    /// Empty cells are left out, so a missing figure is a blank cell and never a 0.
    private func row(_ number: Int, _ cells: [WorkbookSheet.Cell], style: Int? = nil) -> String {
        let content = cells.enumerated().map { column, cell in
            self.cell(cell, reference: SpreadsheetXML.reference(column: column + 1, row: number), style: style)
        }
        return "<row r=\"\(number)\">" + content.joined() + "</row>"
    }

    private func cell(_ cell: WorkbookSheet.Cell, reference: String, style: Int?) -> String {
        let styled = style.map { " s=\"\($0)\"" } ?? ""
        switch cell {
        case .text(let text):
            let kept = text.count > Self.maximumText ? text.prefix(Self.maximumText - 1) + "…" : text
            let space = kept.first?.isWhitespace == true || kept.last?.isWhitespace == true
                ? " xml:space=\"preserve\"" : ""
            return "<c r=\"\(reference)\"\(styled) t=\"inlineStr\"><is><t\(space)>"
                + SpreadsheetXML.escape(kept) + "</t></is></c>"
        case .number(let value, let numberStyle) where value.isFinite:
            return "<c r=\"\(reference)\" s=\"\(Workbook.styleIndex(numberStyle))\"><v>"
                + NumberText.exact(value) + "</v></c>"
        case .boolean(let value):
            return "<c r=\"\(reference)\"\(styled) t=\"b\"><v>\(value ? 1 : 0)</v></c>"
        case .number, .empty:
            return ""
        }
    }
}
