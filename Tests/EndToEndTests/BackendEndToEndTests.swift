#if PostgreSQL
import Foundation
import TestHarness
import Testing

/// End-to-end checks of the store, disclosure control, alerts and `--as-of`, written as commands
/// and run on both backends: a SQLite file and a PostgreSQL store on a throwaway server.
@Suite(.scratch) struct BackendEndToEndTests {
    enum Backend: String, CaseIterable, Sendable {
        case sqlite, postgresql
    }

    /// A new empty store of `backend`; `stop` ends its server, if it has one.
    static func store(_ backend: Backend, name: String) throws -> (location: String, stop: () -> Void) {
        switch backend {
        case .sqlite:
            return (ImpactBinary.temporaryDirectory() + "/\(name).sqlite", {})
        case .postgresql:
            let cluster = try PostgresCluster()
            return (try cluster.createDatabase(name), cluster.stop)
        }
    }

    /// The cascade of DisclosureEndToEndTests: one small cell hides four municipalities across two
    /// region sets, and a diff with contributions shows none of them.
    @Test(arguments: Backend.allCases)
    func suppressionCascadesAcrossRegionSets(_ backend: Backend) throws {
        let (location, stop) = try Self.store(backend, name: "cascade")
        defer { stop() }
        let directory = ImpactBinary.temporaryDirectory()
        let store = try DisclosureEndToEndTests.cascadeStore(in: directory, store: location)
        let definitions = ["--indicators", directory + "/definitions", "--store", store]
        let eval = try ImpactBinary.run(["eval", "--period", "2018", "--level", "gemeente", "--format", "csv"]
                                        + definitions)
        let hidden = eval.stdout.split(separator: "\n").filter { $0.contains(",suppressed,") }
            .map { $0.split(separator: ",")[1] }
        #expect(Set(hidden) == ["A1", "A3", "B1", "B2"], "\(backend): \(eval.stdout)")
        let contributions = try ImpactBinary.run(["diff", "2017", "2018", "--geo", "VTA", "--geo", "VTB", "--geo",
                                                  "GH1", "--contributions", "--format", "csv"] + definitions)
        #expect(contributions.status == 0, "\(backend): \(contributions.stderr)")
        for member in hidden {
            #expect(!contributions.stdout.contains(",\(member),"), "\(backend) shows \(member)")
        }
    }

    /// AlertsEndToEndTests' police rule: pending, then firing once, then nothing new; kept state listed.
    @Test(arguments: Backend.allCases)
    func alertsReportTransitionsOnce(_ backend: Backend) throws {
        let (store, stop) = try Self.store(backend, name: "alerts")
        defer { stop() }
        let geography = try ImpactBinary.run(["import", "geography", "fixtures/geography", "--store", store])
        #expect(geography.status == 0, "\(backend): \(geography.stderr)")
        let police = try ImpactBinary.run(["import", "csv", "indicators/tests/politie-input.csv", "--store", store])
        #expect(police.status == 0, "\(backend): \(police.stderr)")
        let first = try ImpactBinary.run(["alerts", "check", "--period", "2016", "--store", store])
        #expect(first.status == 0 && first.stdout.contains("\"from\":\"ok\",\"to\":\"pending\""), "\(backend)")
        let firing = try ImpactBinary.run(["alerts", "check", "--period", "2017", "--store", store])
        #expect(firing.status == 1 && firing.stdout.contains("\"to\":\"firing\""), "\(backend): \(firing.stderr)")
        let again = try ImpactBinary.run(["alerts", "check", "--period", "2017", "--store", store])
        #expect(again.status == 1 && again.stdout.isEmpty && again.stderr.contains("0 transition(s)"), "\(backend)")
        let list = try ImpactBinary.run(["alerts", "list", "--store", store, "--format", "csv"])
        #expect(list.stdout.contains("wb_politie_aandeel,politie_dominant,value > 80,warning,VTWB,firing,2017"))
        let history = try ImpactBinary.run(["alerts", "history", "--store", store, "--format", "csv"])
        #expect(history.stdout.split(separator: "\n").count == 3, "\(backend): \(history.stdout)")
    }

    /// A revision keeps the earlier figure: `--as-of` each batch shows the store as it was then, and an
    /// identical re-delivery writes nothing.
    @Test(arguments: Backend.allCases)
    func asOfShowsEachBatchAndRevisionsAreKept(_ backend: Backend) throws {
        let (store, stop) = try Self.store(backend, name: "asof")
        defer { stop() }
        let delivery = "fixtures/vt-west-brabant/regio-2015-2018.csv"
        let revised = ImpactBinary.temporaryDirectory() + "/regio.csv"
        try String(contentsOfFile: ImpactBinary.projectRoot + "/" + delivery, encoding: .utf8)
            .replacingOccurrences(of: "6039", with: "6040").write(toFile: revised, atomically: true, encoding: .utf8)
        #expect(try ImpactBinary.run(["import", "geography", "fixtures/geography", "--store", store]).status == 0)
        #expect(try ImpactBinary.run(["import", "csv", delivery, "--store", store]).status == 0)
        let revision = try ImpactBinary.run(["import", "csv", revised, "--store", store])
        #expect(revision.stderr.contains("batch 3") && revision.stderr.contains("1 revised"), "\(revision.stderr)")
        let unchanged = try ImpactBinary.run(["import", "csv", revised, "--store", store])
        #expect(unchanged.status == 0 && unchanged.stderr.contains("unchanged"), "\(backend): \(unchanged.stderr)")
        let expected = ["1": "wb_meldingen,VTWB,2018,,,,,missing,", "2": "wb_meldingen,VTWB,2018,6039,",
                        "3": "wb_meldingen,VTWB,2018,6040,"]
        for (batch, row) in expected {
            let eval = try ImpactBinary.run(["eval", "--geo", "VTWB", "--period", "2018", "--indicator",
                                             "wb_meldingen", "--as-of", batch, "--format", "csv", "--store", store])
            #expect(eval.stdout.contains(row), "\(backend) as of \(batch): \(eval.stdout)")
        }
    }
}
#endif
