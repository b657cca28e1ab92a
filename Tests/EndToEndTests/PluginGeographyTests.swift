import Foundation
import Testing

/// Geography records of a plugin add units and never rewrite one; codes and names are bounded.
extension PluginHardeningTests {
    static func unit(_ code: String, _ name: String, _ level: String) -> String {
        #"{"version":1,"type":"geography","code":"\#(code)","name":"\#(name)","level":"\#(level)"}"#
    }

    static let unchangedVTWB2018 = #"{"version":1,"type":"observation","series":"vt.meldingen","geo":"VTWB","#
        + #""period":"2018","value":6039,"status":"provisional"}"#

    /// VTWB used to become level `land` in place; now the record is refused at its line and the
    /// store keeps the unit as it was.
    @Test func pluginCannotRewriteAnExistingUnit() throws {
        let store = try store()
        let directory = try plugin("geo", records([Self.unit("VTWB", "Veilig Thuis West-Brabant", "land"),
                                                   Self.unit("GM0758", "Breda", "provincie"), Self.valid]))
        let result = try ImpactBinary.run(["import", "geo", "--store", store], directory: directory)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("plugin geo:1:1: error[IMP-I080]: record 1: unit 'VTWB' is "
                                       + "'Veilig Thuis West-Brabant' (regio, area) in the store"), "\(result.stderr)")
        #expect(result.stderr.contains("plugin geo:2:1: error[IMP-I080]"), "\(result.stderr)")
        let identical = try plugin("same", records([Self.unit("VTWB", "Veilig Thuis West-Brabant", "regio"),
                                                    Self.unchangedVTWB2018]))
        let same = try ImpactBinary.run(["import", "same", "--store", store], directory: identical)
        #expect(same.status == 0 && same.stderr.contains("unchanged"), "\(same.stderr)")
    }

    /// A new unit with observations that are all unchanged used to be discarded silently; now it is
    /// added, reported, and usable by the next delivery.
    @Test func newUnitIsAddedAndReportedEvenWhenObservationsAreUnchanged() throws {
        let store = try store()
        let directory = try plugin("newunit", records([Self.unit("GM9901", "Nieuwdorp", "gemeente"),
                                                       Self.unchangedVTWB2018]))
        let dryRun = try ImpactBinary.run(["import", "newunit", "--store", store, "--dry-run"], directory: directory)
        #expect(dryRun.status == 0 && dryRun.stderr.contains("and add 1 geography unit(s)"), "\(dryRun.stderr)")
        let result = try ImpactBinary.run(["import", "newunit", "--store", store], directory: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("1 geography unit(s) added"), "\(result.stderr)")
        let again = try ImpactBinary.run(["import", "newunit", "--store", store], directory: directory)
        #expect(again.stderr.contains("unchanged"), "\(again.stderr)")
        let file = ImpactBinary.temporaryDirectory() + "/nieuwdorp.csv"
        try "series,geo,period,value\nvt.meldingen,GM9901,2018,12\n".write(toFile: file, atomically: true,
                                                                            encoding: .utf8)
        #expect(try ImpactBinary.run(["import", "csv", file, "--store", store]).status == 0)
    }

    /// A series the store has never held, in a unit the same delivery adds and in a held area: the
    /// row in the new unit is staged (the unit is written at the merge, and a row straight into
    /// `observation` would name a unit that does not exist yet); the other goes straight in.
    @Test func aNewSeriesInANewUnitAndInAHeldAreaIsImported() throws {
        let store = try store()
        let row = { (geo: String) in
            #"{"version":1,"type":"observation","series":"t.nieuw","geo":"\#(geo)","period":"2018","value":3}"#
        }
        let directory = try plugin("split", records([Self.unit("GM9905", "Nieuwstad", "gemeente"), row("GM9905"),
                                                     row("GM0758")]))
        let result = try ImpactBinary.run(["import", "split", "--store", store], directory: directory)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("3 rows, 2 new, 0 revised"), "\(result.stderr)")
        #expect(result.stderr.contains("1 geography unit(s) added"), "\(result.stderr)")
    }

    /// Oversized, formula-like or control-character codes and names are refused with the record's number.
    @Test(arguments: [
        (String(repeating: "A", count: 33), "Lang", "IMP-S110"),
        ("GM 01", "Spatie", "IMP-S110"),
        ("=HYPERLINK", "Formule", "IMP-S113"),
        ("GM9902", String(repeating: "n", count: 201), "IMP-S111"),
        ("GM9903", "Tab\\there", "IMP-S112"),
        ("GM9904", "@SUM(A1)", "IMP-S113"),
    ])
    func pluginUnitTextIsBounded(code: String, name: String, id: String) throws {
        let store = try store()
        let directory = try plugin("names", records([Self.valid, Self.unit(code, name, "gemeente")]))
        let result = try ImpactBinary.run(["import", "names", "--store", store], directory: directory)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("plugin names:2:1: error[\(id)]"), "\(result.stderr)")
        #expect(result.stderr.count < 4000)
    }
}
