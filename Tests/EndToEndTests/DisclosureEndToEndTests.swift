import Foundation
import Testing

/// Disclosure control as a reader of the published output sees it.
@Suite struct DisclosureEndToEndTests {
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
}
