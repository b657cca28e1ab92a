import Foundation
import Testing
import TestHarness
@testable import ImpactCore
@testable import ImpactEngine
@testable import ImpactLanguage
@testable import ImpactRender

/// The XLSX writer: valid XML and names, numbers as numbers, a missing figure as an empty cell
/// beside its status, frozen header, widths, and the report's sheets in its language.
@Suite(.scratch) struct WorkbookTests {
    @Test func escapesMarkupAndControlCharacters() {
        #expect(SpreadsheetXML.escape("a<b & \"c\" > d") == "a&lt;b &amp; &quot;c&quot; &gt; d")
        #expect(SpreadsheetXML.escape("bell\u{07}\tline\nend") == "bell_x0007_\tline\nend")
        #expect(SpreadsheetXML.escape("nul\u{0}\u{1F}\u{FFFE}") == "nul_x0000__x001F__xFFFE_")
        // Text that reads as an escape keeps its meaning by escaping the underscore.
        #expect(SpreadsheetXML.escape("_x0041_ and _x41_") == "_x005F_x0041_ and _x41_")
        #expect(SpreadsheetXML.escape("’s-Hertogenbosch ≥ 0,6") == "’s-Hertogenbosch ≥ 0,6")
    }

    @Test(arguments: [(1, "A"), (26, "Z"), (27, "AA"), (52, "AZ"), (702, "ZZ"), (703, "AAA"), (16384, "XFD")])
    func columnNames(number: Int, name: String) {
        #expect(SpreadsheetXML.columnName(number) == name)
    }

    @Test func sheetNamesAreValidAndUnique() {
        #expect(WorkbookSheet.validName("a/b:c*d?e[f]g\\h") == "a-b-c-d-e-f-g-h")
        #expect(WorkbookSheet.validName("'quoted'") == "quoted")
        #expect(WorkbookSheet.validName("") == "Sheet")
        #expect(WorkbookSheet.validName(String(repeating: "x", count: 40)).count == 31)
        let sheets = ["Gemeenten", "gemeenten", String(repeating: "g", count: 31), String(repeating: "g", count: 35)]
            .map { WorkbookSheet(name: $0, headers: ["a"], rows: []) }
        let names = Workbook(sheets: sheets).sheets.map(\.name)
        #expect(names == ["Gemeenten", "gemeenten (2)", String(repeating: "g", count: 31),
                          String(repeating: "g", count: 27) + " (2)"])
    }

    static let sheet = WorkbookSheet(name: "eval", headers: ["indicator", "value", "status"], rows: [
        [.text("wb_meldingen"), .number(6039, .whole), .text("ok")],
        [.text("wb_adviezen_per_melding"), .empty, .text("missing")],
        [.text("wb_politie_aandeel"), .number(.nan, .oneDecimal), .text("overflow")],
        [.text(" spaced "), .number(77.94, .oneDecimal), .boolean(true)],
    ])

    /// A missing or non-finite figure is no cell at all (blank, never 0); its status is there.
    @Test func missingIsAnEmptyCellBesideItsStatus() {
        let xml = SheetXML(sheet: Self.sheet).xml
        #expect(xml.contains("<c r=\"B2\" s=\"2\"><v>6039</v></c>"))
        #expect(!xml.contains("r=\"B3\"") && !xml.contains("r=\"B4\""))
        #expect(xml.contains("<c r=\"C3\" t=\"inlineStr\"><is><t>missing</t></is></c>"))
        #expect(xml.contains("<c r=\"B5\" s=\"3\"><v>77.94</v></c>"))
        #expect(xml.contains("<t xml:space=\"preserve\"> spaced </t>"))
        #expect(xml.contains("<c r=\"C5\" t=\"b\"><v>1</v></c>"))
    }

    @Test func headerFrozenBoldAndColumnsSized() {
        let xml = SheetXML(sheet: Self.sheet).xml
        #expect(xml.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(xml.contains("<c r=\"A1\" s=\"1\" t=\"inlineStr\"><is><t>indicator</t></is></c>"))
        #expect(xml.contains("<dimension ref=\"A1:C5\"/>"))
        #expect(Self.sheet.widths == [25, 8, 10])
        #expect(xml.contains("<col min=\"1\" max=\"1\" width=\"25\" customWidth=\"1\"/>"))
    }

    /// Decimals from the row's indicator unit, relative changes as percentages, counts whole.
    @Test func tableCellsGetTheirUnitsFormat() {
        let table = DataTable(columns: ["indicator", "value", "numerator", "relative_change", "p_value", "flags"],
                              rows: [[.text("a"), .number(37.5), .number(3), .number(-0.093), .number(0.00001),
                                      .list(["provisional", "low_n"])],
                                     [.text("b"), .number(0.514), .number(4), .empty, .empty, .list([])]])
        let sheet = TableWorkbook(text: TableText(language: .nl), units: ["a": .percent, "b": .ratio])
            .sheet(table, name: "eval")
        #expect(sheet.headers == ["indicator", "waarde", "teller", "relatieve_verandering", "p_waarde", "kenmerken"])
        #expect(sheet.rows[0] == [.text("a"), .number(37.5, .oneDecimal), .number(3, .whole),
                                  .number(-0.093, .percentage), .number(0.00001, .fourDecimals),
                                  .text("voorlopig|kleine_n")])
        #expect(sheet.rows[1] == [.text("b"), .number(0.514, .threeDecimals), .number(4, .whole), .empty, .empty,
                                  .empty])
    }

    @Test func notesGetASheetOfTheirOwn() {
        let table = DataTable(columns: ["value"], rows: [[.number(1)]], notes: ["Tests at 95 % confidence."])
        let sheets = TableWorkbook(text: .english).sheets(table, name: "diff")
        #expect(sheets.map(\.name) == ["diff", "diff notes"])
        #expect(sheets[1].rows == [[.text("Tests at 95 % confidence.")]])
    }

    /// Every part is well-formed XML (Python's parser), and the package names each sheet.
    @Test func everyPartIsWellFormed() throws {
        let workbook = Workbook(sheets: [Self.sheet, WorkbookSheet(name: "A & B <c>", headers: ["x\u{1}"], rows: [])])
        let path = TestSupport.temporaryDirectory() + "/book.xlsx"
        try Data(try workbook.xlsx()).write(to: URL(fileURLWithPath: path))
        let script = """
            import sys, zipfile, xml.etree.ElementTree as ET
            z = zipfile.ZipFile(sys.argv[1])
            for name in z.namelist():
                ET.fromstring(z.read(name))
            ns = {'m': 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'}
            book = ET.fromstring(z.read('xl/workbook.xml'))
            print('|'.join(s.get('name') for s in book.iter('{%s}sheet' % ns['m'])))
            print(len(z.namelist()))
            """
        let output = try ZipArchiveTests.python(script, path)
        #expect(output == "eval|A & B <c>\n7\n")
    }

    @Test func reportSheetsInTheReportsLanguage() throws {
        let data = try DemoReport.westBrabant2018()
        let dutch = ReportWorkbook(data: data, text: ReportText(language: "nl")).workbook
        #expect(dutch.sheets.map(\.name) == ["Scorekaart", "Gemeenten", "Catalogus", "Toelichting"])
        #expect(dutch.sheets[0].headers.prefix(7) == ["Indicator", "Titel", "Eenheid", "Waarde 2017", "Status 2017",
                                                      "Waarde 2018", "Status 2018"])
        for sheet in dutch.sheets { #expect(sheet.rows.allSatisfy { $0.count == sheet.headers.count }, "\(sheet.name)") }
        let english = ReportWorkbook(data: data, text: ReportText(language: "en")).workbook
        #expect(english.sheets.map(\.name) == ["Scorecard", "Municipalities", "Catalogue", "Notes"])
        // Each scorecard row: a figure, or an empty cell with the status saying why.
        for row in dutch.sheets[0].rows {
            #expect(row[6] != .empty)
            if row[5] == .empty { #expect(row[6] != .text("definitief") && row[6] != .text("voorlopig")) }
        }
        let municipalities = dutch.sheets[1].rows
        #expect(municipalities.count == data.entries.map(\.members.count).reduce(0, +))
        #expect(municipalities.contains { $0[5] == .empty && $0[6] != .empty })
    }
}
