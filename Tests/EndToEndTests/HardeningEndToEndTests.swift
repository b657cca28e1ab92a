import Foundation
import Testing
import TestHarness

/// Regressions from the hardening pass over `impact check`, `eval` and `impact test`: each input
/// once crashed, failed with a raw message, or pointed at the wrong place.
@Suite(.scratch) struct HardeningEndToEndTests {
    let root = ImpactBinary.projectRoot

    /// A definitions folder with the shipped series and one indicator whose value is `value`.
    func definitions(value: String) throws -> String {
        let directory = ImpactBinary.temporaryDirectory()
        try FileManager.default.copyItem(atPath: root + "/indicators/series.ind", toPath: directory + "/series.ind")
        let indicator = "indicator big {\n  title \"Big\"\n  criterion context\n  unit count\n  better none\n"
            + "  value \(value)\n}\n"
        try indicator.write(toFile: directory + "/big.ind", atomically: true, encoding: .utf8)
        return directory
    }

    @Test(arguments: [
        String(repeating: "(", count: 1200) + "vt.meldingen" + String(repeating: ")", count: 1200),
        Array(repeating: "vt.meldingen", count: 1500).joined(separator: " + "),
        String(repeating: "-", count: 100_000) + "vt.meldingen",
        String(repeating: "previous(", count: 10_000) + "vt.meldingen" + String(repeating: ")", count: 10_000),
    ])
    func hugeExpressionsAreRefusedWithoutACrash(value: String) throws {
        let result = try ImpactBinary.run(["check", "--indicators", try definitions(value: value)])
        #expect(!result.killedBySignal)
        #expect(result.status == 1)
        #expect(result.stderr.contains("IMP-L100") || result.stderr.contains("IMP-L101"),
                "\(result.stderr.prefix(500))")
    }

    @Test func aHundredTermSumEvaluates() throws {
        let directory = try definitions(value: Array(repeating: "vt.meldingen", count: 100).joined(separator: " + "))
        let store = ImpactBinary.temporaryDirectory() + "/demo.sqlite"
        #expect(try DemoStore.copy(to: store))
        let check = try ImpactBinary.run(["check", "--indicators", directory])
        #expect(check.status == 0, "\(check.stderr)")
        let arguments = ["--store", store, "--period", "2018", "--geo", "VTZL", "--format", "csv"]
        let sum = try ImpactBinary.run(["eval", "--indicators", directory] + arguments)
        #expect(sum.status == 0, "\(sum.stderr)")
        let one = try ImpactBinary.run(["eval", "--indicators", try definitions(value: "vt.meldingen")] + arguments)
        func value(_ csv: String) -> Double? {
            csv.split(separator: "\n").dropFirst().first.flatMap { Double($0.split(separator: ",")[3]) }
        }
        let single = try #require(value(one.stdout))
        #expect(value(sum.stdout) == single * 100, "\(sum.stdout)")
    }

    @Test func anUnknownPeriodFormOnTheCommandLineListsTheForms() throws {
        let result = try ImpactBinary.run(["eval", "--period", "2018-S1"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("not a period") && !result.stderr.contains("for a month"), "\(result.stderr)")
    }

    // MARK: impact test

    /// A copy of the shipped police rule test with absolute paths, edited by `edit`.
    func ruleTest(_ edit: (String) -> String) throws -> String {
        let directory = ImpactBinary.temporaryDirectory()
        let text = try String(contentsOfFile: root + "/indicators/tests/politie.test", encoding: .utf8)
            .replacingOccurrences(of: "\"../", with: "\"\(root)/indicators/")
            .replacingOccurrences(of: "\"politie-input.csv\"", with: "\"\(root)/indicators/tests/politie-input.csv\"")
        try edit(text).write(toFile: directory + "/edited.test", atomically: true, encoding: .utf8)
        return directory + "/edited.test"
    }

    @Test func aMissingInputFileIsReportedAtItsLine() throws {
        let path = try ruleTest { $0.replacingOccurrences(of: "/politie-input.csv", with: "/nonexistent.csv") }
        let result = try ImpactBinary.run(["test", path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("edited.test:8:9: error[IMP-T050]"), "\(result.stderr)")
        #expect(!(result.stdout + result.stderr).contains("CSVProblem"))
    }

    @Test func aGeographyFailureIsNotFollowedByUnknownGeoCodes() throws {
        let geography = ImpactBinary.temporaryDirectory()
        try "nonsense\n1\n".write(toFile: geography + "/units.csv", atomically: true, encoding: .utf8)
        let path = try ruleTest {
            $0.replacingOccurrences(of: "\(root)/indicators/../fixtures/geography", with: geography)
        }
        let result = try ImpactBinary.run(["test", path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("setup:"), "\(result.stdout)")
        #expect(!result.stdout.contains("unknown geo code"), "\(result.stdout)")
    }

    @Test func aFailedAlertExpectationIsReportedAtItsOwnLine() throws {
        let path = try ruleTest {
            $0.replacingOccurrences(of: "politie_dominant VTWB firing", with: "politie_dominant VTWB pending")
        }
        let result = try ImpactBinary.run(["test", path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("edited.test:18: step 2017: alert"), "\(result.stdout)")
    }

    @Test func testRunsTheTestsOfADefinitionsDirectory() throws {
        let result = try ImpactBinary.run(["test", "--indicators", root + "/indicators"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("0 failed"))
        let both = try ImpactBinary.run(["test", "--indicators", root + "/indicators", "x.test"])
        #expect(both.status == 64)
    }
}
