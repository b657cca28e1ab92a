import Testing
import TestHarness
@testable import ImpactCore
@testable import ImpactEngine
@testable import ImpactStore

/// The in-memory rollup rules on hand-made cases (no database); `RollupTests` checks them against
/// evaluation from raw observations on random data.
@Suite(.scratch) struct RollupBuilderTests {
    static let geography = Geography(
        units: [GeoUnit(code: "GM1", name: "Een", level: .gemeente), GeoUnit(code: "GM2", name: "Twee", level: .gemeente),
                GeoUnit(code: "ONB", name: "Onbekend", level: .gemeente, kind: .unknown), GeoUnit(code: "R", name: "Regio", level: .regio)],
        regionSets: [RegionSet(id: "vt", name: "VT")],
        memberships: [Membership(regionSet: "vt", region: "R", member: "GM1"), Membership(regionSet: "vt", region: "R", member: "GM2"),
                      Membership(regionSet: "vt", region: "R", member: "ONB")])

    static func month(_ index: Int) -> Period { Period(year: 2019, grain: .month, index: index)! }

    static func observation(_ unit: String, _ period: Period, _ value: Double?, n: Double? = nil, provisional: Bool = false) -> RollupObservation {
        RollupObservation(dims: "{}", unit: unit, period: period, value: value, n: n, provisional: provisional, suppressed: false)
    }

    static func cell(_ cells: [RollupCell], _ geo: String, _ period: Period) -> RollupCell? {
        cells.first { $0.geo == geo && $0.period == period }
    }

    /// A region's comparison across its real members (not Onbekend): how many, how many compared,
    /// the statistics over the members with a value, and whether every member's figure is complete.
    @Test func memberStatisticsCompareTheRealMembers() throws {
        let builder = RollupBuilder(time: .sum, geo: .sum, geography: Self.geography)
        let year = Period.year(2019)
        let whole = builder.build([Self.observation("GM1", year, 10, provisional: true), Self.observation("GM2", year, 30),
                                   Self.observation("ONB", year, 100)]).memberStatistics
        let region = try #require(whole.first { $0.geo == "R" && $0.period == year })
        #expect(region.members == 2 && region.compared == 2 && region.complete && region.provisional)
        #expect(region.mean == 20 && region.median == 20 && region.minimum == 10 && region.maximum == 30)
        #expect(!whole.contains { $0.geo != "R" }, "municipalities have no members")

        let partial = builder.build([Self.observation("GM1", year, 10), Self.observation("GM2", year, nil)])
        let oneValue = try #require(partial.memberStatistics.first { $0.geo == "R" && $0.period == year })
        #expect(oneValue.members == 2 && oneValue.compared == 1 && oneValue.mean == 10 && oneValue.maximum == 10)

        let months = builder.build([Self.observation("GM1", Self.month(1), 4), Self.observation("GM2", year, 30)])
        let incomplete = try #require(months.memberStatistics.first { $0.geo == "R" && $0.period == year })
        #expect(!incomplete.complete && incomplete.compared == 1, "GM1 has one month of the year")
    }

    @Test func monthsAddUpToQuartersAndRegionsOnlyWhenComplete() {
        let builder = RollupBuilder(time: .sum, geo: .sum, geography: Self.geography)
        var observations = (1...3).flatMap { [Self.observation("GM1", Self.month($0), 10), Self.observation("GM2", Self.month($0), 5)] }
        observations += (1...3).map { Self.observation("ONB", Self.month($0), 2, provisional: $0 == 1) }
        let cells = builder.build(observations).cells
        let quarter = Period(year: 2019, grain: .quarter, index: 1)!
        #expect(Self.cell(cells, "GM1", quarter)?.value == 30)
        #expect(Self.cell(cells, "GM1", quarter)?.complete == true)
        #expect(Self.cell(cells, "R", Self.month(1))?.value == 17)
        #expect(Self.cell(cells, "R", Self.month(1))?.provisional == true)
        #expect(Self.cell(cells, "R", quarter)?.value == 51, "Onbekend counts where it delivers")
        let withoutOnbekend = builder.build(observations.filter { $0.unit != "ONB" }).cells
        #expect(Self.cell(withoutOnbekend, "R", quarter)?.value == 45, "but is not required")
        #expect(Self.cell(cells, "GM1", Period.year(2019))?.complete == false)
        #expect(Self.cell(cells, "GM1", Period.year(2019))?.value == nil, "three months are not a year")
    }

    @Test func missingMemberMakesARegionPartialNotZero() {
        let builder = RollupBuilder(time: .sum, geo: .sum, geography: Self.geography)
        let cells = builder.build([Self.observation("GM1", Self.month(1), 10), Self.observation("GM2", Self.month(1), nil)]).cells
        let region = Self.cell(cells, "R", Self.month(1))
        #expect(region?.value == nil)
        #expect(region?.partial == false)
        let onlyOne = builder.build([Self.observation("GM1", Self.month(2), 10)]).cells
        #expect(Self.cell(onlyOne, "R", Self.month(2))?.partial == true)
        #expect(Self.cell(onlyOne, "R", Self.month(2))?.value == nil)
    }

    @Test func ownFigureBeatsMembersAndCoarserGrainBeatsSums() {
        let builder = RollupBuilder(time: .sum, geo: .sum, geography: Self.geography)
        let quarters = (1...4).map { Period(year: 2019, grain: .quarter, index: $0)! }
        let cells = builder.build(quarters.map { Self.observation("R", $0, 10) } + (1...12).map { Self.observation("R", Self.month($0), 1) }
                                  + quarters.flatMap { [Self.observation("GM1", $0, 7), Self.observation("GM2", $0, 8)] }).cells
        let year = Self.cell(cells, "R", Period.year(2019))
        #expect(year?.value == 40, "the region's own quarters, not its months (12) nor its members (60)")
        #expect(year?.direct == true)
    }

    /// A figure delivered for exactly its period is read from the observation, not stored twice.
    @Test func deliveredFiguresAreNotCopied() {
        let builder = RollupBuilder(time: .sum, geo: .sum, geography: Self.geography)
        let cells = builder.build([Self.observation("GM1", Self.month(1), 10), Self.observation("R", Self.month(1), 12)]).cells
        #expect(Self.cell(cells, "GM1", Self.month(1)) == nil)
        #expect(Self.cell(cells, "R", Self.month(1)) == nil)
        #expect(Self.cell(cells, "GM1", Period(year: 2019, grain: .quarter, index: 1)!)?.complete == false)
    }

    @Test func stocksTakeTheLastValueAndSurveysWeighByRespondents() {
        let stock = RollupBuilder(time: .last, geo: .sum, geography: Self.geography)
        let stocks = stock.build([Self.observation("GM1", Self.month(11), 100), Self.observation("GM1", Self.month(12), 110)]).cells
        #expect(Self.cell(stocks, "GM1", Period.year(2019))?.value == 110)
        #expect(Self.cell(stocks, "GM1", Period.year(2019))?.complete == true)
        let survey = RollupBuilder(time: .weighted, geo: .weighted, geography: Self.geography)
        let year = Period.year(2019)
        let surveys = survey.build([Self.observation("GM1", year, 50, n: 100), Self.observation("GM2", year, 80, n: 300)]).cells
        #expect(Self.cell(surveys, "R", year)?.value == 72.5)
        #expect(Self.cell(surveys, "R", year)?.n == 400)
    }

    @Test func notAdditiveSeriesAreNeverSummed() {
        let builder = RollupBuilder(time: .none, geo: .none, geography: Self.geography)
        let cells = builder.build((1...12).flatMap { [Self.observation("GM1", Self.month($0), 3), Self.observation("GM2", Self.month($0), 4)] }).cells
        #expect(Self.cell(cells, "GM1", Period.year(2019)) == nil)
        // A region without its own figure has no rollup: distinct persons never come from members.
        #expect(Self.cell(cells, "R", Self.month(1)) == nil)
    }
}
