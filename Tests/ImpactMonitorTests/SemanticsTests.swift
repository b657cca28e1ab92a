import Foundation
import Testing
import TestHarness
@testable import ImpactEngine

/// One test per rule of "Semantics in detail" in `docs/indicator-language.md`: each states the
/// choice the engine makes where the rest of the documentation is silent.
@Suite(.scratch) struct SemanticsTests {
    static let indicators: [String: (value: String, unit: String)] = [
        "flow": ("s.flow", "count"),
        "stock": ("s.stock", "persons"),
        "distinct": ("s.distinct", "persons"),
        "ratio": ("s.flow / s.stock", "ratio"),
        "sum_ratio": ("s.flow / s.stock + s.flow / s.flow", "ratio"),
        "shareA": ("pct(s.flow[melder = \"A\"], s.flow)", "percent"),
        "inAB": ("s.flow[melder in (\"A\", \"B\")]", "count"),
        "avgF": ("avg(s.flow)", "count"),
        "medianF": ("median(s.flow)", "count"),
        "countF": ("count(s.flow)", "count"),
        "orZero": ("coalesce(s.flow, 0)", "count"),
        "orA": ("coalesce(s.flow, s.flow[melder = \"A\"])", "count"),
        "ratioOrOne": ("coalesce(s.flow / s.stock, 1)", "ratio"),
    ]

    func world(_ batches: String...) throws -> SemanticsWorld {
        try SemanticsWorld(indicators: Self.indicators, batches: batches)
    }

    /// Rows for every real member of REG: `series,GMx,period,melder,value,status`.
    func members(_ series: String, _ period: String, _ values: [String], melder: String = "",
                 status: String = "") -> String {
        zip(SemanticsWorld.members, values).map { "\(series),\($0),\(period),\(melder),\($1),\(status)\n" }.joined()
    }

    @Test func aStockNeedsOnlyItsLastSubPeriodAndAnyRowReadMakesItProvisional() throws {
        let world = try world("s.stock,GMA,2018-03,,90,provisional\ns.stock,GMA,2018-12,,100,\n"
                              + "s.stock,GMB,2018-11,,80,\n")
        let stock = try world.cell("stock", "GMA", "2018")
        #expect(stock.value == 100 && stock.status == .provisional && stock.flags == ["provisional"])
        let early = try world.cell("stock", "GMB", "2018")
        #expect(early.value == nil && early.status == .incomplete && early.flags == ["incomplete_period"])
    }

    @Test func aSubPeriodDeliveredEmptyMakesTheRollUpMissingNotIncomplete() throws {
        let world = try world("s.flow,GMA,2018-Q1,,1,\ns.flow,GMA,2018-Q2,,,\ns.flow,GMA,2018-Q3,,1,\n"
                              + "s.flow,GMA,2018-Q4,,1,\n")
        let year = try world.cell("flow", "GMA", "2018")
        #expect(year.value == nil && year.status == .missing && year.flags.isEmpty)
    }

    @Test func statusPrecedenceIsDivisionThenSuppressedThenIncompleteThenMissing() throws {
        let world = try world("s.flow,GMA,2018,,.,\ns.stock,GMA,2018-12,,0,\n"
                              + "s.flow,GMB,2018,,.,\ns.stock,GMB,2018-11,,7,\n"
                              + "s.flow,GMC,2018-Q1,,4,provisional\n")
        #expect(try world.cell("ratio", "GMA", "2018").status == .divisionByZero)
        #expect(try world.cell("ratio", "GMB", "2018").status == .suppressed)
        let incomplete = try world.cell("ratio", "GMC", "2018")
        #expect(incomplete.status == .incomplete && incomplete.flags == ["provisional", "incomplete_period"])
    }

    @Test func aZeroDenominatorIsDivisionByZeroEvenWithAMissingNumeratorAndAtAnyDepth() throws {
        let world = try world("s.stock,GMA,2018-12,,0,\ns.flow,GMB,2018,,3,\ns.stock,GMB,2018-12,,0,\n")
        #expect(try world.cell("ratio", "GMA", "2018").status == .divisionByZero)
        let nested = try world.cell("sum_ratio", "GMB", "2018")
        #expect(nested.status == .divisionByZero && nested.value == nil)
    }

    @Test func theOwnFigureIsChosenPerFilteredInputAndWhenDeliveredEvenIncomplete() throws {
        let world = try world("s.flow,REG,2018,,100,\ns.flow,REG,2019-Q1,,10,\n"
                              + members("s.flow", "2018", ["10", "20", "30"], melder: "A")
                              + members("s.flow", "2019", ["1", "2", "3"]))
        let share = try world.cell("shareA", "REG", "2018")
        #expect(share.value == 60 && share.numerator == 60 && share.denominator == 100)
        let shadowed = try world.cell("flow", "REG", "2019")
        #expect(shadowed.value == nil && shadowed.status == .incomplete)
    }

    @Test func aMemberSumNeedsEveryRealMemberAndEveryDeliveredFigure() throws {
        let world = try world(
            "s.flow,RONB,2018,,1,\ns.flow,RBUI,2018,,1,\n"
                + members("s.flow", "2019", ["1", "2", "3"]) + "s.flow,RONB,2019,,,\n"
                + members("s.flow", "2020", ["1", "2", "3"]) + "s.flow,RBUI,2020-Q1,,1,\n"
                + members("s.flow", "2021", ["1", ".", "3"])
                + members("s.flow", "2022", ["1", "", "3"]))
        let buckets = try world.cell("flow", "REG", "2018")
        #expect(buckets.status == .incomplete && buckets.flags == ["partial_members"])
        #expect(try world.cell("flow", "REG", "2019").status == .missing)
        #expect(try world.cell("flow", "REG", "2020").status == .incomplete)
        let secret = try world.cell("flow", "REG", "2021")
        #expect(secret.status == .suppressed && secret.flags == ["suppressed_at_source"])
        #expect(try world.cell("flow", "REG", "2022").status == .missing)
    }

    @Test func memberStatisticsSkipMembersWithoutAFigureButNotIncompleteOnes() throws {
        let world = try world(
            members("s.flow", "2018", ["10", "20"]) + "s.flow,RONB,2018,,99,\n"
                + members("s.flow", "2019", ["10", "20", ""])
                + members("s.flow", "2020", ["10", "20"]) + "s.flow,GMC,2020-Q1,,5,\n"
                + members("s.flow", "2021", ["", "", ""]))
        let partial = try world.cell("avgF", "REG", "2018")
        #expect(partial.value == 15 && partial.status == .ok && partial.flags == ["partial_members"])
        #expect(try world.cell("medianF", "REG", "2018").value == 15)
        let empty = try world.cell("avgF", "REG", "2019")
        #expect(empty.value == 15 && empty.flags == ["partial_members"])
        #expect(try world.cell("avgF", "REG", "2020").status == .incomplete)
        let none = try world.cell("countF", "REG", "2021")
        #expect(none.value == nil && none.status == .missing && none.flags.isEmpty)
        #expect(try world.cell("countF", "REG", "2022").status == .missing)
        #expect(try world.cell("avgF", "GMA", "2018").value == 10)
    }

    @Test func coalesceSkipsOnlyMissingAndZeroDivisionAndEveryRowReadCounts() throws {
        let world = try world("s.flow,GMA,2018-Q1,,4,\ns.flow,GMB,2018,,.,\ns.stock,GMC,2018-12,,0,\n"
                              + "s.flow,GMC,2018,,5,\ns.flow,GMC,2018,A,1,provisional\n")
        #expect(try world.cell("orZero", "GMA", "2018").status == .incomplete)
        #expect(try world.cell("orZero", "GMB", "2018").status == .suppressed)
        #expect(try world.cell("orZero", "RONB", "2018").value == 0)
        let one = try world.cell("ratioOrOne", "GMC", "2018")
        #expect(one.value == 1 && one.status == .ok)
        let first = try world.cell("orA", "GMC", "2018")
        #expect(first.value == 5 && first.status == .provisional)
    }

    @Test func aCellSuppressedAtSourceIsPublishedAsSuppressed() throws {
        let world = try world("s.flow,GMA,2018,,.,\n")
        let cell = try world.cell("flow", "GMA", "2018")
        #expect(cell.status == .suppressed && cell.value == nil && cell.flags == ["suppressed_at_source"])
        let published = try Publication(evaluator: world.raw)
            .evaluate("flow", EvaluationRequest(geos: ["GMA"], periods: [.year(2018)]))
        #expect(published.first?.status == .suppressed && published.first?.flags == ["suppressed_at_source"])
    }

    @Test func geoNoneGivesAnAreaWithoutItsOwnFigureMissing() throws {
        let world = try world(members("s.distinct", "2018", ["1", "2", "3"])
                              + members("s.distinct", "2019", ["1", "2"], status: "provisional"))
        for year in ["2018", "2019"] {
            let region = try world.cell("distinct", "REG", year)
            #expect(region.status == .missing && region.flags.isEmpty, "\(region)")
        }
    }

    @Test func inSumsTheDeliveredValuesEachCompleteOnItsOwn() throws {
        let world = try world(
            "s.flow,GMA,2018,A,5,\n"
                + (1...4).map { "s.flow,GMB,2018-Q\($0),A,1,\n" }.joined() + "s.flow,GMB,2018-Q1,B,1,\n"
                + "s.flow,GMC,2018,A,5,\n" + (1...4).map { "s.flow,GMC,2018-Q\($0),B,1,\n" }.joined())
        #expect(try world.cell("inAB", "GMA", "2018").value == 5)
        #expect(try world.cell("inAB", "GMB", "2018").status == .incomplete)
        #expect(try world.cell("inAB", "GMC", "2018").value == 9)
    }
}
