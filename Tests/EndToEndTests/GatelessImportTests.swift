import Foundation
import Testing
import TestHarness

/// Imports outside a project directory: the gates cannot run, and the tool says so.
@Suite(.scratch) struct GatelessImportTests {
    @Test func importWithoutDefinitionsSaysGatesDidNotRun() throws {
        let directory = ImpactBinary.temporaryDirectory()
        let store = directory + "/store.sqlite"
        let geography = ImpactBinary.projectRoot + "/fixtures/geography"
        #expect(try ImpactBinary.run(["import", "geography", geography, "--store", store]).status == 0)
        try "series,geo,period,value\nvt.meldingen,VTWB,2019,-5\n"
            .write(toFile: directory + "/negative.csv", atomically: true, encoding: .utf8)
        let result = try ImpactBinary.run(["import", "csv", "negative.csv", "--store", store], directory: directory)
        #expect(result.stderr.contains("import gates were not run"), "\(result.stderr)")
    }
}
