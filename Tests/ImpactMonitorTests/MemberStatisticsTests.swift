import Foundation
import Testing
import TestHarness
@testable import ImpactCompiler
@testable import ImpactCore
@testable import ImpactEngine
@testable import ImpactLanguage
@testable import ImpactSources
@testable import ImpactStore

/// `avg`, `median`, `min`, `max` and `count` compare member areas. A region's own figure is not a
/// member: when no member has a figure for the period (members deliver years, the region
/// quarters), the statistic is missing, not the region's own figure.
@Suite(.scratch) struct MemberStatisticsTests {
    static let definitions = """
        series d.flow {
          title "Flow"
          unit count
        }
        indicator d_max {
          title "Grootste gemeente"
          criterion context
          better none
          unit count
          value max(d.flow)
        }
        indicator d_count {
          title "Gemeenten met een cijfer"
          criterion context
          better none
          unit count
          value count(d.flow)
        }
        """

    let evaluator: Evaluator
    let withRollups: Evaluator

    init() throws {
        evaluator = try Self.evaluator(maintainingRollups: false)
        withRollups = try Self.evaluator(maintainingRollups: true)
    }

    /// The same delivery evaluated from raw observations, or from the members' rollups, after
    /// `memberships` (a second region set `dup`, and changes to the fixture's) when given.
    static func evaluator(maintainingRollups: Bool, memberships: String? = nil,
                          rows extra: String = "") throws -> Evaluator {
        let store = try TestSupport.storeWithGeography()
        if let memberships {
            let folder = TestSupport.temporaryDirectory()
            _ = TestSupport.write("set,name\ndup,Tweede indeling\n", to: "sets.csv", in: folder)
            _ = TestSupport.write("set,region,member,valid_from,valid_until\n" + memberships, to: "memberships.csv",
                                  in: folder)
            #expect(!(try GeographyImport(paths: [folder]).run(into: store)).failed)
        }
        let loaded = DefinitionLoader.load(sources: [SourceFile(path: "d.ind", text: definitions)])
        #expect(!loaded.hasErrors, "\(loaded.diagnostics.map(\.description))")
        var rows = "series,geo,period,value\nd.flow,VTWB,2018-Q1,70\n" + extra
        for member in ["GM0758", "GM0744", "GM0748"] { rows += "d.flow,\(member),2018,\(member == "GM0758" ? 40 : 12)\n" }
        var importer = DataImport(source: CSVSource(), inputs: [TestSupport.write(rows, to: "d.csv", in: TestSupport.temporaryDirectory())])
        if maintainingRollups {
            importer.afterMerge = { _ in try RollupMaintainer(store: store, definitions: loaded.definitions).refresh() }
        }
        #expect(!(try importer.run(into: store)).failed)
        var evaluator = Evaluator(store: store, definitions: loaded.definitions)
        evaluator.useCache = false
        return evaluator
    }

    func cell(_ id: String, _ geo: String, _ period: Period, from source: Evaluator? = nil) throws -> IndicatorResult {
        try #require(try (source ?? evaluator).evaluate(id, EvaluationRequest(geos: [geo], periods: [period])).first)
    }

    @Test func theRegionsOwnFigureIsNotAMember() throws {
        let quarter = Period(year: 2018, grain: .quarter, index: 1)!
        for source in [evaluator, withRollups] {
            let largest = try cell("d_max", "VTWB", quarter, from: source)
            #expect(largest.value == nil && largest.status == .missing, "\(largest)")
            let counted = try cell("d_count", "VTWB", quarter, from: source)
            #expect(counted.value == nil && counted.status == .missing, "\(counted)")
        }
        let placed = try withRollups.session.boundQuery("d_max", EvaluationRequest(geos: ["VTWB"], periods: [quarter])).plan
        #expect(placed.inputs[0].source == .memberStatistics(dimensions: "{}"))
    }

    /// For the year the members did deliver, the statistic compares them.
    @Test func membersAreComparedWhereTheyDeliver() throws {
        #expect(try cell("d_max", "VTWB", .year(2018)).value == 40)
        #expect(try cell("d_count", "VTWB", .year(2018)).value == 3)
    }

    /// A member listed under the same region in two region sets, or twice in one year, is compared
    /// once, from the raw observations and from the rollups alike.
    @Test func aMemberListedTwiceIsComparedOnce() throws {
        let twice = "dup,VTWB,GM0758,,\ndup,VTWB,GM0748,2018-01-01,2018-04-01\ndup,VTWB,GM0748,2018-07-01,\n"
        for rollups in [false, true] {
            let source = try Self.evaluator(maintainingRollups: rollups, memberships: twice)
            #expect(try cell("d_count", "VTWB", .year(2018), from: source).value == 3)
            #expect(try cell("d_max", "VTWB", .year(2018), from: source).value == 40)
        }
    }

    /// GM0758 moves from VTWB in one region set to VTWB in another on 1 July 2018: it is compared in
    /// the second quarter through the first membership and in the third through the second.
    @Test func aMemberThatChangesRegionSetIsComparedInEachQuarter() throws {
        let moved = "vt,VTWB,GM0758,,2018-07-01\ndup,VTWB,GM0758,2018-07-01,\n"
        let quarters = ["GM0758": 40, "GM0744": 12, "GM0748": 12].map { member, value in
            "d.flow,\(member),2018-Q2,\(value)\nd.flow,\(member),2018-Q3,\(value)\n"
        }.joined()
        for rollups in [false, true] {
            let source = try Self.evaluator(maintainingRollups: rollups, memberships: moved, rows: quarters)
            for index in [2, 3] {
                let quarter = try #require(Period(year: 2018, grain: .quarter, index: index))
                #expect(try cell("d_count", "VTWB", quarter, from: source).value == 3, "Q\(index), rollups \(rollups)")
                #expect(try cell("d_max", "VTWB", quarter, from: source).value == 40, "Q\(index), rollups \(rollups)")
            }
        }
    }

    /// The statistics the import keeps and the members' rollups (what a reader limited to some
    /// regions reads on a server) give the same rows, column for column.
    @Test func keptStatisticsAgreeWithTheMembersRollups() throws {
        let session = withRollups.session
        let periods = [Period.year(2018), Period(year: 2018, grain: .quarter, index: 1)!]
        let request = EvaluationRequest(geos: ["VTWB", "GM0758", "GM0744", "VTMB"], periods: periods)
        for id in ["d_max", "d_count"] {
            let kept = try session.boundQuery(id, request)
            let input = try #require(kept.plan.inputs.first)
            #expect(input.source == .memberStatistics(dimensions: "{}"))
            let registry = RollupStore.Registry(rules: ["d.flow|{}": input.rule], keptStatistics: [])
            let members = ReadPlanner.place(try session.plan(id), rollups: registry, vintage: .current)
            #expect(members.inputs.first?.source == .memberRollups(dimensions: "{}"))
            let query = session.generator.compile(members)
            let arguments = [SQLValue.text(JSONText.array(request.geos)),
                             .text(EvaluationSession.periodsJSON(periods, shifts: members.shifts))] + query.fixedParameters
            func rows(_ sql: String, _ arguments: [SQLValue]) throws -> [[SQLValue]] {
                try session.store.database.statement(sql).query(arguments) { row in (0..<row.count).map(row.value) }
            }
            let expected = try rows(query.sql, arguments)
            #expect(expected.count == 8)
            #expect(try rows(kept.query.sql, kept.arguments) == expected, "\(id)")
        }
    }

    /// Rollups built before statistics were kept (a store upgraded to version 10) keep the members'
    /// rollups; the next import that touches the series rebuilds it whole and keeps them from then on.
    @Test func upgradedRollupsKeepTheMembersRollupsUntilRebuilt() throws {
        let store = withRollups.store, definitions = withRollups.definitions
        try store.database.execute(sql: "UPDATE rollup_series SET member_statistics = 0; DELETE FROM member_rollup;")
        func largest() throws -> (ReadSource?, Double?) {
            var evaluator = Evaluator(store: store, definitions: definitions)
            evaluator.useCache = false
            let request = EvaluationRequest(geos: ["VTWB"], periods: [.year(2018)])
            let source = try evaluator.session.boundQuery("d_max", request).plan.inputs.first?.source
            return (source, try evaluator.evaluate("d_max", request).first?.value)
        }
        #expect(try largest() == (.memberRollups(dimensions: "{}"), 40))
        let delivery = TestSupport.write("series,geo,period,value\nd.flow,GM0748,2017,9\n", to: "later.csv",
                                         in: TestSupport.temporaryDirectory())
        var importer = DataImport(source: CSVSource(), inputs: [delivery])
        importer.afterMerge = { _ in try RollupMaintainer(store: store, definitions: definitions).refresh() }
        #expect(!(try importer.run(into: store)).failed)
        #expect(try largest() == (.memberStatistics(dimensions: "{}"), 40))
    }

    /// An area without members compares with itself: a municipality's own figure.
    @Test func anAreaWithoutMembersIsItsOwnFigure() throws {
        #expect(try cell("d_max", "GM0758", .year(2018)).value == 40)
    }
}
