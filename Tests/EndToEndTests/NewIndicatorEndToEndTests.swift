import Foundation
import Testing
import TestHarness

/// `impact new indicator`: a commented block in the programme's file that checks, or nothing written.
@Suite(.scratch) struct NewIndicatorEndToEndTests {
    /// A copy of the shipped definitions in a temporary folder.
    static func indicatorsCopy() throws -> String {
        let directory = ImpactBinary.temporaryDirectory() + "/indicators"
        try FileManager.default.copyItem(atPath: ImpactBinary.projectRoot + "/indicators", toPath: directory)
        return directory
    }

    static func contents(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }

    @Test func aNewIndicatorChecksAndTheCatalogueListsIt() throws {
        let indicators = try Self.indicatorsCopy()
        let file = indicators + "/west-brabant.ind"
        let before = try Self.contents(file)
        let made = try ImpactBinary.run(["new", "indicator", "wb_wachttijd", "--programme", "wb",
                                         "--indicators", indicators])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stderr.contains("added indicator wb_wachttijd to \(file)") && made.stderr.contains("ok: "))
        let after = try Self.contents(file)
        #expect(after.hasPrefix(before) && after.contains("indicator wb_wachttijd {"))
        for field in ["title ", "title_en ", "description ", "criterion ", "programme wb", "line al1", "# outcome ",
                      "unit ", "better ", "# value ", "source ", "status planned", "owner ", "# min_n ",
                      "# min_cell ", "# target ", "# alert ", "# cites "] {
            #expect(after.contains("  " + field), "missing field \(field)")
        }
        #expect(try ImpactBinary.run(["check", "--indicators", indicators]).status == 0)
        let store = ImpactBinary.temporaryDirectory() + "/demo.sqlite"
        #expect(try DemoStore.copy(to: store))
        let catalogue = try ImpactBinary.run(["catalogue", "--programme", "wb", "--format", "csv", "--store", store,
                                              "--indicators", indicators])
        #expect(catalogue.status == 0, "\(catalogue.stderr)")
        #expect(catalogue.stdout.contains(",wb_wachttijd,Nieuwe indicator wb_wachttijd,"))
    }

    @Test func existingIdsUnknownProgrammesAndOtherKindsAreRefused() throws {
        let indicators = try Self.indicatorsCopy()
        let before = try Self.contents(indicators + "/west-brabant.ind")
        let existing = try ImpactBinary.run(["new", "indicator", "wb_meldingen", "--programme", "wb",
                                             "--indicators", indicators])
        #expect(existing.status == 64 && existing.stderr.contains("indicator 'wb_meldingen' already exists"))
        let unknown = try ImpactBinary.run(["new", "indicator", "wb_x", "--programme", "wbb",
                                            "--indicators", indicators])
        #expect(unknown.status == 64 && unknown.stderr.contains("unknown programme 'wbb'")
                && unknown.stderr.contains("did you mean 'wb'"))
        let kind = try ImpactBinary.run(["new", "series", "vt.x", "--programme", "wb", "--indicators", indicators])
        #expect(kind.status == 64 && kind.stderr.contains("makes indicators"))
        let dotted = try ImpactBinary.run(["new", "indicator", "wb.x", "--programme", "wb", "--indicators", indicators])
        #expect(dotted.status == 64 && dotted.stderr.contains("series key"))
        let noProgramme = try ImpactBinary.run(["new", "indicator", "wb_x", "--indicators", indicators])
        #expect(noProgramme.status == 64 && noProgramme.stderr.contains("needs --programme"))
        let missing = try ImpactBinary.run(["new", "indicator", "wb_x", "--programme", "wb",
                                            "--indicators", indicators + "/nope"])
        #expect(missing.status == 2)
        #expect(try Self.contents(indicators + "/west-brabant.ind") == before)
    }

    /// An id the parser refuses (it starts with a digit) fails the check: the problem is listed with
    /// its line, and the file is left byte for byte as it was.
    @Test func aBlockThatDoesNotCheckLeavesTheFileAsItWas() throws {
        let indicators = try Self.indicatorsCopy()
        let file = indicators + "/zuid-limburg.ind"
        let before = try Self.contents(file)
        let result = try ImpactBinary.run(["new", "indicator", "9zl", "--programme", "zl", "--indicators", indicators])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error[IMP-L005]") && result.stderr.contains("indicator 9zl {"))
        #expect(result.stderr.contains("\(file) is unchanged"))
        #expect(try Self.contents(file) == before)
    }

    /// A programme without indicators gets its first one in the file that declares it.
    @Test func aProgrammeWithoutIndicatorsGetsItInItsOwnFile() throws {
        let indicators = ImpactBinary.temporaryDirectory() + "/indicators"
        try FileManager.default.createDirectory(atPath: indicators, withIntermediateDirectories: true)
        let programme = "programme nw {\n  title \"Nieuw\"\n  line al1 \"Eerste lijn\"\n}"
        try programme.write(toFile: indicators + "/nw.ind", atomically: true, encoding: .utf8)
        let result = try ImpactBinary.run(["new", "indicator", "nw_eerste", "--programme", "nw",
                                           "--indicators", indicators])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try Self.contents(indicators + "/nw.ind")
        #expect(text.hasPrefix(programme + "\n\n# nw_eerste: written by") && text.contains("  line al1\n"))
    }
}
