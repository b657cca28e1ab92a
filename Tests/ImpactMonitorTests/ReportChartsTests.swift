import Foundation
import Testing
import TestHarness
@testable import ImpactCore
@testable import ImpactEngine
@testable import ImpactLanguage
@testable import ImpactRender

/// What the report's charts show and what they leave off the scale: municipalities sorted with the
/// region as reference, buckets and thin ratios apart, empty comparisons as one sentence.
@Suite(.scratch) struct ReportChartsTests {
    let data: ReportData
    let charts: ReportCharts

    init() throws {
        data = try DemoReport.westBrabant2018()
        charts = ReportCharts(data: data, text: ReportText(language: "nl"))
    }

    func entry(_ id: String) throws -> ReportData.Entry {
        try #require(data.entries.first { $0.indicator.id.value == id })
    }

    func copy(_ entry: ReportData.Entry, history: [IndicatorResult]? = nil,
              minimumDenominator: Double?) -> ReportData.Entry {
        ReportData.Entry(indicator: entry.indicator, current: entry.current, prior: entry.prior, diff: entry.diff,
                         target: entry.target, trend: entry.trend, history: history ?? entry.history,
                         members: entry.members, minimumDenominator: minimumDenominator)
    }

    @Test func municipalitiesAreSortedAndBucketsStandApart() throws {
        let members = charts.members(of: try entry("wb_meldingen"))
        #expect(members.drawn.first?.name == "Breda" && members.drawn.count == 19)
        #expect(members.drawn.map(\.value) == members.drawn.map(\.value).sorted(by: >))
        #expect(members.apart == ["Buiten regio (VT West-Brabant): 69", "Onbekend (VT West-Brabant): 9"])
        let html = charts.members(try entry("wb_meldingen")).joined()
        #expect(!html.contains("class=\"reference\""), "a region total is no reference for its municipalities")
    }

    @Test func aRateHasTheRegionAsReferenceAndTheTargetIsLabelled() throws {
        let advice = try entry("wb_adviezen_per_melding")
        let html = charts.members(advice).joined()
        #expect(html.contains("class=\"reference\"") && html.contains("Veilig Thuis West-Brabant 0,51"))
        let line = charts.line(advice).svg
        #expect(line.contains(">doel ≥ 0,60 in 2021<") && line.contains(">verhouding<"))
        #expect(line.contains(">0,40<"), "ticks in the indicator's decimals")
    }

    /// 753 requests over 9 reports is no rate: with a minimum cell above 9 it is not drawn at all.
    @Test func aRatioOverTooFewCasesIsNotDrawn() throws {
        let advice = try entry("wb_adviezen_per_melding")
        let strict = charts.members(of: copy(advice, minimumDenominator: 10))
        #expect(strict.apart.contains("Onbekend (VT West-Brabant): niet getekend, te weinig gevallen"))
        #expect(!strict.drawn.contains { $0.name.hasPrefix("Onbekend") })
        #expect(try #require(advice.minimumDenominator) == 5)
    }

    @Test func noMunicipalFigureIsOneSentenceAndNoFigureAtAllNoChart() throws {
        let police = try entry("wb_politie_aandeel")
        let html = charts.members(police)
        #expect(html == ["<p class=\"gap\">Geen cijfers per gemeente voor 2018 (21 gebieden).</p>"])
        let empty = copy(police, history: police.history.map { result in
            var gap = result
            gap.value = nil
            gap.status = .missing
            return gap
        }, minimumDenominator: nil)
        let article = HTMLReport(data: data, text: ReportText(language: "nl")).article(empty)
        #expect(!article.contains("<svg") && article.contains("Nog geen cijfer in enige periode."))
    }
}
