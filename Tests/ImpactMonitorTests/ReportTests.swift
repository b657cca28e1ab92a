import Foundation
import Testing
import TestHarness
@testable import ImpactAlerts
@testable import ImpactCore
@testable import ImpactEngine
@testable import ImpactLanguage
@testable import ImpactRender
@testable import ImpactStore

/// Structural tests of the report (not pixels): sections in order, self-contained, honest gaps.
@Suite(.scratch) struct ReportTests {
    let data: ReportData

    init() throws {
        let (store, publication) = try DemoReport.publication()
        _ = try AlertCheck(publication: publication, alertStore: AlertStore(store: store)).run(period: .year(2017))
        data = try DemoReport.westBrabant2018(publication)
    }

    var html: String { HTMLReport(data: data, text: ReportText(language: "nl")).html }

    /// Headings in document order: the outline a reader sees.
    static func outline(_ html: String) -> [String] {
        var headings: [String] = []
        var rest = Substring(html)
        while let start = rest.range(of: "<h") {
            let after = rest[start.upperBound...]
            guard let level = after.first, "1234".contains(level), let close = after.range(of: "</h\(level)>"),
                  let open = after.firstIndex(of: ">") else { rest = after; continue }
            let inner = after[after.index(after: open)..<close.lowerBound].replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
            headings.append("h\(level) " + inner)
            rest = after[close.upperBound...]
        }
        return headings
    }

    @Test func outlineGolden() throws {
        let outline = Self.outline(html).joined(separator: "\n") + "\n"
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/report-outline-VTWB-2018.txt").path
        if ProcessInfo.processInfo.environment["IMPACT_UPDATE_GOLDEN"] == "1" { try outline.write(toFile: path, atomically: true, encoding: .utf8) }
        #expect(outline == (try String(contentsOfFile: path, encoding: .utf8)))
    }

    @Test func sectionsInTheRightOrder() {
        let ids = ["<header>", "id=\"summary\"", "id=\"scorecard\"", "id=\"lines\"", "id=\"alerts\"", "id=\"milestones\"", "id=\"appendix-coverage\"", "id=\"appendix-definitions\"", "id=\"appendix-chance\""]
        let positions = ids.map { html.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    }

    @Test func selfContainedWithoutScriptsOrRequests() {
        let withoutNamespace = html.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        #expect(!withoutNamespace.contains("http://") && !withoutNamespace.contains("https://"))
        #expect(!html.contains("<script") && !html.contains("<link") && !html.contains("<img") && !html.contains("@import") && !html.contains("url("))
        #expect(html.contains("@page { size: A4"))
    }

    /// The style sheet's verdict selectors name verdicts as the markup spells them (their raw values).
    @Test func verdictStylesSelectRealVerdictClasses() {
        let selectors = html.components(separatedBy: ".verdict.").dropFirst().map { $0.prefix { $0.isLetter || $0 == "_" } }
        #expect(selectors.count >= 3)
        for selector in selectors {
            #expect(Verdict(rawValue: String(selector)) != nil, "CSS styles .verdict.\(selector), which no verdict is called")
        }
    }

    @Test func everyChartIsAccessible() {
        let charts = html.components(separatedBy: "<svg ").count - 1
        #expect(charts >= data.entries.count)
        #expect(html.components(separatedBy: "role=\"img\"").count - 1 == charts)
        #expect(html.components(separatedBy: "<title id=").count - 1 == charts)
        #expect(html.components(separatedBy: "<desc id=").count - 1 == charts)
    }

    @Test func dutchNumbersStatusesAndGaps() {
        #expect(html.contains("6.039") && html.contains("0,51") && !html.contains("0,514") && html.contains("85,8 %"))
        #expect(html.contains(">voorlopig<") || html.contains("voorlopig"))
        #expect(html.contains("te weinig waarnemingen"))
        // 2017 has no rate per 100 inhabitants: a gap with its reason, never a zero.
        let rate = data.entries.first { $0.indicator.id.value == "wb_meldingen_per_100_inwoners" }!
        #expect(rate.history.first { $0.period == "2017" }?.value == nil)
        #expect(html.contains("class=\"gapmark\""))
        #expect(html.contains("2017: geen cijfer"))
        #expect(html.contains("Apart, niet op de schaal van de gemeenten: ") && html.contains("Onbekend (VT West-Brabant)"))
    }

    @Test func scorecardVerdictsFollowPolarity() {
        let onderzoeken = data.entries.first { $0.indicator.id.value == "wb_onderzoeken" }!
        #expect(onderzoeken.diff?.verdict == .improved)
        #expect(onderzoeken.trend.direction == -1 && onderzoeken.trend.periods == 3)
        let target = data.entries.first { $0.indicator.id.value == "wb_adviezen_per_melding" }!
        #expect(target.target?.value == 0.6)
    }

    @Test func milestonesShowTheirDeadlinesAlsoWithoutData() {
        #expect(data.milestones.count == 6)
        #expect(html.contains("31 december 2020"))
        #expect(data.milestones.allSatisfy { $0.result?.value == nil })
    }

    @Test func markdownHasTheSameContent() {
        let markdown = MarkdownReport(data: data, text: ReportText(language: "nl")).markdown
        for heading in ["## Scorekaart", "## Actielijnen", "## Signalen die nu afgaan", "## Mijlpalen", "## Bijlage A", "## Bijlage B"] {
            #expect(markdown.contains(heading), "missing \(heading)")
        }
        #expect(markdown.contains("Onbekend (VT West-Brabant): 9") && !markdown.contains("| Onbekend"))
        #expect(!markdown.contains("<svg"))
    }

    @Test func englishVariant() {
        let english = HTMLReport(data: data, text: ReportText(language: "en")).html
        #expect(english.contains("<html lang=\"en\">") && english.contains("Scorecard") && english.contains("6,039"))
    }
}

extension ReportTests {
    @Test func reasonsAreInTheReadersLanguage() {
        #expect(html.contains("geen cijfer voor 2017"))
        #expect(!html.contains("no value for"))
        #expect(ReportText(language: "nl").reason(.differentLengths(.year(2017), Period(year: 2018, grain: .half, index: 1)!)) == "perioden van verschillende lengte (2017 en 2018-H1)")
        #expect(ReportText(language: "nl").deliveries(1) == "1 levering" && ReportText(language: "nl").deliveries(3) == "3 leveringen")
    }

    /// Titles and names come from definitions and data: in Markdown they must stay text, with no
    /// raw HTML (an `<img onerror=…>` runs in viewers that render HTML) and no Markdown syntax.
    @Test func markdownEscapesEveryTextFromDataAndDefinitions() throws {
        let hostile = "<img src=x onerror=alert(1)> *vet* [link](http://x) | pipe `code`"
        let escaped = "&lt;img src=x onerror=alert(1)&gt; \\*vet\\* \\[link\\](http://x) \\| pipe \\`code\\`"
        let store = try TestSupport.demoStore()
        try store.database.execute("UPDATE geo_unit SET name = ? WHERE code = 'VTWB'", [.text(hostile)])
        let sources = try DefinitionLoader.files(in: TestSupport.indicators).map { path in
            SourceFile(path: path, text: try String(contentsOfFile: path, encoding: .utf8)
                .replacingOccurrences(of: "title \"Meldingen bij Veilig Thuis\"", with: "title \"\(hostile)\""))
        }
        let definitions = DefinitionLoader.load(sources: sources).definitions
        let publication = try Publication(evaluator: Evaluator(store: store, definitions: definitions))
        let data = try DemoReport.westBrabant2018(publication)
        let markdown = MarkdownReport(data: data, text: ReportText(language: "nl")).markdown
        #expect(!markdown.contains("<img"))
        #expect(markdown.contains("**" + escaped + "**"), "region name")
        #expect(markdown.contains("#### " + escaped), "indicator title")
        #expect(markdown.contains("| " + escaped + " |"), "scorecard cell")
        #expect(!HTMLReport(data: data, text: ReportText(language: "nl")).html.contains("<img"))
        #expect(MarkdownText.code("a`b") == "``a`b``")
        #expect(MarkdownText.escape("wb_meldingen _x_") == "wb_meldingen \\_x\\_")
    }
}

extension ReportTests {
    /// A firing alert reads as the indicator's title and the rule in words, not as ids.
    @Test func firingAlertsReadAsTitlesAndRules() throws {
        let definitions = DefinitionLoader.load(directory: TestSupport.indicators).definitions
        let indicator = try #require(definitions.indicator("wb_politie_aandeel"))
        let rule = try #require(indicator.alerts.first)
        let alert = FiringAlert(indicatorID: indicator.id.value, ruleName: rule.name.value, indicator: indicator,
                                rule: rule, geo: "VTWB", period: "2017", value: 85.8, sincePeriod: "2017",
                                sinceAt: "2018-04-02T10:00:00Z")
        let text = ReportText(language: "nl")
        #expect(text.alertTitle(alert) == indicator.title)
        #expect(text.alertRule(alert) == "waarde boven 80,0 %, 2 perioden op rij")
        #expect(ReportText(language: "en").alertRule(alert) == "value above 80.0 %, 2 periods in a row")
        let advice = try #require(definitions.indicator("hvb_out1_advies_aandeel"))
        let falling = FiringAlert(indicatorID: advice.id.value, ruleName: "advies_daalt", indicator: advice,
                                  rule: advice.alerts.first, geo: "VTMB", period: "2018", value: 20,
                                  sincePeriod: nil, sinceAt: nil)
        #expect(text.alertRule(falling) == "verandering ten opzichte van een jaar eerder onder −5,0 procentpunt")
        let unknown = FiringAlert(indicatorID: "removed", ruleName: "r", indicator: nil, rule: nil, geo: "VTWB",
                                  period: "2017", value: nil, sincePeriod: nil, sinceAt: nil)
        #expect(text.alertTitle(unknown) == "removed" && text.alertRule(unknown) == "r")
        #expect(text.alertSince(alert) == "sinds 2017 (vastgesteld op 2 april 2018)")
        #expect(text.alertSince(unknown) == "onbekend")
    }

    /// The alerts section says since when each alert fires: its latest change to firing, not the first.
    @Test func firingAlertsSaySinceWhen() throws {
        let store = try TestSupport.demoStore()
        let definitions = DefinitionLoader.load(directory: TestSupport.indicators).definitions
        let publication = try Publication(evaluator: Evaluator(store: store, definitions: definitions))
        let alerts = AlertStore(store: store)
        let changes: [(String, AlertState, AlertState, String)] = [
            ("2015", .ok, .firing, "2016-04-01T09:00:00Z"), ("2016", .firing, .resolved, "2017-04-03T09:00:00Z"),
            ("2017", .resolved, .firing, "2018-04-02T10:00:00Z"),
        ]
        for (period, from, to, at) in changes {
            try alerts.record(AlertTransition(indicator: "wb_politie_aandeel", rule: "politie_dominant", geo: "VTWB",
                                              period: period, from: from, to: to, value: 85.8, batch: nil, at: at))
        }
        try alerts.save(indicator: "wb_politie_aandeel", rule: "politie_dominant", geo: "VTWB",
                        memory: AlertMemory(state: .firing, activeCount: 2), period: .year(2018), value: 81.5,
                        at: "2019-04-01T09:00:00Z")
        try alerts.save(indicator: "hvb_adviezen", rule: "elders", geo: "VTMB",
                        memory: AlertMemory(state: .firing, activeCount: 1), period: .year(2018), value: 1,
                        at: "2019-04-01T09:00:00Z")
        let data = try DemoReport.westBrabant2018(publication)
        #expect(data.firing.map(\.geo) == ["VTWB"], "another region's alert stays out of this region's report")
        let alert = try #require(data.firing.first)
        #expect(alert.sincePeriod == "2017" && alert.sinceAt == "2018-04-02T10:00:00Z")
        let html = HTMLReport(data: data, text: ReportText(language: "nl")).html
        let rest = html[try #require(html.range(of: "id=\"alerts\"")).upperBound...]
        let alertsHTML = rest[..<(try #require(rest.range(of: "</section>")).lowerBound)]
        #expect(alertsHTML.contains("<th>Gaat af</th>") && alertsHTML.contains("sinds 2017 (vastgesteld op 2 april 2018)"))
        #expect(alertsHTML.contains(data.region.name) && !alertsHTML.contains(">VTWB<"), "the area by its name")
        #expect(alertsHTML.contains("Aandeel meldingen afkomstig van de politie"), "the indicator by its title")
        let markdown = MarkdownReport(data: data, text: ReportText(language: "en")).markdown
        #expect(markdown.contains("| Firing |") && markdown.contains("since 2017 (recorded on 2 April 2018)"))
    }

    /// A report of an empty period names the nearest periods with figures; a filled one names none.
    @Test func anEmptyPeriodNamesTheNearestPeriodsWithFigures() throws {
        let store = try TestSupport.demoStore()
        let definitions = DefinitionLoader.load(directory: TestSupport.indicators).definitions
        let builder = ReportBuilder(publication: try Publication(evaluator: Evaluator(store: store,
                                                                                      definitions: definitions)))
        let halfYear = try builder.build(region: "VTMB", period: .year(2018), compare: .year(2017))
        #expect(!halfYear.hasFigures && halfYear.periodsWithFigures.map(\.code) == ["2018-H1"])
        let before = try builder.build(region: "VTWB", period: .year(2014), compare: .year(2013))
        #expect(before.periodsWithFigures.map(\.code) == ["2015"])
        let after = try builder.build(region: "VTWB", period: .year(2030), compare: .year(2029))
        #expect(after.periodsWithFigures.map(\.code) == ["2018"])
        #expect(data.hasFigures && data.periodsWithFigures.isEmpty)
        let text = ReportText(language: "nl")
        #expect(text.noFigures(region: "Midden-Brabant", period: "2018", elsewhere: halfYear.periodsWithFigures)
            .hasSuffix("Cijfers zijn er voor 2018-H1."))
        #expect(text.noFigures(region: "X", period: "2018", elsewhere: [])
            .hasSuffix("nog in geen enkele periode cijfers."))
        #expect(text.list(["2017", "2018-H1", "2019"]) == "2017, 2018-H1 en 2019")
        #expect(ReportText(language: "en").list(["2017", "2019"]) == "2017 and 2019")
    }

    /// A change chance may explain is marked `*` in the scorecard, and the footnote says what it means;
    /// a change that is not chance carries no mark.
    @Test func aChangeChanceMayExplainIsMarkedWithAFootnote() throws {
        let data = try DemoReport.westBrabant2018()
        let html = HTMLReport(data: data, text: ReportText(language: "nl")).html
        let rows = html.components(separatedBy: "<tr>").filter { $0.contains("href=\"#") }
        let chance = data.entries.filter { $0.diff?.significant == false }.map(\.indicator.id.value)
        let sure = data.entries.filter { $0.diff?.significant == true }.map(\.indicator.id.value)
        #expect(!chance.isEmpty && !sure.isEmpty)
        for entry in chance + sure {
            let row = try #require(rows.first { $0.contains("href=\"#\(entry)\"") })
            #expect(row.contains(">*</sup>") == chance.contains(entry), "\(entry): \(row)")
        }
        #expect(html.contains("* toeval niet uit te sluiten (zie bijlage C)"))
    }
}
