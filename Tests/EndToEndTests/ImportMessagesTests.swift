import Foundation
import Testing

/// Each problem of a delivery is reported once, all of them in one run, and an empty delivery is
/// named for what it is.
extension ImportEndToEndTests {
    func delivery(_ text: String) throws -> String {
        let path = ImpactBinary.temporaryDirectory() + "/delivery.csv"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func errors(_ stderr: String) -> [String] {
        stderr.split(separator: "\n").filter { $0.contains(": error[") }.map(String.init)
    }

    /// The unclosed quote used to add a second error quoting the rest of the file.
    @Test func unclosedQuoteIsReportedOnceAtTheQuote() throws {
        let store = try freshStore()
        let file = try delivery("series,geo,period,value\nvt.meldingen,VTWB,2019,\"5\n"
                                + "vt.meldingen,VTWB,2020,6\nvt.meldingen,VTWB,2021,7\n")
        let result = try ImpactBinary.run(["import", "csv", file, "--store", store])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(errors(result.stderr) == [file + ":2:24: error[IMP-C004]: quoted field is never closed"],
                "\(result.stderr)")
    }

    /// A header without rows used to say "unchanged: all 0 rows equal the current values".
    @Test func headerOnlyFileIsAnEmptyDelivery() throws {
        let store = try freshStore()
        let file = try delivery("series,geo,period,value\n")
        let result = try ImpactBinary.run(["import", "csv", file, "--store", store])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("error[IMP-I082]: no rows in the delivery; nothing was written"),
                "\(result.stderr)")
        #expect(!result.stderr.contains("unchanged"))
    }

    /// The negative count used to appear only through the gate, after the other rows were fixed.
    @Test func negativeCountIsReportedWithTheOtherProblems() throws {
        let store = try freshStore()
        let file = try delivery("series,geo,period,value\nvt.meldingen,VTWB,2019,-5\n"
                                + "vt.meldingen,GM0759,2019,3\nvt.meldingen,VTWB,2019x,4\n")
        let result = try ImpactBinary.run(["import", "csv", file, "--store", store])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains(file + ":2:1: error[IMP-I081]: negative value -5 for vt.meldingen"),
                "\(result.stderr)")
        #expect(result.stderr.contains(":3:14: error[IMP-I001]") && result.stderr.contains(":4:19: error[IMP-C013]"),
                "\(result.stderr)")
    }

    /// `import geography --dry-run` used to write; now it reports what it would do and writes nothing.
    @Test func geographyDryRunWritesNothing() throws {
        let store = try freshStore()
        let directory = ImpactBinary.temporaryDirectory()
        try "code,name,level\nGM9901,Nieuwdorp,gemeente\n".write(toFile: directory + "/units.csv", atomically: true,
                                                                 encoding: .utf8)
        let dryRun = try ImpactBinary.run(["import", "geography", directory, "--dry-run", "--store", store])
        #expect(dryRun.status == 0 && dryRun.stderr.contains("would change the reference; nothing was written"),
                "\(dryRun.stderr)")
        let rows = ImpactBinary.temporaryDirectory() + "/rows.csv"
        try "series,geo,period,value\nvt.meldingen,GM9901,2019,3\n".write(toFile: rows, atomically: true,
                                                                         encoding: .utf8)
        let refused = try ImpactBinary.run(["import", "csv", rows, "--store", store])
        #expect(refused.status == 1 && refused.stderr.contains("unknown geo code 'GM9901'"), "\(refused.stderr)")
        let real = try ImpactBinary.run(["import", "geography", directory, "--store", store])
        #expect(real.status == 0 && real.stderr.contains("imported geography: 1 units"), "\(real.stderr)")
    }
}
