import Foundation
import Testing
import TestHarness
@testable import ImpactCore
@testable import ImpactEngine
@testable import ImpactLanguage
@testable import ImpactRender

/// The first screen's answer: counts of verdicts, reasons for what cannot be compared, and each
/// target's status from the current trend and the distance still to go.
@Suite(.scratch) struct ReportSummaryTests {
    let data: ReportData

    init() throws {
        data = try DemoReport.westBrabant2018()
    }

    func result(_ period: String, _ value: Double?) -> IndicatorResult {
        IndicatorResult(indicator: "x", geo: "G", period: period, value: value, status: value == nil ? .missing : .ok,
                        flags: [])
    }

    @Test func westBrabant2018CountsEveryComparedIndicatorOnce() {
        let summary = data.summary
        #expect(summary.improved == 4 && summary.worsened == 0 && summary.unchanged == 3 && summary.changed == 4)
        // The three case-level indicators read events, which this store (observations only) lacks.
        let missing2017 = ReportSummary.Incomparable(reason: .missing(periods: ["2017"], statuses: []), count: 3)
        let withoutEvents = ReportSummary.Incomparable(reason: .missing(periods: ["2017", "2018"], statuses: []),
                                                       count: 3)
        #expect(summary.notComparable == [missing2017, withoutEvents])
        #expect(summary.improved + summary.worsened + summary.unchanged + summary.changed
                + summary.notComparableCount == data.entries.count)
    }

    /// 0,37 → 0,51 in one year; 0,60 in 2021 needs 0,03 a year: on track at the current trend.
    @Test func theAdviceTargetIsOnTrackAtTheCurrentTrend() throws {
        let line = try #require(data.summary.targets.first)
        #expect(line.indicator.id.value == "wb_adviezen_per_melding" && line.status == .onTrack)
        #expect(try #require(line.projected) > 0.6)
        let text = SummaryBlock(summary: data.summary, data: data, text: ReportText(language: "nl"))
        #expect(text.targetLine(line) == "Adviesvragen per melding: 0,51 — doel ≥ 0,60 in 2021; "
                + "op koers bij de huidige trend")
        #expect(data.summary.milestones.count == 6 && data.summary.milestones.allSatisfy { $0.status == .notAssessable })
    }

    @Test func statusFromValueTrendAndTimeLeft() throws {
        let target = try #require(data.entries.first { $0.target != nil }?.target)
        #expect(target.comparison == .atLeast && target.value == 0.6)
        #expect(ReportSummary.status(value: 0.61, projected: nil, target: target, remaining: 100) == .met)
        #expect(ReportSummary.status(value: 0.5, projected: 0.65, target: target, remaining: 100) == .onTrack)
        #expect(ReportSummary.status(value: 0.5, projected: 0.55, target: target, remaining: 100) == .offTrack)
        #expect(ReportSummary.status(value: 0.5, projected: nil, target: target, remaining: 100) == .notAssessable)
        #expect(ReportSummary.status(value: 0.5, projected: 0.7, target: target, remaining: 0) == .offTrack)
        #expect(ReportSummary.status(value: nil, projected: nil, target: target, remaining: 100) == .notAssessable)
    }

    /// The trend is the current run of changes in one direction, per day, skipping gaps.
    @Test func theCurrentRateFollowsTheLastRunOfChanges() throws {
        let rising = [result("2015", 10), result("2016", 8), result("2017", 9), result("2018", 11)]
        let days = Double(Period.year(2018).end.dayNumber - Period.year(2016).end.dayNumber)
        #expect(try #require(ReportSummary.currentRate(rising)) == 3 / days)
        let gap = [result("2016", 4), result("2017", nil), result("2018", 6)]
        #expect(try #require(ReportSummary.currentRate(gap)) > 0)
        #expect(ReportSummary.currentRate([result("2018", 6)]) == nil)
        #expect(ReportSummary.currentRate([result("2017", nil), result("2018", 6)]) == nil)
    }

    @Test func reasonsGroupByCauseNotByStatus() throws {
        var a = DiffResult(indicator: "a", geo: "G", periodA: "2017", periodB: "2018", verdict: .notComparable)
        a.reasons = [.missing(periods: ["2017"], statuses: ["missing"])]
        var b = a
        b.reasons = [.missing(periods: ["2017"], statuses: ["suppressed"])]
        var c = a
        c.reasons = [.suppressed]
        var d = a
        d.reasons = [.missing(periods: ["2017"], statuses: ["not_assessable", "ok"])]
        let groups = ReportSummary.group([a, b, c, d])
        #expect(groups.map(\.count) == [2, 1, 1] && groups[1].reason == .suppressed)
        // A case measure the data cannot judge yet is said so, apart from the figures that are missing.
        let unjudged = try #require(groups[2].reason)
        #expect(ReportText(language: "nl").reason(unjudged) == "nog niet te beoordelen voor 2017")
        #expect(ReportText(language: "en").reason(unjudged) == "cannot be judged yet for 2017")
        #expect(ReportText(language: "nl").reasonWithStatuses(d.reasons[0]) == "nog niet te beoordelen voor 2017")
    }
}
