import ImpactCore
import ImpactEngine
import ImpactLanguage

/// The steering-group report as one self-contained HTML page: inline CSS and SVG, no scripts,
/// no external requests, printable on A4.
public struct HTMLReport {
    public let data: ReportData
    public let text: ReportText

    public init(data: ReportData, text: ReportText) {
        self.data = data
        self.text = text
    }

    private func e(_ value: String) -> String { SVGText.escape(value) }

    private func element(_ name: String, _ attributes: KeyValuePairs<String, String>, _ content: String) -> String {
        SVGText.element(name, attributes, content)
    }

    private func element(_ name: String, _ content: String) -> String { SVGText.element(name, content) }

    public var html: String {
        let head = [SVGText.tag("meta", ["charset": "utf-8"]),
                    SVGText.tag("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"]),
                    element("title", "\(e(text.reportTitle)) — \(e(data.region.name)) \(data.period.code)"),
                    element("style", Self.css)]
        let body = [header, scorecard, lines, alerts, milestones, coverage, definitions, footer]
        let page = ["<!DOCTYPE html>", SVGText.tag("html", ["lang": text.language]), "<head>"] + head
            + ["</head>", "<body>"] + body + ["</body>", "</html>"]
        return page.joined(separator: "\n") + "\n"
    }

    var header: String {
        let latest = data.batches.map(\.finished).max().map(text.date) ?? "–"
        let batch = data.batches.map(\.id).max().map(String.init) ?? "–"
        let delivered = "\(text.deliveries(data.batches.count)), \(text.pick("laatste", "latest")) \(latest)"
            + " (batch \(batch))"
        let sources = Array(Set(data.entries.compactMap(\.indicator.source))).sorted()
        let programme = data.programme?.title.map { " · " + e($0) } ?? ""
        let compared = data.compare.map { " (\(text.comparedWith) \($0.code))" } ?? ""
        let note = data.suppressionApplied ? e(text.suppressionNote) : element("strong", e(text.noSuppressionNote))
        return ([
            "<header>",
            element("h1", e(text.reportTitle)),
            element("p", ["class": "region"], e(data.region.name) + programme),
            SVGText.tag("dl", ["class": "meta"]),
            term(text.period, data.period.code + compared),
            term(text.dataAsOf, delivered),
            term(text.sources, sources.map(e).joined(separator: "; ")),
            "</dl>",
            element("p", ["class": "note"], note),
        ] + noFiguresNotice + ["</header>"]).joined(separator: "\n")
    }

    /// A first-page notice when the period holds no figure at all (a period not delivered yet).
    private var noFiguresNotice: [String] {
        guard !data.hasFigures else { return [] }
        let notice = text.noFigures(region: data.region.name, period: data.period.code)
        return [element("p", ["class": "note"], element("strong", e(notice)))]
    }

    private func term(_ name: String, _ description: String) -> String {
        element("dt", name) + element("dd", description)
    }

    var scorecard: String {
        let columns = [text.indicator, data.compare?.code ?? "–", data.period.code, text.change, text.verdict,
                       text.significance, text.target, text.distance, text.trend, text.status]
        let table = ["<table>", element("thead", headerRow(columns)), "<tbody>",
                     data.entries.map(scorecardRow).joined(separator: "\n"), "</tbody>", "</table>"]
        return section(["id": "scorecard"], title: text.scorecard, table.joined(separator: "\n"))
    }

    private func scorecardRow(_ entry: ReportData.Entry) -> String {
        let unit = entry.indicator.unit?.value
        let link = element("a", ["href": "#" + entry.indicator.id.value], e(text.title(entry.indicator)))
        return row([cell(link), cell(cellValue(entry.prior, unit: unit), numeric: true),
                    cell(cellValue(entry.current, unit: unit), numeric: true),
                    cell(change(entry.diff, unit: unit), numeric: true), cell(verdict(entry.diff)),
                    cell(significance(entry.diff)), cell(target(entry.target, unit: unit)),
                    cell(distance(entry), numeric: true), cell(trend(entry)), cell(flags(entry.current))])
    }

    private func verdict(_ diff: DiffResult?) -> String {
        guard let diff else { return "–" }
        let arrow = diff.verdict.arrow.split(separator: " ").first.map(String.init) ?? ""
        return element("span", ["class": "verdict \(diff.verdict.rawValue)"],
                       "\(e(arrow)) \(e(text.verdictWord(diff.verdict)))")
    }

    func cellValue(_ result: IndicatorResult?, unit: Unit?) -> String {
        guard let result else { return "–" }
        guard let value = result.value else { return gap(text.statusWord(result.status)) }
        let provisional = element("sup", ["title": text.statusWord(.provisional)], "v")
        return e(text.format(value, unit: unit)) + (result.status == .provisional ? provisional : "")
    }

    func change(_ diff: DiffResult?, unit: Unit?) -> String {
        guard let diff, let change = diff.absoluteChange else { return "–" }
        let sign = change > 0 ? "+" : ""
        let relative = diff.relativeChange.map { share in
            " (\(share > 0 ? "+" : "")\(text.locale.format(share * 100, decimals: 1)) %)"
        } ?? ""
        return e(sign + text.format(change, unit: unit) + relative)
    }

    func significance(_ diff: DiffResult?) -> String {
        guard let diff else { return "–" }
        if diff.verdict == .notComparable {
            let reasons = diff.reasons.map(text.reason).joined(separator: "; ")
            return gap(diff.reasons.isEmpty ? text.verdictWord(.notComparable) : reasons)
        }
        guard let p = diff.pValue, let significant = diff.significant else { return e(text.noTest) }
        let shown = p < 0.0001 ? "p < " + text.locale.format(0.0001) : "p = " + text.locale.format(p, decimals: 4)
        return e("\(shown) (\(significant ? text.significant : text.notSignificant))")
    }

    func target(_ target: Target?, unit: Unit?) -> String {
        guard let target else { return "–" }
        let when: String
        switch target.when {
        case .period(let period): when = period.code
        case .deadline(let date): when = text.date(date.iso)
        }
        return e("\(target.comparison.rawValue) \(text.format(target.value, unit: unit)) (\(when))")
    }

    func distance(_ entry: ReportData.Entry) -> String {
        guard let target = entry.target, let value = entry.current?.value else { return "–" }
        return e(text.format(value - target.value, unit: entry.indicator.unit?.value))
    }

    func trend(_ entry: ReportData.Entry) -> String {
        let trend = entry.trend
        guard trend.direction != 0 else { return "→" }
        let polarity = entry.indicator.polarity ?? Polarity.none
        let better = (trend.direction > 0) == (polarity == .higher)
        let good = polarity == .none ? "neutral" : (better ? "improved" : "worsened")
        let arrow = trend.direction > 0 ? "↑" : "↓"
        return element("span", ["class": "verdict \(good)"], "\(arrow) \(trend.periods) \(text.periodsWord)")
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
        let n = result.n.map { " " + element("small", "(n = \(e(text.locale.format($0, decimals: 0))))") } ?? ""
        return e(words.joined(separator: ", ")) + n
    }

    /// Missing and suppressed figures are words set apart, never a number that reads as zero.
    private func gap(_ words: String) -> String { element("span", ["class": "gap"], e(words)) }

    var lines: String {
        let programmeLines = data.programme?.lines ?? []
        var groups: [String] = []
        for line in programmeLines {
            let entries = data.entries.filter { $0.indicator.line?.value == line.id.value }
                .sorted { ($0.indicator.criterion == .outcome ? 0 : 1) < ($1.indicator.criterion == .outcome ? 0 : 1) }
            guard !entries.isEmpty else { continue }
            groups.append(group(e(line.title), entries))
        }
        let unplaced = data.entries.filter { entry in
            !programmeLines.contains { $0.id.value == entry.indicator.line?.value }
        }
        if !unplaced.isEmpty { groups.append(group(text.pick("Overige indicatoren", "Other indicators"), unplaced)) }
        let legend = element("p", ["class": "legend"], e(text.legend))
        return section(["id": "lines"], title: text.actionLines, legend + "\n" + groups.joined(separator: "\n"))
    }

    private func group(_ title: String, _ entries: [ReportData.Entry]) -> String {
        element("h3", title) + "\n" + entries.map(article).joined(separator: "\n")
    }

    func article(_ entry: ReportData.Entry) -> String {
        let indicator = entry.indicator
        let kind = "\(e(text.criterionWord(indicator.criterion))) · \(e(indicator.source ?? ""))"
        var parts = [SVGText.tag("article", ["id": indicator.id.value]), element("h4", e(text.title(indicator))),
                     element("p", ["class": "kind"], kind), element("figure", lineChart(entry).svg)]
        if !entry.members.isEmpty { parts.append(members(entry)) }
        parts.append("</article>")
        return parts.joined(separator: "\n")
    }

    private func lineChart(_ entry: ReportData.Entry) -> LineChart {
        let points = entry.history.map { result in
            LineChart.Point(label: result.period, value: result.value, provisional: result.status == .provisional,
                            gapReason: result.value == nil ? text.statusWord(result.status) : nil)
        }
        return LineChart(title: text.title(entry.indicator), points: points, target: entry.target?.value,
                         locale: text.locale)
    }

    /// In a `details` element, open by default, so a reader can fold the comparison away.
    private func members(_ entry: ReportData.Entry) -> String {
        let bars = entry.members.map { result in
            BarChart.Bar(label: data.geography.unit(result.geo)?.name ?? result.geo, value: result.value,
                         note: result.value == nil ? text.statusWord(result.status) : nil)
        }
        let title = "\(text.municipalities): \(text.title(entry.indicator)) \(data.period.code)"
        let chart = BarChart(title: title, bars: bars, locale: text.locale)
        return "<details class=\"members\" open>" + element("summary", "\(text.municipalities) (\(data.period.code))")
            + element("figure", chart.svg) + "</details>"
    }

    var alerts: String {
        let rows = data.firing.map { alert in
            let area = data.geography.unit(alert.geo)?.name ?? alert.geo
            let value = alert.value.map { text.locale.format($0, decimals: 2) } ?? "–"
            return row([cell(e(text.alertTitle(alert))), cell(e(text.alertRule(alert))), cell(e(area)),
                        cell(e(alert.period)), cell(e(value), numeric: true)])
        }
        let columns = [text.indicator, text.pick("Regel", "Rule"), text.pick("Gebied", "Area"), text.period, text.value]
        let body = rows.isEmpty ? element("p", e(text.noAlerts)) : compactTable(columns, rows)
        return section(["id": "alerts"], title: text.alerts, body)
    }

    var milestones: String {
        let rows = data.milestones.map(milestoneRow)
        let columns = [text.indicator, text.deadline, text.target, text.achieved, ""]
        let body = rows.isEmpty ? element("p", e(text.noMilestones)) : compactTable(columns, rows)
        return section(["id": "milestones"], title: text.milestones, body)
    }

    private func milestoneRow(_ milestone: ReportData.Milestone) -> String {
        let indicator = milestone.indicator
        let unit = indicator.unit?.value
        let goal = milestone.target
        let met = milestone.result?.value.map { goal.comparison.holds($0, goal.value) }
        let status = indicator.status.rawValue + (indicator.statusNote.map { ": \($0)" } ?? "")
        let planning = indicator.status == .available ? "" : " " + element("small", "(\(e(status)))")
        return row([cell(e(text.title(indicator))), cell(e(text.date(milestone.deadline.iso))),
                    cell(e(goal.comparison.rawValue + " " + text.format(goal.value, unit: unit))),
                    cell(cellValue(milestone.result, unit: unit) + planning, numeric: true),
                    cell(met.map { $0 ? "✔" : "✘" } ?? "–")])
    }

    var coverage: String {
        let rows = data.catalogue.rows.map { row($0.map(catalogueCell)) }
        let head = element("thead", headerRow(data.catalogue.columns.map(e)))
        let table = SVGText.tag("table", ["class": "small"]) + head
            + "<tbody>\n" + rows.joined(separator: "\n") + "\n</tbody></table>"
        return section(["id": "appendix-coverage", "class": "appendix"], title: text.appendixCoverage, table)
    }

    private func catalogueCell(_ value: DataTable.Cell) -> String {
        switch value {
        case .text(let value): return cell(e(value))
        case .integer(let value): return cell(String(value), numeric: true)
        case .number(let value): return cell(e(text.locale.format(value)), numeric: true)
        case .boolean(let value): return cell(value ? "ja" : "nee")
        case .list(let values): return cell(e(values.joined(separator: ", ")))
        case .empty: return cell("–")
        }
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
        let unit = e(indicator.unit?.value.rawValue ?? "")
        let better = "\(text.pick("beter", "better")): \(e(indicator.polarity?.rawValue ?? "–"))"
        var lines = ["\(text.expression): \(expression) · \(unit) · \(better)",
                     "\(text.source): \(e(indicator.source ?? "–"))"]
        if !indicator.cites.isEmpty { lines.append("\(text.cites): \(e(indicator.cites.joined(separator: "; ")))") }
        return name + element("dd", lines.joined(separator: "<br>"))
    }

    var footer: String {
        element("footer", element("p", "ImpactMonitor · \(e(data.region.code)) · \(data.period.code)"))
    }

    private func cell(_ content: String, numeric: Bool = false) -> String {
        numeric ? element("td", ["class": "num"], content) : element("td", content)
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
        body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: var(--ink); margin: 2rem auto; \
        max-width: 60rem; padding: 0 1rem; line-height: 1.4; font-size: 15px; }
        h1 { font-size: 1.6rem; margin-bottom: 0.2rem; } \
        h2 { border-bottom: 2px solid var(--accent); padding-bottom: 0.2rem; margin-top: 2rem; }
        h3 { color: var(--accent); margin-top: 1.5rem; } h4 { margin: 0.2rem 0; }
        .region { font-size: 1.1rem; color: var(--muted); margin-top: 0; }
        .meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; } \
        .meta dt { font-weight: bold; } .meta dd { margin: 0; }
        .note, .legend, .kind { color: var(--muted); font-size: 0.9rem; }
        table { border-collapse: collapse; width: 100%; font-size: 0.85rem; margin: 0.5rem 0; }
        th, td { border-bottom: 1px solid var(--line); padding: 0.3rem 0.4rem; text-align: left; vertical-align: top; }
        th { background: #eef2f6; } td.num { text-align: right; white-space: nowrap; }
        table.small { font-size: 0.75rem; }
        .verdict.improved { color: var(--good); font-weight: bold; } \
        .verdict.worsened { color: var(--bad); font-weight: bold; }
        .verdict.not_comparable, .gap { color: var(--muted); font-style: italic; }
        article { border: 1px solid var(--line); border-radius: 4px; padding: 0.6rem 0.8rem; margin: 0.8rem 0; \
        break-inside: avoid; page-break-inside: avoid; }
        figure { margin: 0.4rem 0; } svg.chart { max-width: 100%; height: auto; }
        svg .grid { stroke: #e3e8ed; stroke-width: 1; } svg .tick { font-size: 11px; fill: var(--muted); } \
        svg .tick.gap { font-style: italic; }
        svg .line { fill: none; stroke: var(--accent); stroke-width: 2; } \
        svg .point { fill: var(--accent); stroke: var(--accent); stroke-width: 2; }
        svg .point.provisional { fill: #fff; } \
        svg .target { stroke: var(--good); stroke-dasharray: 6 4; stroke-width: 1.5; }
        svg .gapmark { font-size: 14px; fill: var(--muted); } svg .bar { fill: var(--accent); }
        details summary { cursor: default; color: var(--muted); font-size: 0.9rem; }
        code { font-size: 0.85em; background: #f3f5f7; padding: 0 0.2em; }
        dl dt { font-weight: bold; margin-top: 0.6rem; } dl dd { margin-left: 1rem; font-size: 0.9rem; }
        footer { margin-top: 2rem; color: var(--muted); font-size: 0.8rem; border-top: 1px solid var(--line); }
        @page { size: A4; margin: 15mm; }
        @media print { body { margin: 0; max-width: none; font-size: 10pt; } h2 { break-after: avoid; } \
        .appendix { break-before: page; } a { color: inherit; text-decoration: none; } }
        """
}
