import Foundation
import Testing
import TestHarness
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

    /// The same delivery evaluated from raw observations, or from the members' rollups; with
    /// `listedTwice`, GM0758 and GM0748 belong to VTWB in a second region set as well, GM0748 there
    /// twice in 2018 (January to March, and from July).
    static func evaluator(maintainingRollups: Bool, listedTwice: Bool = false) throws -> Evaluator {
        let store = try TestSupport.storeWithGeography()
        if listedTwice {
            let folder = TestSupport.temporaryDirectory()
            _ = TestSupport.write("set,name\ndup,Tweede indeling\n", to: "sets.csv", in: folder)
            _ = TestSupport.write("""
                set,region,member,valid_from,valid_until
                dup,VTWB,GM0758,,
                dup,VTWB,GM0748,2018-01-01,2018-04-01
                dup,VTWB,GM0748,2018-07-01,

                """, to: "memberships.csv", in: folder)
            #expect(!(try GeographyImport(paths: [folder]).run(into: store)).failed)
        }
        let loaded = DefinitionLoader.load(sources: [SourceFile(path: "d.ind", text: definitions)])
        #expect(!loaded.hasErrors, "\(loaded.diagnostics.map(\.description))")
        var rows = "series,geo,period,value\nd.flow,VTWB,2018-Q1,70\n"
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
        #expect(placed.inputs[0].source == .memberRollups(dimensions: "{}"))
    }

    /// For the year the members did deliver, the statistic compares them.
    @Test func membersAreComparedWhereTheyDeliver() throws {
        #expect(try cell("d_max", "VTWB", .year(2018)).value == 40)
        #expect(try cell("d_count", "VTWB", .year(2018)).value == 3)
    }

    /// A member listed under the same region in two region sets, or twice in one year, is compared
    /// once, from the raw observations and from the rollups alike.
    @Test func aMemberListedTwiceIsComparedOnce() throws {
        for rollups in [false, true] {
            let source = try Self.evaluator(maintainingRollups: rollups, listedTwice: true)
            #expect(try cell("d_count", "VTWB", .year(2018), from: source).value == 3)
            #expect(try cell("d_max", "VTWB", .year(2018), from: source).value == 40)
        }
    }

    /// An area without members compares with itself: a municipality's own figure.
    @Test func anAreaWithoutMembersIsItsOwnFigure() throws {
        #expect(try cell("d_max", "GM0758", .year(2018)).value == 40)
    }
}
