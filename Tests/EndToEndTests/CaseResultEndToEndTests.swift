import Foundation
import TestHarness
import Testing

/// The case results an event import keeps, as a user meets them: `explain` says where a statement
/// reads, `eval` gives the same figures either way, `impact store refresh` keeps them for changed
/// definitions, and an import without definitions says it keeps none.
@Suite(.scratch) struct CaseResultEndToEndTests {
    static let key = ["IMPACT_PSEUDONYM_KEY": "impact-demo-key-for-the-synthetic-fixtures-only"]
    static let fixtures = ImpactBinary.projectRoot + "/fixtures"

    /// A store with the geography and West-Brabant's synthetic events, imported from `directory`.
    static func storeWithEvents(from directory: String? = nil) throws -> (store: String, stderr: String) {
        let store = ImpactBinary.temporaryDirectory() + "/kept.sqlite"
        let geography = try ImpactBinary.run(["import", "geography", fixtures + "/geography", "--store", store])
        #expect(geography.status == 0, "\(geography.stderr)")
        let events = try ImpactBinary.run(["import", "events", fixtures + "/cases/west-brabant", "--event-source",
                                           "vt_casus_wb", "--store", store], environment: key, directory: directory)
        #expect(events.status == 0, "\(events.stderr)")
        return (store, events.stderr)
    }

    static func explain(_ store: String, period: String = "2018") throws -> String {
        let result = try ImpactBinary.run(["explain", "wb_herhaling_casus", "--geo", "VTWB", "--period", period,
                                           "--store", store])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    static func recurrence(_ store: String, _ extra: [String] = []) throws -> String {
        try ImpactBinary.run(["eval", "--indicator", "wb_herhaling_casus", "--geo", "VTWB", "--period", "2018",
                              "--format", "csv", "--no-cache", "--store", store] + extra).stdout
    }

    @Test func anEventImportKeepsTheResultsExplainAndEvalRead() throws {
        let (store, stderr) = try Self.storeWithEvents()
        #expect(!stderr.contains("no case results"), "\(stderr)")
        #expect(try Self.explain(store).contains("reads: the results kept at import"))
        #expect(try Self.explain(store, period: "2015").contains("reads: the case days kept at import"),
                "a year without events computes from the case days")
        let kept = try Self.recurrence(store)
        #expect(kept.contains("wb_herhaling_casus,VTWB,2018,21.874482530220234,1321,6039,6039,ok,synthetic"), "\(kept)")
        let batch = try ImpactBinary.run(["eval", "--indicator", "wb_herhaling_casus", "--geo", "VTWB", "--period",
                                          "2018", "--format", "csv", "--store", store, "--as-of", "2"])
        #expect(batch.stdout == kept, "computed from the events as of the same batch: \(batch.stdout)")
    }

    @Test func anImportWithoutDefinitionsKeepsNoneUntilAStoreRefresh() throws {
        let elsewhere = ImpactBinary.temporaryDirectory()
        let (store, stderr) = try Self.storeWithEvents(from: elsewhere)
        #expect(stderr.contains("note: no definitions found in 'indicators'; no case results are kept"), "\(stderr)")
        #expect(try Self.explain(store).contains("reads: the case days kept at import"))
        let computed = try Self.recurrence(store)

        let refreshed = try ImpactBinary.run(["store", "refresh", "--store", store])
        #expect(refreshed.status == 0, "\(refreshed.stderr)")
        #expect(refreshed.stderr == "kept the results of 3 case measure(s) over 'vt_casus_wb'\n", "\(refreshed.stderr)")
        #expect(try Self.explain(store).contains("reads: the results kept at import"))
        #expect(try Self.recurrence(store) == computed)
    }

    /// New memberships change what a region's results count: the import clears them and says so.
    @Test func aGeographyImportSaysItClearedTheKeptResults() throws {
        let (store, _) = try Self.storeWithEvents()
        let folder = ImpactBinary.temporaryDirectory()
        try "set,name\ndup,Tweede indeling\n".write(toFile: folder + "/sets.csv", atomically: true, encoding: .utf8)
        try "set,region,member\ndup,VTWB,GM0758\n".write(toFile: folder + "/memberships.csv", atomically: true,
                                                          encoding: .utf8)
        let geography = try ImpactBinary.run(["import", "geography", folder, "--store", store])
        #expect(geography.status == 0, "\(geography.stderr)")
        #expect(geography.stderr.contains("note: the case results kept at import were cleared"), "\(geography.stderr)")
        #expect(try Self.explain(store).contains("reads: the case days kept at import"))
    }

    @Test func storeRefreshMistakesAreNamed() throws {
        let store = ImpactBinary.temporaryDirectory() + "/empty.sqlite"
        #expect(try ImpactBinary.run(["init", "--store", store]).status == 0)
        let extra = try ImpactBinary.run(["store", "refresh", "now", "--store", store])
        #expect(extra.status == 64 && extra.stderr.contains("'impact store' takes copy FROM TO, or refresh"),
                "\(extra.stderr)")
        let missing = try ImpactBinary.run(["store", "refresh", "--indicators", "/nonexistent", "--store", store])
        #expect(missing.status != 0 && missing.stderr.contains("/nonexistent"), "\(missing.stderr)")
        let copy = try ImpactBinary.run(["store", "copy", store, store + ".copy", "--indicators", "indicators"])
        #expect(copy.status == 64 && copy.stderr.contains("--indicators belongs to 'impact store refresh'"),
                "\(copy.stderr)")
        let nothing = try ImpactBinary.run(["store", "refresh", "--store", store])
        #expect(nothing.status == 0 && nothing.stderr.contains("the store holds no case events"), "\(nothing.stderr)")
    }
}
