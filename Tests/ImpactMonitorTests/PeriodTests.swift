import Testing
import TestHarness
@testable import ImpactCore

@Suite(.scratch) struct PeriodTests {
    @Test(arguments: [
        ("2018", "2018", Grain.year), ("2018-H1", "2018-H1", .half), ("2018-Q3", "2018-Q3", .quarter),
        ("2018-03", "2018-03", .month), ("2018-W05", "2018-W05", .week),
        ("2018JJ00", "2018", .year), ("2018HJ01", "2018-H1", .half), ("2018KW03", "2018-Q3", .quarter), ("2018MM03", "2018-03", .month),
    ])
    func parsesCanonicalAndStatLineCodes(text: String, code: String, grain: Grain) throws {
        let parsed = try Period.parse(text)
        #expect(parsed.period.code == code)
        #expect(parsed.period.grain == grain)
        #expect(!parsed.provisional)
    }

    @Test func trailingStarMarksProvisional() throws {
        let parsed = try Period.parse("2019JJ00*")
        #expect(parsed.period == .year(2019))
        #expect(parsed.provisional)
    }

    @Test(arguments: ["", "18", "2018-13", "2018-H3", "2018-Q0", "2018-W54", "2015-W54", "2018-3", "2018KW05", "2018SJ00", "2018JJ01", "abcd", "2018-X1", "2019-W53"])
    func rejectsInvalidCodesNamingTheText(text: String) {
        #expect(throws: PeriodError.self) { try Period.parse(text) }
        do { _ = try Period.parse(text) } catch { #expect(error.description.contains("'\(text)'")) }
    }

    @Test func halfYearsAreSixMonths() {
        let h2 = Period(year: 2018, grain: .half, index: 2)!
        #expect(h2.start == CivilDate(year: 2018, month: 7, day: 1))
        #expect(h2.end == CivilDate(year: 2019, month: 1, day: 1))
        #expect(h2.subperiods(.month).count == 6)
        #expect(h2.subperiods(.quarter).map(\.code) == ["2018-Q3", "2018-Q4"])
    }

    @Test func leapYearsHave366Days() {
        #expect(Period.year(2020).dayCount == 366)
        #expect(Period.year(2019).dayCount == 365)
        #expect(Period.year(2000).dayCount == 366)
        #expect(Period.year(1900).dayCount == 365)
        #expect(Period(year: 2020, grain: .month, index: 2)!.dayCount == 29)
        #expect(Period(year: 2100, grain: .month, index: 2)!.dayCount == 28)
    }

    @Test func isoWeek53() throws {
        #expect(Period.isoWeeks(in: 2015) == 53)
        #expect(Period.isoWeeks(in: 2020) == 53)
        #expect(Period.isoWeeks(in: 2026) == 53)
        #expect(Period.isoWeeks(in: 2018) == 52)
        let week53 = try Period.parse("2020-W53").period
        #expect(week53.start == CivilDate(year: 2020, month: 12, day: 28))
        #expect(week53.next.code == "2021-W01")
        #expect(week53.sameLastYear.code == "2019-W52")
        #expect(try Period.parse("2021-W01").period.previous.code == "2020-W53")
        #expect(Period.isoWeek(containing: CivilDate(year: 2021, month: 1, day: 3)).code == "2020-W53")
        #expect(Period.isoWeek(containing: CivilDate(year: 2019, month: 12, day: 30)).code == "2020-W01")
    }

    @Test func shiftsAcrossYearBoundaries() {
        let january = Period(year: 2019, grain: .month, index: 1)!
        #expect(january.previous.code == "2018-12")
        #expect(january.shifted(by: -13).code == "2017-12")
        #expect(Period(year: 2018, grain: .quarter, index: 4)!.next.code == "2019-Q1")
        #expect(Period(year: 2018, grain: .half, index: 1)!.previous.code == "2017-H2")
        #expect(Period.year(2018).previous.code == "2017")
        #expect(Period(year: 2018, grain: .quarter, index: 3)!.sameLastYear.code == "2017-Q3")
        #expect(Period(year: 2018, grain: .month, index: 5)!.shifted(by: 24).code == "2020-05")
    }

    @Test func grainConversionAndContainment() {
        let may = Period(year: 2018, grain: .month, index: 5)!
        #expect(may.converted(to: .quarter)?.code == "2018-Q2")
        #expect(may.converted(to: .half)?.code == "2018-H1")
        #expect(may.converted(to: .year)?.code == "2018")
        #expect(Period(year: 2018, grain: .week, index: 5)!.converted(to: .month) == nil)
        #expect(Period(year: 2018, grain: .quarter, index: 1)!.converted(to: .month) == nil)
        #expect(Period.year(2018).contains(may))
        #expect(!Period(year: 2018, grain: .half, index: 2)!.contains(may))
        #expect(Period.year(2018).subperiods(.month).count == 12)
        #expect(Period.year(2018).subperiods(.week).isEmpty)
    }

    @Test func rangesExpandInclusive() throws {
        #expect(try Period.parseRange("2019..2021").map(\.code) == ["2019", "2020", "2021"])
        #expect(try Period.parseRange("2018-11..2019-02").map(\.code) == ["2018-11", "2018-12", "2019-01", "2019-02"])
        #expect(throws: PeriodError.self) { try Period.parseRange("2019..2018") }
        #expect(throws: PeriodError.self) { try Period.parseRange("2019..2019-Q1") }
    }

    @Test func ordersByStartThenLength() {
        let periods = [Period.year(2018), Period(year: 2018, grain: .half, index: 1)!, Period(year: 2017, grain: .month, index: 12)!]
        #expect(periods.sorted().map(\.code) == ["2017-12", "2018-H1", "2018"])
    }

    @Test func civilDateRoundTripsThroughDayNumbers() {
        var date = CivilDate(year: 1999, month: 12, day: 25)
        for _ in 0..<3000 {
            #expect(CivilDate(dayNumber: date.dayNumber) == date)
            let next = date.adding(days: 1)
            #expect(next > date)
            date = next
        }
        #expect(CivilDate(year: 1970, month: 1, day: 1).isoWeekday == 4)
        #expect(CivilDate(iso: "2019-02-29") == nil)
        #expect(CivilDate(iso: "2020-02-29") != nil)
    }

    @Test func civilDatesAreReadOnlyFromTenASCIICharacters() {
        #expect(CivilDate(iso: "2018-06-01") == CivilDate(year: 2018, month: 6, day: 1))
        #expect(CivilDate(iso: "0001-01-01") == CivilDate(year: 1, month: 1, day: 1))
        for text in ["", "2018-6-01", "2018-06-1", "18-06-01", "2018/06/01", "2018-06-01 ", " 2018-06-01",
                     "+201-06-01", "2018-13-01", "2018-00-10", "2018-06-00", "2018-06-31", "２０１８-06-01",
                     "2018-0a-01", "20180601xx", "2018-06-01T00:00"] {
            #expect(CivilDate(iso: text) == nil, "\(text)")
        }
    }
}
