import Foundation
import Testing
import TestHarness

/// `--format xlsx` and `report --xlsx` (docs/report.md, "Excel workbook"), read back by LibreOffice:
/// every value equals what `--format csv` prints, a missing figure is an empty cell with its status,
/// and the report's sheets carry the same figures as `eval`.
@Suite(.scratch) struct WorkbookEndToEndTests {
    let directory = ImpactBinary.temporaryDirectory()
    var store: String { directory + "/demo.sqlite" }

    init() throws {
        #expect(try DemoStore.copy(to: store))
    }

    func csv(_ arguments: [String]) throws -> [[String]] {
        let path = directory + "/\(UUID().uuidString).csv"
        let run = try ImpactBinary.run(arguments + ["--format", "csv", "--store", store, "--out", path])
        #expect(run.status == 0, "\(run.stderr)")
        return try LibreOffice.rows(path)
    }

    func workbook(_ arguments: [String], named name: String) throws -> String {
        let path = directory + "/\(name).xlsx"
        let run = try ImpactBinary.run(arguments + ["--format", "xlsx", "--store", store, "--out", path])
        #expect(run.status == 0 && run.stdout.isEmpty, "\(run.stderr)")
        return path
    }

    /// Numbers compare as numbers (LibreOffice writes 15 significant digits, and at most 20 decimals,
    /// so a p-value of 2e-10 keeps only 11 digits), a percentage as its fraction, booleans as yes/no;
    /// everything else, empty cells included, as text.
    static func same(_ fromWorkbook: String, _ fromCSV: String) -> Bool {
        if let expected = Double(fromCSV), !fromCSV.isEmpty {
            let percent = fromWorkbook.hasSuffix("%")
            guard let shown = Double(percent ? String(fromWorkbook.dropLast()) : fromWorkbook) else { return false }
            let value = percent ? shown / 100 : shown
            return abs(value - expected) <= max(1e-12 * abs(expected), 1e-20)
        }
        switch (fromWorkbook, fromCSV) {
        case ("TRUE", "yes"), ("FALSE", "no"): return true
        default: return fromWorkbook == fromCSV
        }
    }

    func expectSame(_ sheet: [[String]], _ table: [[String]], _ what: String) {
        #expect(sheet.count == table.count, "\(what): \(sheet.count) rows in the workbook, \(table.count) in CSV")
        #expect(sheet.first == table.first, "\(what): headers")
        for (row, (got, expected)) in zip(sheet, table).enumerated().dropFirst() {
            #expect(got.count == expected.count, "\(what) row \(row)")
            for (column, (cell, value)) in zip(got, expected).enumerated() where !Self.same(cell, value) {
                Issue.record("\(what) row \(row) column \(table[0][column]): workbook '\(cell)', csv '\(value)'")
            }
        }
    }

    @Test func evalAndDiffWorkbooksHoldWhatCSVPrints() throws {
        let eval = ["eval", "--period", "2017..2018", "--level", "gemeente"]
        let diff = ["diff", "2017", "2018", "--level", "gemeente"]
        let books = [try workbook(eval, named: "eval"), try workbook(diff, named: "diff")]
        let sheets = directory + "/sheets"
        try LibreOffice.convertSheets(books, into: sheets)
        let evalSheet = try LibreOffice.rows(sheets + "/eval-eval.csv")
        let evalCSV = try csv(eval)
        expectSame(evalSheet, evalCSV, "eval")
        expectSame(try LibreOffice.rows(sheets + "/diff-diff.csv"), try csv(diff), "diff")
        // The fixtures have gaps: they are empty cells with a status, never 0.
        let status = evalCSV[0].firstIndex(of: "status")!, value = evalCSV[0].firstIndex(of: "value")!
        let gaps = evalSheet.dropFirst().filter { $0[value].isEmpty }
        #expect(!gaps.isEmpty && gaps.allSatisfy { !$0[status].isEmpty && $0[status] != "ok" })
        let notes = try LibreOffice.rows(sheets + "/diff-diff notes.csv")
        #expect(notes.last == ["Tests at 95 % confidence."])
    }

    /// Scorecard and municipalities carry the figures `eval` gives for the same cells.
    @Test func reportWorkbookAgreesWithEval() throws {
        let book = directory + "/report.xlsx"
        let report = try ImpactBinary.run(["report", "--period", "2018", "--region", "VTWB", "--store", store,
                                           "--out", directory + "/report.html", "--xlsx", book])
        #expect(report.status == 0 && report.stdout.hasSuffix("report.xlsx\n"), "\(report.stderr)")
        let sheets = directory + "/report-sheets"
        try LibreOffice.convertSheets([book], into: sheets)
        let files = try FileManager.default.contentsOfDirectory(atPath: sheets).sorted()
        #expect(files == ["report-Catalogus.csv", "report-Gemeenten.csv", "report-Scorekaart.csv",
                          "report-Toelichting.csv"])
        var evaluated: [String: [String]] = [:]
        for row in try csv(["eval", "--period", "2018"]) + csv(["eval", "--period", "2018", "--level", "gemeente"]) {
            evaluated[row[0] + " " + row[1] + " " + row[2]] = row
        }
        let scorecard = try LibreOffice.rows(sheets + "/report-Scorekaart.csv")
        #expect(scorecard[0].prefix(7) == ["Indicator", "Titel", "Eenheid", "Waarde 2017", "Status 2017",
                                           "Waarde 2018", "Status 2018"])
        for row in scorecard.dropFirst() {
            let expected = try #require(evaluated[row[0] + " VTWB 2018"], "\(row[0]) has no eval row")
            #expect(Self.same(row[5], expected[3]), "\(row[0]): workbook '\(row[5])', eval '\(expected[3])'")
            #expect(!row[6].isEmpty)
        }
        let municipalities = try LibreOffice.rows(sheets + "/report-Gemeenten.csv")
        #expect(municipalities.count > 1)
        for row in municipalities.dropFirst() {
            let expected = try #require(evaluated[row[0] + " " + row[2] + " " + row[4]], "\(row[0]) \(row[2])")
            #expect(Self.same(row[5], expected[3]), "\(row[0]) \(row[2]): workbook '\(row[5])', eval '\(expected[3])'")
            #expect(!row[6].isEmpty)
        }
        let catalogue = try LibreOffice.rows(sheets + "/report-Catalogus.csv")
        #expect(catalogue[0].prefix(4) == ["programma", "actielijn", "criterium", "indicator"])
    }

    /// A workbook is binary: never to a terminal or stdout, always a file of its own, written in one
    /// step with the store's permissions.
    @Test func aWorkbookNeedsAFileOfItsOwn() throws {
        for out in [[], ["--out", "-"]] {
            let run = try ImpactBinary.run(["eval", "--period", "2018", "--format", "xlsx", "--store", store] + out)
            #expect(run.status == 64 && run.stdout.isEmpty && run.stderr.contains("needs --out FILE"))
        }
        let dash = try ImpactBinary.run(["report", "--period", "2018", "--store", store, "--xlsx", "-"])
        #expect(dash.status == 64 && dash.stderr.contains("never written to stdout"))
        let same = try ImpactBinary.run(["report", "--period", "2018", "--store", store, "--out", directory + "/r.html",
                                         "--xlsx", directory + "/r.html"])
        #expect(same.status == 64 && same.stderr.contains("same file"))
        let nowhere = try ImpactBinary.run(["report", "--period", "2018", "--store", store,
                                            "--out", directory + "/r.html", "--xlsx", directory + "/no/r.xlsx"])
        #expect(nowhere.status != 0 && nowhere.stderr.contains("there is no directory"))
        #expect(!FileManager.default.fileExists(atPath: directory + "/r.html"))
        let book = try workbook(["diff", "2017", "2018", "--geo", "VTWB"], named: "private")
        let mode = try FileManager.default.attributesOfItem(atPath: book)[.posixPermissions] as? Int
        #expect(mode.map { $0 & 0o777 } == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".tmp") }.isEmpty)
    }
}
