import Foundation
import Testing
import TestHarness
@testable import ImpactCompiler
@testable import ImpactCore
@testable import ImpactEngine
@testable import ImpactLanguage
@testable import ImpactStore

/// Golden snapshots of the SQL for every language construct. A change to a snapshot is a change
/// to what the engine computes: review the diff, then regenerate with IMPACT_UPDATE_GOLDEN=1.
@Suite(.scratch) struct CompilerTests {
    static let constructs: [(name: String, unit: String, value: String)] = [
        ("series", "count", "vt.meldingen"),
        ("ratio", "ratio", "vt.adviezen / vt.meldingen"),
        ("filter_equal", "count", "vt.meldingen[melder = \"Politie\"]"),
        ("filter_in_with_aliases", "count", "vt.meldingen[melder in (\"Politie\", \"Onderwijs\")]"),
        ("filter_not_equal", "count", "vt.meldingen[melder != \"Politie\"]"),
        ("percentage", "percent", "pct(vt.meldingen[melder = \"Politie\"], vt.meldingen)"),
        ("per_capita", "rate_per_1000", "vt.meldingen per 1000 pop.inwoners"),
        ("arithmetic", "count", "-(vt.meldingen + vt.adviezen) * 2 - 1"),
        ("aggregates", "count", "sum(vt.meldingen) + count(vt.adviezen) + min(vt.meldingen) + max(vt.meldingen) + avg(vt.adviezen) + median(vt.adviezen)"),
        ("last_of_flow", "count", "last(vt.meldingen)"),
        ("stock_last", "persons", "pop.inwoners"),
        ("not_additive", "persons", "vt.unieke_personen"),
        ("survey_weighted", "percent", "ggd.veilig"),
        ("shifts", "ratio", "(vt.meldingen - previous(vt.meldingen)) / last_year(vt.meldingen) + lag(vt.adviezen, 3) / vt.adviezen"),
        ("coalesce", "count", "coalesce(vt.adviezen, 0) + vt.meldingen"),
        ("indicator_reference", "ratio", "ratio_ref * 2"),
    ]

    static var definitions: DefinitionSet {
        let indicators = (constructs + [("ratio_ref", "ratio", "vt.adviezen / vt.meldingen")]).map { construct in
            "indicator \(construct.name) {\n  title \"\(construct.name)\"\n  criterion output\n  unit \(construct.unit)\n  better higher\n  value \(construct.value)\n}\n"
        }.joined()
        let loaded = DefinitionLoader.load(sources: [SourceFile(path: "base.ind", text: baseSeries), SourceFile(path: "golden.ind", text: indicators)])
        precondition(!loaded.hasErrors, "\(loaded.diagnostics)")
        return loaded.definitions
    }

    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/sql").path

    @Test(arguments: constructs.map(\.name))
    func sqlSnapshot(name: String) throws {
        let plan = try Planner(definitions: Self.definitions).plan(name)
        let query = SQLGenerator().compile(plan)
        let text = plan.description + "\n\n" + query.sql + ";\n\n-- parameters\n"
            + query.fixedParameters.enumerated().map { "?\($0.offset + 3) = \($0.element)" }.joined(separator: "\n") + "\n"
        let path = Self.goldenDirectory + "/\(name).sql"
        if ProcessInfo.processInfo.environment["IMPACT_UPDATE_GOLDEN"] == "1" {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == golden, "SQL for \(name) differs from \(path)")
    }

    /// The same ratio read from maintained rollups: one row per cell and input.
    @Test func rollupSQLSnapshot() throws {
        let planned = try Planner(definitions: Self.definitions).plan("percentage")
        let rollups = RollupStore.Registry(rules: ["vt.meldingen|{}": "sum/sum", "vt.meldingen|{\"melder\":\"Politie\"}": "sum/sum"])
        let plan = ReadPlanner.place(planned, rollups: rollups, vintage: .current)
        #expect(plan.inputs.map(\.source) == [.rollup(dimensions: "{\"melder\":\"Politie\"}"), .rollup(dimensions: "{}")])
        let query = SQLGenerator().compile(plan)
        let parameters = query.fixedParameters.enumerated().map { "?\($0.offset + 3) = \($0.element)" }
        let text = query.sql + ";\n\n-- parameters\n" + parameters.joined(separator: "\n") + "\n"
        let path = Self.goldenDirectory + "/percentage_from_rollups.sql"
        if ProcessInfo.processInfo.environment["IMPACT_UPDATE_GOLDEN"] == "1" { try text.write(toFile: path, atomically: true, encoding: .utf8) }
        #expect(text == (try String(contentsOfFile: path, encoding: .utf8)))
        #expect(query.fixedParameters.contains(.text("{\"melder\":\"Politie\"}")))
        // Observations are read only as the exact-window figures rollups leave out, never aggregated.
        #expect(!query.sql.contains("_obs AS") && !query.sql.contains("JOIN observation AS o ON o.series_id"))
    }

    /// Sums and comparisons across members read from maintained rollups: the comparisons from the
    /// maintained member statistics, or, for a reader who may see only some members, from the
    /// members' rollups through `member_area` (each member once); the sum's rollup joined straight
    /// to the cell.
    @Test(arguments: [true, false])
    func memberRollupSQLSnapshot(memberStatistics: Bool) throws {
        let planned = try Planner(definitions: Self.definitions).plan("aggregates")
        let rollups = RollupStore.Registry(rules: ["vt.meldingen|{}": "sum/sum", "vt.adviezen|{}": "sum/sum"],
                                           keptStatistics: memberStatistics ? nil : [])
        let plan = ReadPlanner.place(planned, rollups: rollups, vintage: .current)
        let compared: ReadSource = memberStatistics ? .memberStatistics(dimensions: "{}") : .memberRollups(dimensions: "{}")
        #expect(plan.inputs.map(\.source).contains(compared))
        #expect(plan.inputs.map(\.source).contains(.rollup(dimensions: "{}")))
        let query = SQLGenerator().compile(plan)
        let parameters = query.fixedParameters.enumerated().map { "?\($0.offset + 3) = \($0.element)" }
        let text = query.sql + ";\n\n-- parameters\n" + parameters.joined(separator: "\n") + "\n"
        let name = memberStatistics ? "aggregates_from_member_statistics" : "aggregates_from_rollups"
        let path = Self.goldenDirectory + "/\(name).sql"
        if ProcessInfo.processInfo.environment["IMPACT_UPDATE_GOLDEN"] == "1" { try text.write(toFile: path, atomically: true, encoding: .utf8) }
        #expect(text == (try String(contentsOfFile: path, encoding: .utf8)))
    }

    @Test func everyUserValueIsABoundParameter() throws {
        let plan = try Planner(definitions: Self.definitions).plan("filter_in_with_aliases")
        let query = SQLGenerator().compile(plan)
        #expect(!query.sql.contains("Politie") && !query.sql.contains("Basisonderwijs") && !query.sql.contains("vt.meldingen"))
        #expect(query.fixedParameters.contains(.text("Basisonderwijs")))
        #expect(query.fixedParameters.contains(.text("vt.meldingen")))
    }

    @Test func aliasesExpandAndSharedInputsAreReused() throws {
        let plan = try Planner(definitions: Self.definitions).plan("percentage")
        #expect(plan.inputs.count == 2)
        let aliases = try Planner(definitions: Self.definitions).plan("filter_in_with_aliases")
        #expect(aliases.inputs[0].filters[0].values == ["Anders onderwijs", "Basisonderwijs", "Onderwijs", "Politie"])
        let shifts = try Planner(definitions: Self.definitions).plan("shifts")
        #expect(shifts.shifts == [.none, PeriodShift(periods: 1, years: 0), PeriodShift(periods: 0, years: 1), PeriodShift(periods: 3, years: 0)])
    }

    @Test func periodShiftsMoveWindows() {
        let quarter = Period(year: 2019, grain: .quarter, index: 1)!
        #expect(PeriodShift(periods: 1, years: 0).apply(to: quarter).code == "2018-Q4")
        #expect(PeriodShift(periods: 0, years: 1).apply(to: quarter).code == "2018-Q1")
        #expect(PeriodShift(periods: 2, years: 1).apply(to: quarter).code == "2017-Q3")
        let json = EvaluationSession.periodsJSON([quarter], shifts: [.none, PeriodShift(periods: 1, years: 0)])
        #expect(json == "[{\"p\":\"2019-Q1\",\"m\":3,\"w\":[\"2019-01-01\",\"2019-04-01\",\"2018-10-01\",\"2019-01-01\"]}]")
    }
}
