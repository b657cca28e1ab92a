import Foundation
import Testing
import TestHarness

/// Disclosure control as a reader of the published output sees it.
@Suite(.scratch) struct DisclosureEndToEndTests {
    static let definitions = """
        series x.events {
          title "Gebeurtenissen"
          unit count
        }
        indicator x_events {
          title "Gebeurtenissen"
          criterion output
          better none
          unit count
          value x.events
        }
        """

    /// Zuid-Limburg = three subregions + an Onbekend bucket that delivers nothing. The bucket adds
    /// nothing to the published total, so with one subregion suppressed a second one must be too:
    /// otherwise 92 − 40 − 50 gives the hidden 2 away.
    @Test func anAbsentBucketDoesNotProtectASuppressedCell() throws {
        let directory = ImpactBinary.temporaryDirectory()
        let store = directory + "/store.sqlite"
        try FileManager.default.createDirectory(atPath: directory + "/definitions", withIntermediateDirectories: true)
        try Self.definitions.write(toFile: directory + "/definitions/x.ind", atomically: true, encoding: .utf8)
        let rows = "series,geo,period,value\nx.events,VTZL,2018,92\nx.events,ZL-MH,2018,2\n"
            + "x.events,ZL-PS,2018,40\nx.events,ZL-WM,2018,50\n"
        try rows.write(toFile: directory + "/x.csv", atomically: true, encoding: .utf8)
        #expect(try ImpactBinary.run(["import", "geography", ImpactBinary.projectRoot + "/fixtures/geography", "--store", store]).status == 0)
        #expect(try ImpactBinary.run(["import", "csv", directory + "/x.csv", "--store", store]).status == 0)
        let eval = try ImpactBinary.run(["eval", "--store", store, "--indicators", directory + "/definitions", "--period", "2018",
                                         "--geo", "VTZL", "--geo", "ZL-MH", "--geo", "ZL-PS", "--geo", "ZL-WM", "--format", "csv"])
        #expect(eval.status == 0, "\(eval.stderr)")
        let published = eval.stdout.split(separator: "\n").filter { $0.hasPrefix("x_events,") && !$0.contains(",suppressed,") }
        let parts = published.filter { !$0.hasPrefix("x_events,VTZL,") }
        #expect(published.contains { $0.hasPrefix("x_events,VTZL,2018,92,") }, "\(eval.stdout)")
        #expect(parts.count == 1, "only one subregion may stay published next to the total: \(eval.stdout)")
    }

    /// Sets vt: VTA = A1 + A2 + A3, VTB = B1 + B2 + B3; ghnt: GH1 = A1 + B1 + B3. In 2018 A3 = 2 is
    /// small; the cascade hides A1 (VTA), then B1 (GH1), then B2 (VTB). Every command must hide the
    /// same cells: contributions and a diff of one member included.
    @Test func suppressionIsTheSameInEveryCommandAcrossRegionSets() throws {
        let directory = ImpactBinary.temporaryDirectory()
        let store = try Self.cascadeStore(in: directory)
        let definitions = ["--indicators", directory + "/definitions", "--store", store]
        let eval = try ImpactBinary.run(["eval", "--period", "2018", "--level", "gemeente", "--format", "csv"] + definitions)
        let hidden = eval.stdout.split(separator: "\n").filter { $0.contains(",suppressed,") }.map { $0.split(separator: ",")[1] }
        #expect(Set(hidden) == ["A1", "A3", "B1", "B2"], "\(eval.stdout)")
        let contributions = try ImpactBinary.run(["diff", "2017", "2018", "--geo", "VTA", "--geo", "VTB", "--geo", "GH1",
                                                  "--contributions", "--format", "csv"] + definitions)
        #expect(contributions.status == 0, "\(contributions.stderr)")
        for member in hidden {
            #expect(!contributions.stdout.contains(",\(member),"), "contributions show \(member): \(contributions.stdout)")
        }
        let single = try ImpactBinary.run(["diff", "2017", "2018", "--geo", "B1", "--format", "csv"] + definitions)
        #expect(single.stdout.contains("x_events,B1,2017,2018,,,"), "a diff of B1 shows its 2018 figure: \(single.stdout)")
    }

    /// `store`: where to import (a PostgreSQL URL in the backend tests); a file in `directory` by default.
    static func cascadeStore(in directory: String, store: String? = nil) throws -> String {
        let geography = directory + "/geography"
        try FileManager.default.createDirectory(atPath: geography, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: directory + "/definitions", withIntermediateDirectories: true)
        try definitions.write(toFile: directory + "/definitions/x.ind", atomically: true, encoding: .utf8)
        let municipalities = ["A1", "A2", "A3", "B1", "B2", "B3"]
        let units = municipalities.map { "\($0),Gemeente \($0),gemeente,area,," }
            + ["VTA,Regio A,regio,area,,", "VTB,Regio B,regio,area,,", "GH1,GHNT 1,regio,area,,"]
        try (["code,name,level,kind,valid_from,valid_until"] + units).joined(separator: "\n")
            .write(toFile: geography + "/units.csv", atomically: true, encoding: .utf8)
        try "set,name\nvt,VT\nghnt,GHNT\n".write(toFile: geography + "/sets.csv", atomically: true, encoding: .utf8)
        let memberships = ["vt,VTA,A1", "vt,VTA,A2", "vt,VTA,A3", "vt,VTB,B1", "vt,VTB,B2", "vt,VTB,B3",
                           "ghnt,GH1,A1", "ghnt,GH1,B1", "ghnt,GH1,B3"].map { $0 + ",," }
        try (["set,region,member,valid_from,valid_until"] + memberships).joined(separator: "\n")
            .write(toFile: geography + "/memberships.csv", atomically: true, encoding: .utf8)
        let figures = ["2017": [50, 100, 60, 60, 70, 200], "2018": [10, 100, 2, 20, 30, 200]]
        var rows = "series,geo,period,value\n"
        for (year, values) in figures.sorted(by: { $0.key < $1.key }) {
            for (code, value) in zip(municipalities, values) { rows += "x.events,\(code),\(year),\(value)\n" }
        }
        try rows.write(toFile: directory + "/x.csv", atomically: true, encoding: .utf8)
        let store = store ?? directory + "/cascade.sqlite"
        #expect(try ImpactBinary.run(["import", "geography", geography, "--store", store]).status == 0)
        #expect(try ImpactBinary.run(["import", "csv", directory + "/x.csv", "--store", store]).status == 0)
        return store
    }

    /// One output, two indicators over the same count: `x_events` shows x.events, `x_per_event`
    /// divides by it. Zuid-Limburg: ZL-MH 3 (small), ZL-PS 40 events with 100 others, ZL-WM 50 with
    /// 20. Chosen by the size of the whole row, the fraction hid ZL-WM while the count hid ZL-PS, and
    /// the output then showed both 40 and 50 next to the total 93: 93 − 40 − 50 = 3.
    @Test func aCountHiddenInOneRowIsHiddenInEveryRowOfTheOutput() throws {
        let directory = ImpactBinary.temporaryDirectory()
        let store = directory + "/store.sqlite"
        try FileManager.default.createDirectory(atPath: directory + "/definitions", withIntermediateDirectories: true)
        let fraction = """
            series x.other {
              title "Andere"
              unit count
            }
            indicator x_per_event {
              title "Andere per gebeurtenis"
              criterion output
              better none
              unit ratio
              value x.other / x.events
            }
            """
        try (Self.definitions + "\n" + fraction).write(toFile: directory + "/definitions/x.ind", atomically: true, encoding: .utf8)
        let rows = "series,geo,period,value\nx.events,VTZL,2018,93\nx.events,ZL-MH,2018,3\nx.events,ZL-PS,2018,40\n"
            + "x.events,ZL-WM,2018,50\nx.other,VTZL,2018,130\nx.other,ZL-MH,2018,10\nx.other,ZL-PS,2018,100\n"
            + "x.other,ZL-WM,2018,20\n"
        try rows.write(toFile: directory + "/x.csv", atomically: true, encoding: .utf8)
        #expect(try ImpactBinary.run(["import", "geography", ImpactBinary.projectRoot + "/fixtures/geography", "--store", store]).status == 0)
        #expect(try ImpactBinary.run(["import", "csv", directory + "/x.csv", "--store", store]).status == 0)
        let eval = try ImpactBinary.run(["eval", "--store", store, "--indicators", directory + "/definitions", "--period", "2018",
                                         "--geo", "ZL-MH", "--geo", "ZL-PS", "--geo", "ZL-WM", "--format", "csv"])
        #expect(eval.status == 0, "\(eval.stderr)")
        let lines = eval.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        func shown(_ indicator: String) -> Set<Substring> {
            Set(lines.filter { $0.first == Substring(indicator) && $0[7] != "suppressed" }.map { $0[1] })
        }
        #expect(shown("x_events") == shown("x_per_event"), "\(eval.stdout)")
        #expect(shown("x_events").count == 1, "\(eval.stdout)")
    }
}
