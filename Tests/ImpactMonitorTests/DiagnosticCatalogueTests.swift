import Foundation
import Testing
import TestHarness
@testable import ImpactAlerts
@testable import ImpactCore

/// The catalogue is a contract with users: every code is documented under its domain, IDs are
/// unique and well formed, and the rendered form carries the ID.
@Suite(.scratch) struct DiagnosticCatalogueTests {
    /// The table rows of docs/diagnostics.md: ID, severity and the heading they are under.
    static func documentedRows() throws -> [(id: String, severity: String, heading: String)] {
        let text = try String(contentsOfFile: TestSupport.projectRoot + "/docs/diagnostics.md", encoding: .utf8)
        var heading = ""
        var rows: [(id: String, severity: String, heading: String)] = []
        for line in text.split(separator: "\n").map(String.init) {
            if line.hasPrefix("## ") { heading = line }
            guard line.hasPrefix("| IMP-") else { continue }
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            rows.append((cells[0], cells[1], heading))
        }
        return rows
    }

    @Test func everyCodeIsDocumentedOnceUnderItsDomain() throws {
        let rows = try Self.documentedRows()
        let documented = Dictionary(grouping: rows, by: \.id)
        for code in DiagnosticCode.allCases {
            let matches = documented[code.rawValue] ?? []
            #expect(matches.count == 1, "\(code) (\(code.rawValue)) is documented \(matches.count) times")
            guard let row = matches.first else { continue }
            #expect(row.severity == code.defaultSeverity.rawValue, "\(code.rawValue)")
            let domain = code.rawValue.dropFirst("IMP-".count).prefix(1)
            #expect(row.heading.hasPrefix("## \(domain) "), "\(code.rawValue) is under '\(row.heading)'")
        }
        let known = Set(DiagnosticCode.allCases.map(\.rawValue))
        #expect(rows.filter { !known.contains($0.id) }.map(\.id) == [], "documented IDs without a code")
    }

    @Test func idsAreUniqueAndWellFormed() {
        let ids = DiagnosticCode.allCases.map(\.rawValue)
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.range(of: "^IMP-[LCSIGT][0-9]{3}$", options: .regularExpression) != nil, "\(id)")
        }
    }

    @Test func renderedFormCarriesTheID() {
        let located = Diagnostic(.unknownGeo("GM0759", known: ["GM0758"]), file: "a.csv", line: 3, column: 14,
                                 length: 6)
        #expect(located.description == "a.csv:3:14: error[IMP-I001]: unknown geo code 'GM0759'")
        let wholeFile = Diagnostic(.missingTimeDimension, file: "DataProperties.json")
        #expect(wholeFile.description == "DataProperties.json: error[IMP-S022]: the table has no TimeDimension")
    }

    /// A megabyte source line used to be quoted whole, with a megabyte of `~` under it.
    @Test func renderedFormQuotesAtMostTheStartOfALongLine() {
        let line = "GM0001," + String(repeating: "x", count: 1_000_000)
        let diagnostic = Diagnostic(.unitNameTooLong(String(line.dropFirst(7))), file: "units.csv", line: 2,
                                    column: 8, length: 1_000_000)
        let rendered = diagnostic.rendered(sourceLine: line)
        #expect(rendered.count < 1000)
        #expect(rendered.contains("\n    GM0001,xxx") && rendered.contains("…\n           ^~~~"))
    }

    @Test func gatesDeclaredWarnReportWarnings() {
        let range = SourceRange(file: "gates.ind", line: 2, column: 3, length: 6)
        let failing = DiagnosticMessage.gateMissingArea("VTZL", gate: ImportGate(kind: .regions(["VTZL"]), level: .fail,
                                                                                 range: range))
        let warning = DiagnosticMessage.gateMissingArea("VTZL", gate: ImportGate(kind: .regions(["VTZL"]), level: .warn,
                                                                                 range: range))
        #expect(failing.severity == .error && warning.severity == .warning)
        #expect(failing.code == warning.code && failing.text == warning.text)
        #expect(failing.text.hasPrefix("gate regions (gates.ind:2): "))
    }

    /// Rule test files share the language's token reader, so a lexical or period error there has
    /// the language's code; problems of the test format have their own.
    @Test func ruleTestFilesReportCodesAtTheirPositions() throws {
        let text = """
            tset "f" {
            }
            test "a" {
              inputs "y.csv"
            }
            test "b" {
              step 2018 {
                alert x r VTWB burning
              }
            }
            test "c" {
              step 2018 {
                expect x
              }
            }
            test "d" {
              step 2018-13 {
              }
            }
            test "e" {
              definitions "a\\qb"
              step 2018 {
                value x VTWB "12"
              }
            }
            """
        let path = TestSupport.write(text, to: "broken.test", in: TestSupport.temporaryDirectory())
        let (file, diagnostics) = RuleTestFile.parse(path: path)
        #expect(file == nil)
        #expect(diagnostics.allSatisfy { $0.file == path })
        #expect(diagnostics.map(\.reported).sorted { ($0.line, $0.column) < ($1.line, $1.column) } == [
            Reported(.expectedTest, 1, 1), Reported(.unknownTestField, 4, 3), Reported(.unknownAlertState, 8, 20),
            Reported(.unknownExpectation, 13, 5), Reported(.invalidPeriod, 17, 8), Reported(.missingTestInput, 21, 15),
            Reported(.unknownEscape, 21, 17),
            Reported(.expectedNumber, 23, 18),
        ])
    }
}
