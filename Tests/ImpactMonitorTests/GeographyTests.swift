import Testing
import TestHarness
@testable import ImpactCore
@testable import ImpactEngine
@testable import ImpactRender
@testable import ImpactSources
@testable import ImpactStore

@Suite(.scratch) struct GeographyTests {
    @Test func westBrabantMembershipFollowsTheAltenaMerger() throws {
        let geography = try GeographyStore(store: TestSupport.storeWithGeography()).load()
        let before = geography.members(of: "VTWB", on: CivilDate(year: 2018, month: 6, day: 1))
        let after = geography.members(of: "VTWB", on: CivilDate(year: 2019, month: 6, day: 1))
        #expect(before.count == 21)
        #expect(after.count == 19)
        #expect(before.contains("GM0738") && !after.contains("GM0738"))
        #expect(after.contains("GM1959") && !before.contains("GM1959"))
        #expect(before.contains("VTWB-ONB") && before.contains("VTWB-BUI"))
        let ghnt = geography.members(of: "GHNT-WB", on: CivilDate(year: 2019, month: 6, day: 1))
        #expect(ghnt.count == 16 && !ghnt.contains("GM0716"))
        #expect(geography.members(of: "PV29", on: CivilDate(year: 2018, month: 1, day: 1)) == ["GM0716"])
    }

    @Test func crosswalkFindsThePredecessorsAcrossTheMerger() throws {
        let geography = try GeographyStore(store: TestSupport.storeWithGeography()).load()
        let crosswalk = Crosswalk(geography: geography, from: .year(2018), to: .year(2019))
        #expect(crosswalk.predecessors(of: "GM1959") == ["GM0738", "GM0870", "GM0874"])
        #expect(crosswalk.weight("GM0870", into: "GM1959") == 1)
        #expect(crosswalk.predecessors(of: "GM0758").isEmpty)
        #expect(Crosswalk(geography: geography, from: .year(2019), to: .year(2020)).predecessors(of: "GM1959").isEmpty)
    }

    @Test func unitsValidInAPeriod() throws {
        let geography = try GeographyStore(store: TestSupport.storeWithGeography()).load()
        let municipalities2018 = geography.units(at: .gemeente, in: .year(2018)).filter { $0.kind == .area }
        let municipalities2019 = geography.units(at: .gemeente, in: .year(2019)).filter { $0.kind == .area }
        #expect(municipalities2018.count == 19)
        #expect(municipalities2019.count == 17)
    }

    @Test func splitsAreModelledByWeights() {
        let geography = Geography(
            units: ["A", "B", "C"].map { GeoUnit(code: $0, name: $0, level: .gemeente) },
            successions: [Succession(oldCode: "A", newCode: "B", effective: CivilDate(year: 2020, month: 1, day: 1),
                                     weight: 0.25),
                          Succession(oldCode: "A", newCode: "C", effective: CivilDate(year: 2020, month: 1, day: 1),
                                     weight: 0.75)])
        let crosswalk = Crosswalk(geography: geography, from: .year(2019), to: .year(2020))
        #expect(crosswalk.predecessors(of: "B") == ["A"] && crosswalk.predecessors(of: "C") == ["A"])
        #expect(crosswalk.weight("A", into: "B") == 0.25 && crosswalk.weight("A", into: "C") == 0.75)
    }

    @Test func badGeographyFilesAreRejectedWithLocations() throws {
        let directory = TestSupport.temporaryDirectory()
        let units = TestSupport.write("code,name,level,valid_from\nX1,Een,wijk,\nX2,Twee,gemeente,2019-02-30\n",
                                      to: "units.csv", in: directory)
        let members = TestSupport.write("set,region,member\nvt,VTWB,X9\n", to: "members.csv", in: directory)
        let store = try TestSupport.storeWithGeography()
        let outcome = try GeographyImport(paths: [units, members]).run(into: store)
        #expect(outcome.failed)
        #expect(outcome.diagnostics.map(\.reported)
                    == [Reported(.unknownGeoLevel, 2, 8), Reported(.invalidDate, 3, 18)])
        let references = try GeographyImport(paths: [members]).run(into: store)
        #expect(references.diagnostics.map(\.code) == [.unknownUnitReference])
    }

    /// A megabyte name, a formula and a stray control character are refused at their field; the
    /// message quotes only the start of the value.
    @Test func codesAndNamesAreBoundedAtImport() throws {
        let directory = TestSupport.temporaryDirectory()
        let huge = String(repeating: "x", count: 1_000_000)
        let units = TestSupport.write("""
            code,name,level
            GM9901,\(huge),gemeente
            =CMD,Formule,gemeente
            GM9902,"Tab\there",gemeente
            GM9903,+31 gemeente,gemeente
            GM_9904-b,Goed,gemeente
            \(String(repeating: "C", count: 33)),Lang,gemeente

            """, to: "units.csv", in: directory)
        let sets = TestSupport.write("set,name\n@set,Formule\n", to: "sets.csv", in: directory)
        let outcome = try GeographyImport(paths: [units, sets]).run(into: try TestSupport.storeWithGeography())
        #expect(outcome.diagnostics.map(\.reported) == [
            Reported(.unitNameTooLong, 2, 8), Reported(.formulaPrefix, 3, 1), Reported(.controlCharacterInName, 4, 8),
            Reported(.formulaPrefix, 5, 8), Reported(.invalidUnitCode, 7, 1), Reported(.formulaPrefix, 2, 1),
        ])
        #expect(outcome.diagnostics.allSatisfy { $0.message.count < 200 })
    }

    /// `--dry-run` used to write the geography; now it checks and rolls back.
    @Test func dryRunChecksTheGeographyAndWritesNothing() throws {
        let directory = TestSupport.temporaryDirectory()
        let units = TestSupport.write("code,name,level\nGM9901,Nieuwdorp,gemeente\n", to: "units.csv", in: directory)
        let store = try TestSupport.storeWithGeography()
        let dryRun = try GeographyImport(paths: [units], dryRun: true).run(into: store)
        #expect(!dryRun.failed && dryRun.written && dryRun.dryRun)
        #expect(try GeographyStore(store: store).load().unit("GM9901") == nil)
        let real = try GeographyImport(paths: [units]).run(into: store)
        #expect(real.written && !real.dryRun)
        #expect(try GeographyStore(store: store).load().unit("GM9901")?.name == "Nieuwdorp")
    }

    /// A megabyte cell is cut to the table's width; csv keeps every character.
    @Test func wideCellsAreCutInTablesOnly() {
        var table = DataTable(columns: ["geo", "name"])
        table.rows = [[.text("GM0758"), .text(String(repeating: "é", count: 1_000_000))]]
        let text = TableRenderer(format: .table).render(table)
        #expect(text.count < 500)
        #expect(text.contains(String(repeating: "é", count: TableRenderer.maximumCellWidth - 1) + "…"))
        #expect(TableRenderer(format: .csv).render(table).count > 1_000_000)
    }
}
