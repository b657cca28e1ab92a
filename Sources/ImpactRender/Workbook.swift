import ImpactCore

/// An Excel workbook (Office Open XML, `.xlsx`) of tables: XML parts in a ZIP archive, written here
/// because no package may do it. Strings are inline, one style per number format, the header row
/// bold and frozen, column widths set.
public struct Workbook: Sendable {
    /// More rows or columns than a sheet holds, or more bytes than the archive holds.
    public struct TooLarge: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    public let sheets: [WorkbookSheet]

    /// Sheets keep their order; a name used before gets a number, since names must be unique.
    public init(sheets: [WorkbookSheet]) {
        var used: Set<String> = []
        self.sheets = sheets.map { sheet in
            var name = sheet.name
            var number = 2
            while used.contains(name.lowercased()) {
                let suffix = " (\(number))"
                name = String(sheet.name.prefix(31 - suffix.count)) + suffix
                number += 1
            }
            used.insert(name.lowercased())
            return WorkbookSheet(name: name, headers: sheet.headers, rows: sheet.rows)
        }
    }

    static let maximumRows = 1_048_576
    static let maximumColumns = 16_384

    /// The `.xlsx` file's bytes.
    public func xlsx() throws -> [UInt8] {
        var archive = ZipArchive()
        archive.add("[Content_Types].xml", text: contentTypes)
        archive.add("_rels/.rels", text: Self.relationships([
            ("officeDocument", "xl/workbook.xml"),
        ]))
        archive.add("xl/workbook.xml", text: workbook)
        archive.add("xl/_rels/workbook.xml.rels", text: Self.relationships(
            sheets.indices.map { ("worksheet", "worksheets/sheet\($0 + 1).xml") } + [("styles", "styles.xml")]))
        archive.add("xl/styles.xml", text: Self.styles)
        for (index, sheet) in sheets.enumerated() {
            guard sheet.rows.count < Self.maximumRows, sheet.headers.count <= Self.maximumColumns else {
                throw TooLarge(description: "sheet '\(sheet.name)' has \(sheet.rows.count) rows of "
                                   + "\(sheet.headers.count) columns; a sheet holds \(Self.maximumRows - 1) rows "
                                   + "under its header and \(Self.maximumColumns) columns")
            }
            archive.add("xl/worksheets/sheet\(index + 1).xml", text: SheetXML(sheet: sheet).xml)
        }
        do {
            return try archive.bytes()
        } catch let error as ZipArchive.TooLarge {
            throw TooLarge(description: error.description)
        }
    }

    private static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    private var contentTypes: String {
        let office = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        let parts = ["<Default Extension=\"rels\" "
                        + "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>",
                     "<Default Extension=\"xml\" ContentType=\"application/xml\"/>",
                     "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(office).sheet.main+xml\"/>",
                     "<Override PartName=\"/xl/styles.xml\" ContentType=\"\(office).styles+xml\"/>"]
            + sheets.indices.map { index in
                "<Override PartName=\"/xl/worksheets/sheet\(index + 1).xml\" "
                    + "ContentType=\"\(office).worksheet+xml\"/>"
            }
        return SpreadsheetXML.declaration
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + parts.joined() + "</Types>"
    }

    private var workbook: String {
        let entries = sheets.enumerated().map { index, sheet in
            "<sheet name=\"\(SpreadsheetXML.escape(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        return SpreadsheetXML.declaration
            + "<workbook xmlns=\"\(Self.main)\" xmlns:r=\"\(Self.officeRelationships)\">"
            + "<bookViews><workbookView activeTab=\"0\"/></bookViews>"
            + "<sheets>" + entries.joined() + "</sheets></workbook>"
    }

    /// A relationships part; each target gets `rId1`, `rId2`, … in order.
    private static func relationships(_ targets: [(kind: String, target: String)]) -> String {
        let entries = targets.enumerated().map { index, entry in
            "<Relationship Id=\"rId\(index + 1)\" Type=\"\(officeRelationships)/\(entry.kind)\" "
                + "Target=\"\(entry.target)\"/>"
        }
        return declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + entries.joined() + "</Relationships>"
    }

    private static var declaration: String { SpreadsheetXML.declaration }

    /// Style 0 is plain, 1 the bold header, and 2 onwards one per `NumberStyle` in its order.
    static func styleIndex(_ style: NumberStyle) -> Int { 2 + style.rawValue }
    static let headerStyle = 1

    private static let styles: String = {
        let formats = NumberStyle.allCases.map { style in
            "<numFmt numFmtId=\"\(164 + style.rawValue)\" formatCode=\"\(SpreadsheetXML.escape(style.formatCode))\"/>"
        }
        let plain = "fillId=\"0\" borderId=\"0\" xfId=\"0\""
        let cellFormats = ["<xf numFmtId=\"0\" fontId=\"0\" \(plain)/>",
                           "<xf numFmtId=\"0\" fontId=\"1\" \(plain) applyFont=\"1\"/>"]
            + NumberStyle.allCases.map { "<xf numFmtId=\"\(164 + $0.rawValue)\" fontId=\"0\" \(plain) "
                + "applyNumberFormat=\"1\"/>" }
        return declaration + "<styleSheet xmlns=\"\(main)\">"
            + "<numFmts count=\"\(formats.count)\">" + formats.joined() + "</numFmts>"
            + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font>"
            + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
            + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
            + "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
            + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"\(cellFormats.count)\">" + cellFormats.joined() + "</cellXfs>"
            + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
            + "</styleSheet>"
    }()
}
