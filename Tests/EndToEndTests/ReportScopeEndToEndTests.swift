import Foundation
import Testing
import TestHarness

/// A report, an evaluation and a comparison answer for one programme: its region, its indicators,
/// and a clear error when the choice is missing or has no programme.
@Suite(.scratch) struct ReportScopeEndToEndTests {
    func demoStore() throws -> String {
        let store = ImpactBinary.temporaryDirectory() + "/scope.sqlite"
        #expect(try DemoStore.copy(to: store))
        return store
    }

    @Test func aProgrammeChoosesItsRegionAndOnlyItsIndicators() throws {
        let store = try demoStore()
        let report = try ImpactBinary.run(["report", "--period", "2018", "--programme", "wb", "--out", "-",
                                           "--store", store])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("Veilig Thuis West-Brabant") && report.stdout.contains("id=\"wb_meldingen\""))
        #expect(!report.stdout.contains("id=\"hvb_") && !report.stdout.contains("Overige indicatoren"))
        let all = try ImpactBinary.run(["report", "--period", "2018", "--programme", "wb", "--all-indicators",
                                        "--out", "-", "--store", store])
        #expect(all.status == 0 && all.stdout.contains("Overige indicatoren") && all.stdout.contains("id=\"hvb_"))
        let byRegion = try ImpactBinary.run(["report", "--period", "2018", "--region", "VTWB", "--out", "-",
                                             "--store", store])
        #expect(byRegion.stdout == report.stdout.replacingOccurrences(of: "--programme wb", with: "--region VTWB"))
    }

    @Test func noChoiceOrARegionWithoutProgrammeIsAUsageError() throws {
        let store = try demoStore()
        let none = try ImpactBinary.run(["report", "--period", "2018", "--out", "-", "--store", store])
        #expect(none.status == 64 && none.stderr.contains("needs --programme ID or --region CODE")
                && none.stderr.contains("wb (VTWB)"), "\(none.stderr)")
        let municipality = try ImpactBinary.run(["report", "--period", "2018", "--region", "GM0758", "--out", "-",
                                                 "--store", store])
        #expect(municipality.status == 64 && municipality.stderr.contains("region 'GM0758' has no programme")
                && municipality.stderr.contains("hvb (VTMB)"), "\(municipality.stderr)")
        let unknown = try ImpactBinary.run(["report", "--period", "2018", "--programme", "wbb", "--store", store])
        #expect(unknown.status == 64 && unknown.stderr.contains("unknown programme 'wbb'"))
        let lonely = try ImpactBinary.run(["eval", "--all-indicators", "--store", store])
        #expect(lonely.status == 64 && lonely.stderr.contains("--all-indicators goes with --programme"))
    }

    @Test func evalAndDiffTakeTheProgrammesIndicatorsForItsRegion() throws {
        let store = try demoStore()
        let eval = try ImpactBinary.run(["eval", "--programme", "hvb", "--period", "2018-H1", "--format", "csv",
                                         "--store", store])
        #expect(eval.status == 0, "\(eval.stderr)")
        let rows = eval.stdout.split(separator: "\n").dropFirst()
        #expect(!rows.isEmpty && rows.allSatisfy { $0.hasPrefix("hvb_") && $0.contains(",VTMB,2018-H1,") })
        let diff = try ImpactBinary.run(["diff", "2017", "2018", "--programme", "wb", "--format", "csv",
                                         "--store", store])
        let diffs = diff.stdout.split(separator: "\n").dropFirst()
        #expect(!diffs.isEmpty && diffs.allSatisfy { $0.hasPrefix("wb_") && $0.contains(",VTWB,") })
        let catalogue = try ImpactBinary.run(["catalogue", "--programme", "wb", "--format", "csv", "--store", store])
        #expect(catalogue.stdout.split(separator: "\n").dropFirst().allSatisfy { $0.hasPrefix("wb,") })
    }

    /// Gelderland's programme runs in two regions: eval and diff answer for both, a report for the
    /// one named, and naming none says which there are.
    @Test func aProgrammeInTwoRegionsReportsOnTheOneNamed() throws {
        let store = try demoStore()
        let eval = try ImpactBinary.run(["eval", "--programme", "gld", "--period", "2018", "--format", "csv",
                                         "--store", store])
        let areas = Set(eval.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[1] })
        #expect(eval.status == 0 && areas == ["VTGM", "VTNOG"], "\(eval.stdout)\(eval.stderr)")
        let diff = try ImpactBinary.run(["diff", "2017", "2018", "--programme", "gld", "--format", "csv",
                                         "--store", store])
        #expect(diff.status == 0 && diff.stdout.contains(",VTGM,") && diff.stdout.contains(",VTNOG,"), "\(diff.stderr)")
        let unnamed = try ImpactBinary.run(["report", "--period", "2018", "--programme", "gld", "--store", store])
        #expect(unnamed.status == 64 && unnamed.stderr.contains("runs in 2 regions (VTGM, VTNOG)")
                && unnamed.stderr.contains("--region VTGM"), "\(unnamed.stderr)")
        let achterhoek = try ImpactBinary.run(["report", "--period", "2018", "--region", "VTNOG", "--out", "-",
                                               "--store", store])
        #expect(achterhoek.status == 0, "\(achterhoek.stderr)")
        #expect(achterhoek.stdout.contains("id=\"gld_onderzoeken_per_melding\"")
                && !achterhoek.stdout.contains("Overige indicatoren") && !achterhoek.stdout.contains("id=\"wb_"))
        let listing = try ImpactBinary.run(["report", "--period", "2018", "--out", "-", "--store", store])
        #expect(listing.stderr.contains("gld (VTGM, VTNOG)"), "\(listing.stderr)")
    }
}
