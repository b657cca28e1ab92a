import Foundation
import Testing
import TestHarness

/// The exit codes of docs/cli.md, for every command against every class of error: a scheduled job
/// or a systemd unit (`SuccessExitStatus=1`) must be able to tell "something fires" from "broken".
@Suite(.scratch) struct ExitCodeEndToEndTests {
    enum Class: String {
        case success, usage, missingInput = "missing input", brokenDefinitions = "broken definitions"
        case unreadableStore = "unreadable store", findings
    }

    /// docs/cli.md: 0 ok, 1 findings, 2 failure (missing input, broken definitions for every command
    /// but `check`, unreadable store), 64 usage.
    struct Case {
        let errorClass: Class
        let arguments: [String]
        let expected: Int32
    }

    /// Files every case can point at: a working store, one that is not a store, one from no
    /// ImpactMonitor (negative schema version), a path with no store, broken and missing definitions.
    struct Setup {
        let directory = ImpactBinary.temporaryDirectory()
        var good: String { directory + "/good.sqlite" }
        var alerts: String { directory + "/alerts.sqlite" }
        var garbage: String { directory + "/garbage.sqlite" }
        var damaged: String { directory + "/damaged.sqlite" }
        var missing: String { directory + "/missing.sqlite" }
        var broken: String { directory + "/broken-indicators" }
        var none: String { directory + "/no-indicators" }
        var wrongTest: String { directory + "/wrong.test" }

        init() throws {
            #expect(try DemoStore.copy(to: good))
            #expect(try ImpactBinary.run(["import", "geography", "fixtures/geography", "--store", alerts]).status == 0)
            #expect(try ImpactBinary.run(["import", "csv", "indicators/tests/politie-input.csv",
                                          "--store", alerts]).status == 0)
            try String(repeating: "not a store ", count: 200).write(toFile: garbage, atomically: true, encoding: .utf8)
            #expect(try ImpactBinary.run(["init", "--store", damaged]).status == 0)
            // `PRAGMA user_version` is the big-endian 32-bit number at offset 60 of the header.
            let header = try FileHandle(forWritingTo: URL(fileURLWithPath: damaged))
            try header.seek(toOffset: 60)
            try header.write(contentsOf: Data([0xff, 0xff, 0xff, 0xff]))
            try header.close()
            let root = ImpactBinary.projectRoot
            try String(contentsOfFile: root + "/indicators/tests/politie.test", encoding: .utf8)
                .replacingOccurrences(of: "\"../", with: "\"\(root)/indicators/")
                .replacingOccurrences(of: "\"politie-input.csv\"",
                                      with: "\"\(root)/indicators/tests/politie-input.csv\"")
                .replacingOccurrences(of: "politie_dominant VTWB firing", with: "politie_dominant VTWB pending")
                .write(toFile: wrongTest, atomically: true, encoding: .utf8)
            try FileManager.default.createDirectory(atPath: broken, withIntermediateDirectories: true)
            try "indicator wb_x {\n  value = \n"
                .write(toFile: broken + "/broken.ind", atomically: true, encoding: .utf8)
        }
    }

    static func cases(_ s: Setup) -> [Case] {
        let store = ["--store", s.good]
        let file = "fixtures/vt-west-brabant/regio-2015-2018.csv"
        var cases: [Case] = [
            .init(errorClass: .success, arguments: ["version"], expected: 0),
            .init(errorClass: .success, arguments: ["-V"], expected: 0),
            .init(errorClass: .success, arguments: ["alerts", "check", "--period", "2016", "--store", s.alerts],
                  expected: 0),
            .init(errorClass: .findings, arguments: ["alerts", "check", "--period", "2017", "--store", s.alerts],
                  expected: 1),
            .init(errorClass: .findings, arguments: ["check", "--indicators", s.broken], expected: 1),
            .init(errorClass: .findings, arguments: ["import", "csv", "fixtures/broken/broken-import.csv"] + store,
                  expected: 1),
            .init(errorClass: .findings, arguments: ["test", s.wrongTest], expected: 1),
        ]
        cases += usageCases(store)
        cases += missingInputCases(s, store: store, file: file)
        cases += brokenDefinitionCases(s, store: store, file: file)
        for path in [s.garbage, s.damaged] { cases += unreadableStoreCases(path, file: file) }
        return cases
    }

    static func usageCases(_ store: [String]) -> [Case] {
        let usage: [[String]] = [
            ["init", "--bogus"], ["sources", "--format", "xml"], ["import"], ["import", "cvs", "x.csv"],
            ["check", "--bogus"], ["new", "indicator"], ["new", "widget", "x", "--programme", "wb"],
            ["explain", "wb_meldngen"] + store, ["explain"],
            ["eval", "--indicator", "wb_meldngen"] + store, ["eval", "--version"], ["eval", "--period", "20x8"],
            ["diff", "2017"], ["alerts", "chek"], ["alerts", "check"], ["test", "--bogus"], ["report"],
            ["report", "--period", "2018", "--mode", "999"], ["catalogue", "--format", "xml"],
            ["history", "vt.meldingen"], ["coverage", "--bogus"], ["demo", "extra"], ["help", "nope"],
            ["version", "--bogus"], ["bogus"],
        ]
        return usage.map { Case(errorClass: .usage, arguments: $0, expected: 64) }
    }

    static func missingInputCases(_ s: Setup, store: [String], file: String) -> [Case] {
        let noStore = ["--store", s.missing]
        let noDefinitions = ["--indicators", s.none]
        let missing: [[String]] = [
            ["import", "csv", s.directory + "/none.csv"] + store, ["import", "geography", s.directory + "/none"],
            ["import", "csv", file, "--dry-run"] + noStore, ["check"] + noDefinitions,
            ["new", "indicator", "wb_nieuw", "--programme", "wb"] + noDefinitions,
            ["explain", "wb_meldingen"] + noDefinitions, ["explain", "wb_meldingen"] + noStore,
            ["eval"] + store + noDefinitions, ["eval"] + noStore, ["diff", "2017", "2018"] + store + noDefinitions,
            ["diff", "2017", "2018"] + noStore, ["alerts", "check", "--latest"] + store + noDefinitions,
            ["alerts", "check", "--latest"] + noStore, ["alerts", "list"] + noStore, ["alerts", "history"] + noStore,
            ["test", s.directory + "/none.test"], ["report", "--period", "2018"] + store + noDefinitions,
            ["report", "--period", "2018"] + noStore, ["catalogue"] + store + noDefinitions, ["catalogue"] + noStore,
            ["history"] + noStore, ["coverage"] + noStore,
        ]
        return missing.map { Case(errorClass: .missingInput, arguments: $0, expected: 2) }
    }

    static func brokenDefinitionCases(_ s: Setup, store: [String], file: String) -> [Case] {
        let broken = ["--indicators", s.broken]
        let commands: [[String]] = [
            ["import", "csv", file, "--dry-run"], ["explain", "wb_meldingen"], ["eval"], ["diff", "2017", "2018"],
            ["alerts", "check", "--latest"], ["alerts", "list"], ["report", "--period", "2018"], ["catalogue"],
            ["new", "indicator", "wb_nieuw", "--programme", "wb"],
        ]
        return commands.map { Case(errorClass: .brokenDefinitions, arguments: $0 + store + broken, expected: 2) }
    }

    static func unreadableStoreCases(_ path: String, file: String) -> [Case] {
        let commands: [[String]] = [
            ["init"], ["import", "csv", file], ["import", "geography", "fixtures/geography"],
            ["explain", "wb_meldingen"], ["eval"], ["diff", "2017", "2018"], ["alerts", "check", "--latest"],
            ["alerts", "list"], ["alerts", "history"], ["report", "--period", "2018"], ["catalogue"], ["history"],
            ["coverage"], ["demo"],
        ]
        return commands.map { Case(errorClass: .unreadableStore, arguments: $0 + ["--store", path], expected: 2) }
    }

    @Test func everyCommandExitsWithTheDocumentedCodeForEveryClassOfError() throws {
        let setup = try Setup()
        for testCase in Self.cases(setup) {
            let result = try ImpactBinary.run(testCase.arguments)
            let call = "impact " + testCase.arguments.joined(separator: " ")
            #expect(result.status == testCase.expected,
                    "\(testCase.errorClass.rawValue): \(call) exited \(result.status)\n\(result.stderr)")
            #expect(!result.killedBySignal && !result.stderr.contains("Fatal error"), "\(call) crashed")
            if testCase.expected >= 2 { #expect(!result.stderr.isEmpty, "\(call) failed without saying why") }
        }
        #expect(!FileManager.default.fileExists(atPath: setup.missing), "a read command created a store")
    }
}
