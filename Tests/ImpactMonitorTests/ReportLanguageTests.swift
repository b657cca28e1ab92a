import Foundation
import Testing
import TestHarness
@testable import ImpactAlerts
@testable import ImpactCore
@testable import ImpactEngine
@testable import ImpactLanguage
@testable import ImpactRender
@testable import ImpactStore

/// The Dutch report is Dutch throughout and the English one English: every word a reader sees comes
/// from the translation table, never a field name, a rule code, a file name or an ASCII stand-in.
@Suite(.scratch) struct ReportLanguageTests {
    let data: ReportData

    init() throws {
        data = try DemoReport.westBrabant2018()
    }

    /// What a reader sees: no style sheet, no code (ids and expressions are shown as code on purpose),
    /// no markup; entities read as characters.
    static func visibleText(_ html: String) -> String {
        html.replacingOccurrences(of: "<style>[\\s\\S]*?</style>", with: " ", options: .regularExpression)
            .replacingOccurrences(of: "<code>[\\s\\S]*?</code>", with: " ", options: .regularExpression)
            .replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }

    static func matches(_ pattern: String, in text: String) -> [String] {
        let expression = try! NSRegularExpression(pattern: pattern)
        return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
            String(text[Range($0.range, in: text)!])
        }
    }

    /// Field names, English vocabulary and ASCII stand-ins that must not reach a Dutch reader.
    static let untranslated = [
        "\\b[a-z]+_[a-z0-9_]+\\b", "\\b\\d{3}_[0-9a-f]+\\.txt\\b", ">=", "<=", "(^|[\\s(])-\\d",
        "\\b1 perioden\\b", "\\b(programme|criterion|available|expected|planned|none|higher|lower|count|ratio)\\b",
        "\\b(percent|provisional|missing|suppressed|improved|worsened|unchanged|changed|Deadline|Scorecard)\\b",
        "\\b(Appendix|periods|Target|Change|Verdict|last_delivery|areas|method|title|line)\\b",
    ]

    /// Checked on the demo report and on one with case events (their source line names the data).
    @Test func theDutchReportHasNoUntranslatedKey() throws {
        for data in [data, try ReportEventSourceTests.report(events: true)] {
            Self.checkDutch(data)
        }
    }

    static func checkDutch(_ data: ReportData) {
        for format in ["html", "markdown"] {
            let text = ReportText(language: "nl")
            let rendered = format == "html" ? Self.visibleText(HTMLReport(data: data, text: text).html)
                : MarkdownReport(data: data, text: text).markdown
                    .replacingOccurrences(of: "`[^`]*`", with: " ", options: .regularExpression)
                    .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            for pattern in Self.untranslated {
                let found = Self.matches(pattern, in: rendered)
                #expect(found.isEmpty, "\(format): untranslated \(pattern): \(Set(found).sorted())")
            }
            #expect(rendered.contains("procentpunt") && rendered.contains("≥ 0,60 in 2021") && rendered.contains("−"))
        }
    }

    /// A Dutch diff table says why a pair is not compared in Dutch, with the statuses behind a gap.
    @Test func dutchTableReasonsNameTheStatusesBehindAGap() {
        let text = ReportText(language: "nl")
        #expect(text.reasonWithStatuses(.missing(periods: ["2017"], statuses: ["missing", "provisional"]))
                == "geen cijfer voor 2017 (voorlopig)")
        #expect(text.reasonWithStatuses(.missing(periods: ["2017"], statuses: ["missing"])) == "geen cijfer voor 2017")
        #expect(text.reasonWithStatuses(.suppressed) == "onderdrukt: kleine aantallen")
    }

    @Test func theEnglishReportHasNoDutchVocabulary() {
        let html = Self.visibleText(HTMLReport(data: data, text: ReportText(language: "en")).html)
        for word in ["Scorekaart", "Samenvatting", "voorlopig", "geen cijfer", "verbeterd", "procentpunt", "Bijlage",
                     "op koers", "gemeenten", "toeval", "perioden"] {
            #expect(!html.contains(word), "English report shows '\(word)'")
        }
        #expect(html.contains("percentage points") && html.contains("on track at the current trend"))
        #expect(html.contains("≥ 0.60 in 2021"))
    }

    /// The first screen and scorecard as a policy reader reads them: periods named, not coded; a trend in
    /// words; every mark explained; no statistician's or programmer's term.
    @Test func theFirstScreenReadsAsPlainWords() throws {
        let dutch = ReportText(language: "nl"), english = ReportText(language: "en")
        let half = try #require(Period(year: 2018, grain: .half, index: 1))
        #expect(dutch.periodName(half) == "1e halfjaar 2018" && english.periodName(half) == "1st half of 2018")
        #expect(dutch.periodName(try #require(Period(year: 2018, grain: .quarter, index: 2))) == "2e kwartaal 2018")
        #expect(english.periodName(try #require(Period(year: 2018, grain: .month, index: 3))) == "March 2018")
        #expect(dutch.periodName(.year(2018)) == "2018" && dutch.periodName("2017-H2") == "2e halfjaar 2017")
        #expect(dutch.trend(ReportData.Trend(direction: 0, periods: 0), grain: .year) == "nog geen trend")
        #expect(dutch.trend(ReportData.Trend(direction: -1, periods: 3), grain: .year) == "↓ 3 jaar op rij gedaald")
        #expect(dutch.trend(ReportData.Trend(direction: 1, periods: 1), grain: .half) == "↑ gestegen")
        #expect(dutch.trend(ReportData.Trend(direction: 1, periods: 2), grain: .half) == "↑ 2 halfjaren op rij gestegen")
        #expect(english.trend(ReportData.Trend(direction: 1, periods: 2), grain: .year) == "↑ rose 2 years running")
        let html = HTMLReport(data: data, text: dutch).html
        let firstScreen = Self.visibleText(String(html[..<(try #require(html.range(of: "id=\"lines\"")).lowerBound)]))
        for jargon in ["celgrootte", "onderdrukt", "zonder richting", " → ", "2018-", "2017-"] {
            #expect(!firstScreen.contains(jargon), "first screen shows '\(jargon)'")
        }
        #expect(firstScreen.contains("v: voorlopig cijfer, kan nog veranderen"))
        #expect(firstScreen.contains("de laatste op") && firstScreen.contains("privacy"))
    }

    @Test func decimalsFollowTheUnitAndMinusIsARealMinus() {
        let text = ReportText(language: "nl")
        #expect(text.format(0.37, unit: .ratio) == "0,37" && text.format(0.514, unit: .ratio) == "0,51")
        #expect(text.format(0.6, unit: .ratio) == "0,60" && text.format(85.8088, unit: .percent) == "85,8 %")
        #expect(text.format(6039, unit: .count) == "6.039" && text.format(-1522, unit: .count) == "\u{2212}1.522")
        #expect(text.signedChange(-7.95, unit: .percent) == "\u{2212}7,9 procentpunt"
                || text.signedChange(-7.95, unit: .percent) == "\u{2212}8,0 procentpunt")
        #expect(text.periods(1) == "1 periode" && text.periods(3) == "3 perioden")
        #expect(ReportText(language: "en").periods(1) == "1 period")
    }

    /// The table formats say the verdict as the report does: one table of words.
    @Test func tablesAndReportShareTheVerdictWords() {
        let dutch = TableText(language: .nl)
        #expect(dutch.verdictWithArrow(.changed) == "↕ veranderd" && dutch.word("changed", column: "verdict") == "veranderd")
        #expect(TableText.english.verdictWithArrow(.improved) == "▲ improved")
        let table = DataTable(columns: ["verdict"], rows: [[.text("changed")]])
        #expect(TableRenderer(format: .markdown, locale: .nl, text: dutch).render(table).contains("| ↕ veranderd |"))
        #expect(ReportText(language: "nl").verdictWord(.changed) == "veranderd")
    }
}
