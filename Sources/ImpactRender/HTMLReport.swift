import ImpactCore
import ImpactEngine
import ImpactLanguage

/// The steering-group report as one self-contained HTML page: inline CSS and SVG, no scripts,
/// no external requests, printable on A4.
public struct HTMLReport {
    public let data: ReportData
    public let text: ReportText
    /// What the footer says about this copy: the `impact` version and the day it was made.
    public let imprint: ReportImprint?

    public init(data: ReportData, text: ReportText, imprint: ReportImprint? = nil) {
        self.data = data
        self.text = text
        self.imprint = imprint
    }

    private func e(_ value: String) -> String { SVGText.escape(value) }

    private func element(_ name: String, _ attributes: KeyValuePairs<String, String>, _ content: String) -> String {
        SVGText.element(name, attributes, content)
    }

    private func element(_ name: String, _ content: String) -> String { SVGText.element(name, content) }

    private var summaryBlock: SummaryBlock { SummaryBlock(summary: data.summary, data: data, text: text) }
    private var charts: ReportCharts { ReportCharts(data: data, text: text) }

    public var html: String {
        let head = [SVGText.tag("meta", ["charset": "utf-8"]),
                    SVGText.tag("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"]),
                    element("title", "\(e(text.reportTitle)) — \(e(data.region.name)) \(data.period.code)"),
                    element("style", Self.css + pageFooter)]
        let body = [header, summaryBlock.html, scorecard, lines, alerts, milestones, coverage, definitions, chance,
                    footer]
        let page = ["<!DOCTYPE html>", SVGText.tag("html", ["lang": text.language]), "<head>"] + head
            + ["</head>", "<body>"] + body + ["</body>", "</html>"]
        return page.joined(separator: "\n") + "\n"
    }

    var header: String {
        let latest = data.batches.map(\.finished).max().map(text.date) ?? "–"
        let delivered = "\(text.deliveries(data.batches.count)), "
            + "\(text.pick("de laatste op", "the latest on")) \(latest)"
        let sources = Array(Set(data.entries.compactMap(\.indicator.source))).sorted()
        let programme = data.programme?.title.map { " · " + e($0) } ?? ""
        let compared = data.compare.map { " (\(text.comparedWith) \(text.periodName($0)))" } ?? ""
        let note = data.suppressionApplied ? e(text.suppressionNote) : element("strong", e(text.noSuppressionNote))
        return ([
            "<header>",
            element("h1", e(text.reportTitle)),
            element("p", ["class": "region"], e(data.region.name) + programme),
            SVGText.tag("dl", ["class": "meta"]),
            term(text.period, e(text.periodName(data.period) + compared)),
            term(text.dataAsOf, delivered),
            term(text.sources, element("span", ["class": "sources"], sources.map(e).joined(separator: "; "))),
        ] + eventDeliveries + [
            "</dl>",
            element("p", ["class": "note"], note),
        ] + noFiguresNotice + ["</header>"]).joined(separator: "\n")
    }

    /// The case event sources behind the case indicators, one line each, synthetic ones marked.
    private var eventDeliveries: [String] {
        guard !data.eventDeliveries.isEmpty else { return [] }
        let lines = data.eventDeliveries.map { element("span", ["class": "events"], e(text.eventDelivery($0))) }
        return [term(text.caseData, lines.joined(separator: "<br>"))]
    }

    /// A first-page notice when the period holds no figure at all (a period not delivered yet).
    private var noFiguresNotice: [String] {
        guard !data.hasFigures else { return [] }
        let notice = text.noFigures(region: data.region.name, period: data.period.code,
                                    elsewhere: data.periodsWithFigures)
        return [element("p", ["class": "note"], element("strong", e(notice)))]
    }

    private func term(_ name: String, _ description: String) -> String {
        element("dt", name) + element("dd", description)
    }

    /// Significance is not a column here: a mark on the verdict points to appendix C.
    var scorecard: String {
        let footnote = text.scorecardFootnotes(data).map { element("p", ["class": "note"], e($0)) }.joined()
        let table = [SVGText.tag("table", ["class": "scorecard"]), element("thead", headerRow(scorecardColumns)),
                     "<tbody>",
                     data.entries.map(scorecardRow).joined(separator: "\n"), "</tbody>", "</table>", footnote]
        return section(["id": "scorecard"], title: text.scorecard, table.joined(separator: "\n"))
    }

    private func scorecardRow(_ entry: ReportData.Entry) -> String {
        let unit = entry.indicator.unit?.value
        let link = element("a", ["href": "#" + entry.indicator.id.value], e(text.title(entry.indicator)))
        let cells = [(link, false), (cellValue(entry.prior, unit: unit), true),
                     (cellValue(entry.current, unit: unit), true), (e(text.change(entry.diff, unit: unit)), true),
                     (verdict(entry.diff), false), (target(entry), false), (trend(entry), false),
                     (flags(entry.current), false)]
        return row(zip(scorecardColumns, cells).map { label, cell in
            labelledCell(cell.0, label: label, numeric: cell.1)
        })
    }

    /// The scorecard's column headers, shared with the Markdown report.
    var scorecardColumns: [String] {
        [text.indicator, data.compare.map(text.periodName) ?? "–", text.periodName(data.period), text.change,
         text.verdict, text.target, text.trend, text.status]
    }

    /// A scorecard cell that names its column, so on a phone each row reads as a card of label and value.
    private func labelledCell(_ content: String, label: String, numeric: Bool) -> String {
        numeric ? element("td", ["class": "num", "data-label": label], element("span", content))
            : element("td", ["data-label": label], element("span", content))
    }

    private func verdict(_ diff: DiffResult?) -> String {
        guard let diff else { return "–" }
        let mark = text.chanceMark(diff) ? element("sup", ["title": text.chanceWords(diff)], "*") : ""
        return element("span", ["class": "verdict \(diff.verdict.rawValue)"],
                       "\(e(diff.verdict.arrow)) \(e(text.verdictWord(diff.verdict)))") + mark
    }

    func cellValue(_ result: IndicatorResult?, unit: Unit?) -> String {
        guard let result else { return "–" }
        guard let value = result.value else { return gap(text.statusWord(result.status)) }
        let provisional = element("sup", ["title": text.statusWord(.provisional)], "v")
        return e(text.format(value, unit: unit)) + (result.status == .provisional ? provisional : "")
    }

    /// The target with its status from the summary, so table and first screen agree.
    func target(_ entry: ReportData.Entry) -> String {
        guard let target = entry.target else { return "–" }
        let unit = entry.indicator.unit?.value
        let status = data.summary.targets.first { $0.indicator.id.value == entry.indicator.id.value }
            .map { " " + element("span", ["class": "target \($0.status.rawValue)"],
                                  "(\(e(text.targetStatusWord($0.status))))") } ?? ""
        return e(text.target(target, unit: unit)) + status
    }

    func trend(_ entry: ReportData.Entry) -> String {
        let trend = entry.trend
        guard trend.direction != 0 else { return e(text.trend(trend, grain: data.period.grain)) }
        let polarity = entry.indicator.polarity ?? Polarity.none
        let better = (trend.direction > 0) == (polarity == .higher)
        let good = polarity == .none ? "neutral" : (better ? "improved" : "worsened")
        return element("span", ["class": "verdict \(good)"], e(text.trend(trend, grain: data.period.grain)))
    }

    func flags(_ result: IndicatorResult?) -> String {
        guard let result else { return "–" }
        var words = [text.statusWord(result.status)]
        if result.flags.contains("partial_members") {
            words.append(text.pick("niet alle gemeenten", "not all municipalities"))
        }
        if result.flags.contains("low_n") && result.status != .insufficientN {
            words.append(text.statusWord(.insufficientN))
        }
        if result.flags.contains("synthetic") { words.append(text.pick("synthetische gegevens", "synthetic data")) }
        let n = result.n.map { " " + element("small", "(n = \(e(text.number($0, decimals: 0))))") } ?? ""
        return e(words.joined(separator: ", ")) + n
    }

    /// Missing and suppressed figures are words set apart, never a number that reads as zero.
    private func gap(_ words: String) -> String { element("span", ["class": "gap"], e(words)) }

    var lines: String {
        let programmeLines = data.programme?.lines ?? []
        var groups: [String] = []
        for line in programmeLines {
            let entries = data.entries.filter { data.places($0.indicator, on: line) }
                .sorted { ($0.indicator.criterion == .outcome ? 0 : 1) < ($1.indicator.criterion == .outcome ? 0 : 1) }
            guard !entries.isEmpty else { continue }
            groups.append(group(e(line.title), entries))
        }
        let unplaced = data.entries.filter { entry in
            !programmeLines.contains { data.places(entry.indicator, on: $0) }
        }
        if !unplaced.isEmpty { groups.append(group(e(text.otherIndicators), unplaced)) }
        let legend = element("p", ["class": "legend"], e(text.legend))
        return section(["id": "lines"], title: text.actionLines, legend + "\n" + groups.joined(separator: "\n"))
    }

    private func group(_ title: String, _ entries: [ReportData.Entry]) -> String {
        element("h3", title) + "\n" + entries.map(article).joined(separator: "\n")
    }

    /// Heading and chart stay together on a page; an indicator without any figure gets a sentence.
    func article(_ entry: ReportData.Entry) -> String {
        let indicator = entry.indicator
        let kind = "\(e(text.criterionWord(indicator.criterion))) · \(e(indicator.source ?? ""))"
        var parts = [SVGText.tag("article", ["id": indicator.id.value]), element("h4", e(text.title(indicator))),
                     element("p", ["class": "kind"], kind)]
        if entry.history.contains(where: { $0.value != nil }) {
            parts.append(element("figure", charts.line(entry).svg))
        } else {
            parts.append(element("p", ["class": "gap"], e(text.pick("Nog geen cijfer in enige periode.",
                                                                     "No figure in any period yet."))))
        }
        parts.append(contentsOf: charts.members(entry))
        parts.append("</article>")
        return parts.joined(separator: "\n")
    }

    var alerts: String {
        let rows = data.firing.map { alert in
            let area = data.geography.unit(alert.geo)?.name ?? alert.geo
            let unit = alert.indicator?.unit?.value
            let value = alert.value.map { text.format($0, unit: unit) } ?? "–"
            return row([cell(e(text.alertTitle(alert))), cell(e(text.alertRule(alert))), cell(e(area)),
                        cell(e(text.alertSince(alert))), cell(e(alert.period)), cell(e(value), numeric: true)])
        }
        let columns = [text.indicator, text.rule, text.area, text.firingSince, text.latestPeriod, text.value]
        let body = rows.isEmpty ? element("p", e(text.noAlerts)) : compactTable(columns, rows)
        return section(["id": "alerts"], title: text.alerts, body)
    }

    var milestones: String {
        let rows = data.milestones.map(milestoneRow)
        let columns = [text.indicator, text.deadline, text.target, text.achieved, text.status]
        let body = rows.isEmpty ? element("p", e(text.noMilestones)) : compactTable(columns, rows)
        return section(["id": "milestones"], title: text.milestones, body)
    }

    private func milestoneRow(_ milestone: ReportData.Milestone) -> String {
        let indicator = milestone.indicator
        let unit = indicator.unit?.value
        let goal = milestone.target
        let status = data.summary.milestones.first {
            $0.indicator.id.value == indicator.id.value && $0.target.due == goal.due
        }?.status ?? .notAssessable
        let planning = indicator.status == .available ? ""
            : " " + element("small", "(\(e(text.planningWord(indicator.status))))")
        // A date or a goal split over two lines doubles the row (and once cost the printed report a page).
        return row([cell(e(text.title(indicator))), cell(e(text.date(milestone.deadline.iso)), nowrap: true),
                    cell(e(text.symbol(goal.comparison) + " " + text.format(goal.value, unit: unit)), nowrap: true),
                    cell(cellValue(milestone.result, unit: unit) + planning, numeric: true),
                    cell(e(text.targetStatusWord(status)), nowrap: true)])
    }

    /// The catalogue in the reader's words: headers, planning and criteria translated, the ids as code.
    var coverage: String {
        let table = ReportCatalogue(table: data.catalogue, text: text)
        let head = element("thead", headerRow(table.headers.map(e)))
        let rows = table.rows.map { cells in
            row(cells.map { cell($0.code ? element("code", e($0.text)) : e($0.text), numeric: $0.numeric) })
        }
        let html = SVGText.tag("table", ["class": "small"]) + head
            + "<tbody>\n" + rows.joined(separator: "\n") + "\n</tbody></table>"
        return section(["id": "appendix-coverage", "class": "appendix"], title: text.appendixCoverage, html)
    }

    var definitions: String {
        let items = data.entries.map { definition($0.indicator) }.joined(separator: "\n")
        return section(["id": "appendix-definitions", "class": "appendix"], title: text.appendixDefinitions,
                       "<dl>\n" + items + "\n</dl>")
    }

    private func definition(_ indicator: IndicatorDeclaration) -> String {
        let id = indicator.id.value
        let name = element("dt", ["id": "def-" + id], "\(e(text.title(indicator))) " + element("code", id))
        let expression = element("code", e(indicator.value.map(ExpressionPrinter.text) ?? "–"))
        let unit = e(text.words.phrase(indicator.unit?.value.rawValue ?? "count", .unit))
        let better = e(text.words.phrase(indicator.polarity?.rawValue ?? "none", .polarity))
        var lines = ["\(text.expression): \(expression) · \(text.unitWord.lowercased()): \(unit) · \(better)",
                     "\(text.source): \(e(indicator.source ?? "–"))"]
        let cites = indicator.cites.map(text.citation).filter { !$0.isEmpty }
        if !cites.isEmpty { lines.append("\(text.cites): \(e(cites.joined(separator: "; ")))") }
        return name + element("dd", lines.joined(separator: "<br>"))
    }

    /// Every comparison's test in words, for those who ask whether a change could be chance.
    var chance: String {
        let rows = data.entries.compactMap { entry -> String? in
            guard let diff = entry.diff else { return nil }
            return row([cell(e(text.title(entry.indicator))),
                        cell(e(text.change(diff, unit: entry.indicator.unit?.value)), numeric: true),
                        cell(verdict(diff)), cell(e(text.chanceWords(diff)))])
        }
        let body = element("p", ["class": "note"], e(text.chanceIntro)) + "\n"
            + compactTable([text.indicator, text.change, text.verdict, text.chance], rows)
        return section(["id": "appendix-chance", "class": "appendix"], title: text.appendixChance, body)
    }

    var footer: String {
        let made = imprint.map { " · \(e(text.generated)) \(e(text.date($0.date))) · impact \(e($0.version))" } ?? ""
        return element("footer", element("p", "ImpactMonitor · \(e(data.region.name)) · \(data.period.code)" + made))
    }

    /// The printed page's footer: the copy's version and date left, the page number right.
    private var pageFooter: String {
        let made = imprint.map { "impact \($0.version) · \(text.generated) \(text.date($0.date))" } ?? "ImpactMonitor"
        let left = Self.cssString("\(data.region.name) \(data.period.code) · \(made)")
        let style = "font: 8pt \"DejaVu Sans\", Arial, sans-serif; color: #5b6775;"
        return "\n@page { @bottom-left { content: \(left); \(style) } "
            + "@bottom-right { content: \(Self.cssString(text.page + " ")) counter(page) \" / \" counter(pages); "
            + "\(style) } }"
    }

    /// A quoted CSS string in which every character but letters, digits and spaces is a hex escape,
    /// so a name from the data can never close the string or the style element.
    static func cssString(_ text: String) -> String {
        let body = text.unicodeScalars.map { scalar -> String in
            let plain = scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == " "
            return plain ? String(scalar) : "\\" + String(scalar.value, radix: 16) + " "
        }
        return "\"" + body.joined() + "\""
    }

    /// A numeric cell is right-aligned and never wraps; a `nowrap` one only never wraps.
    private func cell(_ content: String, numeric: Bool = false, nowrap: Bool = false) -> String {
        if numeric { return element("td", ["class": "num"], content) }
        return nowrap ? element("td", ["class": "nowrap"], content) : element("td", content)
    }

    private func row(_ cells: [String]) -> String { element("tr", cells.joined()) }

    private func headerRow(_ titles: [String]) -> String { row(titles.map { element("th", $0) }) }

    /// Header and rows on one line, unlike the scorecard with its row per line.
    private func compactTable(_ columns: [String], _ rows: [String]) -> String {
        element("table", element("thead", headerRow(columns)) + element("tbody", rows.joined()))
    }

    /// A section under its heading; the heading is markup, as the report's fixed words need no escaping.
    private func section(_ attributes: KeyValuePairs<String, String>, title: String, _ body: String) -> String {
        [SVGText.tag("section", attributes), element("h2", title), body, "</section>"].joined(separator: "\n")
    }

    // A backslash at the end of a line continues it: the stylesheet keeps its lines, the source stays narrow.
    static let css = """
        :root { --ink: #1d2733; --muted: #5b6775; --line: #d5dbe1; --good: #1a7f37; --bad: #b42318; --accent: #1f5fa8; }
        * { box-sizing: border-box; }
        body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: var(--ink); margin: 1rem auto; \
        max-width: 60rem; padding: 0 1rem; line-height: 1.35; font-size: 15px; overflow-wrap: break-word; }
        h1 { font-size: 1.5rem; margin: 0 0 0.1rem; } \
        h2 { border-bottom: 2px solid var(--accent); padding-bottom: 0.2rem; margin-top: 1.6rem; }
        h3 { color: var(--accent); margin-top: 1.5rem; } h4 { margin: 0.2rem 0; }
        .region { font-size: 1.1rem; color: var(--muted); margin: 0; }
        .meta { display: grid; grid-template-columns: max-content 1fr; gap: 0 1rem; margin: 0.4rem 0; } \
        .meta dt { font-weight: bold; margin: 0; } .meta dd { margin: 0; } .sources { font-size: 0.85rem; }
        .note, .legend, .kind { color: var(--muted); font-size: 0.9rem; }
        #summary h2 { margin-top: 0.8rem; } \
        .summary-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 0 2rem; }
        .summary-grid ul { list-style: none; padding: 0; margin: 0.2rem 0; } .summary-grid li { margin: 0.15rem 0; } \
        .lead { font-weight: bold; margin: 0.3rem 0 0; } \
        ul.counts li.zero { color: var(--muted); font-weight: normal; }
        .target.met, .target.on_track { color: var(--good); } .target.off_track { color: var(--bad); } \
        .target.not_assessable { color: var(--muted); }
        table { border-collapse: collapse; width: 100%; font-size: 0.85rem; margin: 0.5rem 0; }
        th, td { border-bottom: 1px solid var(--line); padding: 0.3rem 0.4rem; text-align: left; vertical-align: top; }
        th { background: #eef2f6; } td.num { text-align: right; white-space: nowrap; } \
        td.nowrap { white-space: nowrap; }
        thead { display: table-header-group; }
        table.small { font-size: 0.75rem; } table.small td { overflow-wrap: anywhere; }
        .verdict.improved { color: var(--good); font-weight: bold; } \
        .verdict.worsened { color: var(--bad); font-weight: bold; }
        .verdict.not_comparable, .gap { color: var(--muted); font-style: italic; }
        article { border: 1px solid var(--line); border-radius: 4px; padding: 0.6rem 0.8rem; margin: 0.8rem 0; \
        break-inside: avoid; page-break-inside: avoid; }
        figure { margin: 0.4rem 0; } svg.chart { max-width: 100%; height: auto; }
        svg .grid { stroke: #e3e8ed; stroke-width: 1; } svg .tick { font-size: 11px; fill: var(--muted); } \
        svg .tick.gap { font-style: italic; } svg .unit { font-weight: bold; }
        svg .line { fill: none; stroke: var(--accent); stroke-width: 2; } \
        svg .point { fill: var(--accent); stroke: var(--accent); stroke-width: 2; }
        svg .point.provisional { fill: #fff; } \
        svg .target { stroke: var(--good); stroke-dasharray: 6 4; stroke-width: 1.5; } \
        svg .target-label { font-size: 11px; fill: var(--good); font-weight: bold; } \
        svg .reference { stroke: var(--ink); stroke-dasharray: 4 3; stroke-width: 1.2; } \
        svg .reference-label { font-size: 11px; fill: var(--ink); font-weight: bold; }
        svg .gapmark { font-size: 14px; fill: var(--muted); } svg .bar { fill: var(--accent); }
        details summary { cursor: default; color: var(--muted); font-size: 0.9rem; }
        code { font-size: 0.85em; background: #f3f5f7; padding: 0 0.2em; }
        dl dt { font-weight: bold; margin-top: 0.6rem; } dl dd { margin-left: 1rem; font-size: 0.9rem; }
        footer { margin-top: 2rem; color: var(--muted); font-size: 0.8rem; border-top: 1px solid var(--line); }
        @media (max-width: 40rem) { body { font-size: 14px; padding: 0 0.5rem; } \
        table.scorecard thead { display: none; } table.scorecard tr { display: block; border: 1px solid var(--line); \
        border-radius: 4px; margin: 0.5rem 0; padding: 0.3rem 0.5rem; } \
        table.scorecard td { display: grid; grid-template-columns: 8rem 1fr; border: 0; padding: 0.1rem 0; \
        text-align: left; white-space: normal; } \
        table.scorecard td::before { content: attr(data-label); font-weight: bold; color: var(--muted); } \
        table.scorecard td:first-child { display: block; font-weight: bold; } \
        table.scorecard td:first-child::before { content: none; } \
        table:not(.scorecard) { display: block; overflow-x: auto; } .meta { grid-template-columns: 1fr; } }
        @page { size: A4; margin: 15mm 12mm 18mm; }
        @media print { body { margin: 0; max-width: none; font-size: 9pt; padding: 0; } \
        h2, h3, h4 { break-after: avoid; page-break-after: avoid; } \
        section#lines article { display: grid; grid-template-columns: 1fr 1fr; gap: 0 0.6rem; margin: 0.25rem 0; \
        padding: 0.25rem 0.5rem; } \
        section#lines article > h4, section#lines article > .kind { grid-column: 1 / -1; margin: 0; } \
        section#lines article > * { min-width: 0; } svg.chart { width: 100%; height: auto; } \
        .legend { margin: 0.2rem 0; } h3 { margin: 0.6rem 0 0.2rem; } details.members summary { font-size: 0.8rem; } \
        .appendix { break-before: page; } #appendix-definitions, #appendix-chance { break-before: auto; } \
        tr { break-inside: avoid; } a { color: inherit; text-decoration: none; } \
        table.small { font-size: 6.5pt; } table.small td, table.small th { padding: 0.15rem 0.2rem; } \
        section#milestones table { font-size: 8pt; } section#milestones td { padding: 0.15rem 0.3rem; } }
        """
}
