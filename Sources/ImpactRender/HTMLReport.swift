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

    public var html: String {
        ["<!DOCTYPE html>", "<html lang=\"\(text.language)\">", "<head>", "<meta charset=\"utf-8\">",
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
         "<title>\(e(text.reportTitle)) — \(e(data.region.name)) \(data.period.code)</title>", "<style>\(Self.css)</style>", "</head>", "<body>",
         header, scorecard, lines, alerts, milestones, coverage, definitions, footer, "</body>", "</html>"].joined(separator: "\n") + "\n"
    }

    var header: String {
        let latest = data.batches.map(\.finished).max().map(text.date) ?? "–"
        let sources = Array(Set(data.entries.compactMap(\.indicator.source))).sorted()
        return """
            <header>
            <h1>\(e(text.reportTitle))</h1>
            <p class="region">\(e(data.region.name))\(data.programme?.title.map { " · " + e($0) } ?? "")</p>
            <dl class="meta">
            <dt>\(text.period)</dt><dd>\(data.period.code)\(data.compare.map { " (\(text.comparedWith) \($0.code))" } ?? "")</dd>
            <dt>\(text.dataAsOf)</dt><dd>\(text.deliveries(data.batches.count)), \(text.pick("laatste", "latest")) \(latest) (batch \(data.batches.map(\.id).max().map(String.init) ?? "–"))</dd>
            <dt>\(text.sources)</dt><dd>\(sources.map(e).joined(separator: "; "))</dd>
            </dl>
            <p class="note">\(data.suppressionApplied ? e(text.suppressionNote) : "<strong>" + e(text.noSuppressionNote) + "</strong>")</p>
            </header>
            """
    }

    var scorecard: String {
        let priorLabel = data.compare?.code ?? "–"
        var rows: [String] = []
        for entry in data.entries {
            let unit = entry.indicator.unit?.value
            let diff = entry.diff
            let verdict = diff.map { "<span class=\"verdict \($0.verdict.rawValue)\">\(e($0.verdict.arrow.split(separator: " ").first.map(String.init) ?? "")) \(e(text.verdictWord($0.verdict)))</span>" } ?? "–"
            rows.append("<tr><td><a href=\"#\(entry.indicator.id.value)\">\(e(text.title(entry.indicator)))</a></td>"
                + "<td class=\"num\">\(cellValue(entry.prior, unit: unit))</td><td class=\"num\">\(cellValue(entry.current, unit: unit))</td>"
                + "<td class=\"num\">\(change(diff, unit: unit))</td><td>\(verdict)</td><td>\(significance(diff))</td>"
                + "<td>\(target(entry.target, unit: unit))</td><td class=\"num\">\(distance(entry))</td><td>\(trend(entry))</td><td>\(flags(entry.current))</td></tr>")
        }
        return """
            <section id="scorecard">
            <h2>\(text.scorecard)</h2>
            <table>
            <thead><tr><th>\(text.indicator)</th><th>\(priorLabel)</th><th>\(data.period.code)</th><th>\(text.change)</th><th>\(text.verdict)</th><th>\(text.significance)</th><th>\(text.target)</th><th>\(text.distance)</th><th>\(text.trend)</th><th>\(text.status)</th></tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table>
            </section>
            """
    }

    func cellValue(_ result: IndicatorResult?, unit: Unit?) -> String {
        guard let result else { return "–" }
        guard let value = result.value else { return "<span class=\"gap\">\(e(text.statusWord(result.status)))</span>" }
        return e(text.format(value, unit: unit)) + (result.status == .provisional ? "<sup title=\"\(e(text.statusWord(.provisional)))\">v</sup>" : "")
    }

    func change(_ diff: DiffResult?, unit: Unit?) -> String {
        guard let diff, let change = diff.absoluteChange else { return "–" }
        let sign = change > 0 ? "+" : ""
        let relative = diff.relativeChange.map { " (\($0 > 0 ? "+" : "")\(text.locale.format($0 * 100, decimals: 1)) %)" } ?? ""
        return e(sign + text.format(change, unit: unit) + relative)
    }

    func significance(_ diff: DiffResult?) -> String {
        guard let diff else { return "–" }
        if diff.verdict == .notComparable {
            return "<span class=\"gap\">\(e(diff.reasons.isEmpty ? text.verdictWord(.notComparable) : diff.reasons.map(text.reason).joined(separator: "; ")))</span>"
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
        let good = polarity == .none ? "neutral" : ((trend.direction > 0) == (polarity == .higher) ? "improved" : "worsened")
        return "<span class=\"verdict \(good)\">\(trend.direction > 0 ? "↑" : "↓") \(trend.periods) \(text.periodsWord)</span>"
    }

    func flags(_ result: IndicatorResult?) -> String {
        guard let result else { return "–" }
        var words = [text.statusWord(result.status)]
        if result.flags.contains("partial_members") { words.append(text.pick("niet alle gemeenten", "not all municipalities")) }
        if result.flags.contains("low_n") && result.status != .insufficientN { words.append(text.statusWord(.insufficientN)) }
        return e(words.joined(separator: ", ")) + (result.n.map { " <small>(n = \(e(text.locale.format($0, decimals: 0))))</small>" } ?? "")
    }

    var lines: String {
        let programmeLines = data.programme?.lines ?? []
        var sections: [String] = []
        for line in programmeLines {
            let entries = data.entries.filter { $0.indicator.line?.value == line.id.value }
                .sorted { ($0.indicator.criterion == .outcome ? 0 : 1) < ($1.indicator.criterion == .outcome ? 0 : 1) }
            guard !entries.isEmpty else { continue }
            sections.append("<h3>\(e(line.title))</h3>\n" + entries.map(article).joined(separator: "\n"))
        }
        let unplaced = data.entries.filter { entry in !programmeLines.contains { $0.id.value == entry.indicator.line?.value } }
        if !unplaced.isEmpty { sections.append("<h3>\(text.pick("Overige indicatoren", "Other indicators"))</h3>\n" + unplaced.map(article).joined(separator: "\n")) }
        return "<section id=\"lines\">\n<h2>\(text.actionLines)</h2>\n<p class=\"legend\">\(e(text.legend))</p>\n" + sections.joined(separator: "\n") + "\n</section>"
    }

    func article(_ entry: ReportData.Entry) -> String {
        let points = entry.history.map { result in
            LineChart.Point(label: result.period, value: result.value, provisional: result.status == .provisional,
                            gapReason: result.value == nil ? text.statusWord(result.status) : nil)
        }
        let chart = LineChart(title: text.title(entry.indicator), points: points, target: entry.target?.value, locale: text.locale)
        var parts = ["<article id=\"\(entry.indicator.id.value)\">", "<h4>\(e(text.title(entry.indicator)))</h4>",
                     "<p class=\"kind\">\(e(text.criterionWord(entry.indicator.criterion))) · \(e(entry.indicator.source ?? ""))</p>",
                     "<figure>\(chart.svg)</figure>"]
        if !entry.members.isEmpty {
            let bars = entry.members.map { result in
                BarChart.Bar(label: data.geography.unit(result.geo)?.name ?? result.geo, value: result.value,
                             note: result.value == nil ? text.statusWord(result.status) : nil)
            }
            let barChart = BarChart(title: "\(text.municipalities): \(text.title(entry.indicator)) \(data.period.code)", bars: bars, locale: text.locale)
            parts.append("<details class=\"members\" open><summary>\(text.municipalities) (\(data.period.code))</summary><figure>\(barChart.svg)</figure></details>")
        }
        parts.append("</article>")
        return parts.joined(separator: "\n")
    }

    var alerts: String {
        let rows = data.firing.map { alert in
            "<tr><td>\(e(alert.indicator))</td><td>\(e(alert.rule))</td><td>\(e(data.geography.unit(alert.geo)?.name ?? alert.geo))</td><td>\(e(alert.period))</td><td class=\"num\">\(e(alert.value.map { text.locale.format($0, decimals: 2) } ?? "–"))</td></tr>"
        }
        let body = rows.isEmpty ? "<p>\(e(text.noAlerts))</p>"
            : "<table><thead><tr><th>\(text.indicator)</th><th>\(text.pick("Regel", "Rule"))</th><th>\(text.pick("Gebied", "Area"))</th><th>\(text.period)</th><th>\(text.value)</th></tr></thead><tbody>\(rows.joined())</tbody></table>"
        return "<section id=\"alerts\">\n<h2>\(text.alerts)</h2>\n\(body)\n</section>"
    }

    var milestones: String {
        let rows = data.milestones.map { milestone -> String in
            let unit = milestone.indicator.unit?.value
            let met = milestone.result?.value.map { milestone.target.comparison.holds($0, milestone.target.value) }
            let planning = milestone.indicator.status == .available ? "" : " <small>(\(e(milestone.indicator.status.rawValue + (milestone.indicator.statusNote.map { ": \($0)" } ?? ""))))</small>"
            return "<tr><td>\(e(text.title(milestone.indicator)))</td><td>\(e(text.date(milestone.deadline.iso)))</td>"
                + "<td>\(e(milestone.target.comparison.rawValue + " " + text.format(milestone.target.value, unit: unit)))</td>"
                + "<td class=\"num\">\(cellValue(milestone.result, unit: unit))\(planning)</td><td>\(met.map { $0 ? "✔" : "✘" } ?? "–")</td></tr>"
        }
        let body = rows.isEmpty ? "<p>\(e(text.noMilestones))</p>"
            : "<table><thead><tr><th>\(text.indicator)</th><th>\(text.deadline)</th><th>\(text.target)</th><th>\(text.achieved)</th><th></th></tr></thead><tbody>\(rows.joined())</tbody></table>"
        return "<section id=\"milestones\">\n<h2>\(text.milestones)</h2>\n\(body)\n</section>"
    }

    var coverage: String {
        let header = data.catalogue.columns.map { "<th>\(e($0))</th>" }.joined()
        let rows = data.catalogue.rows.map { row in
            "<tr>" + row.map { cell -> String in
                switch cell {
                case .text(let value): return "<td>\(e(value))</td>"
                case .integer(let value): return "<td class=\"num\">\(value)</td>"
                case .number(let value): return "<td class=\"num\">\(e(text.locale.format(value)))</td>"
                case .empty: return "<td>–</td>"
                }
            }.joined() + "</tr>"
        }
        return "<section id=\"appendix-coverage\" class=\"appendix\">\n<h2>\(text.appendixCoverage)</h2>\n<table class=\"small\"><thead><tr>\(header)</tr></thead><tbody>\n\(rows.joined(separator: "\n"))\n</tbody></table>\n</section>"
    }

    var definitions: String {
        let items = data.entries.map { entry in
            let indicator = entry.indicator
            return "<dt id=\"def-\(indicator.id.value)\">\(e(text.title(indicator))) <code>\(indicator.id.value)</code></dt><dd>"
                + "\(text.expression): <code>\(e(indicator.value.map(ExpressionPrinter.text) ?? "–"))</code> · \(e(indicator.unit?.value.rawValue ?? "")) · "
                + "\(text.pick("beter", "better")): \(e(indicator.polarity?.rawValue ?? "–"))<br>\(text.source): \(e(indicator.source ?? "–"))"
                + (indicator.cites.isEmpty ? "" : "<br>\(text.cites): \(e(indicator.cites.joined(separator: "; ")))") + "</dd>"
        }
        return "<section id=\"appendix-definitions\" class=\"appendix\">\n<h2>\(text.appendixDefinitions)</h2>\n<dl>\n\(items.joined(separator: "\n"))\n</dl>\n</section>"
    }

    var footer: String {
        "<footer><p>ImpactMonitor · \(e(data.region.code)) · \(data.period.code)</p></footer>"
    }

    static let css = """
        :root { --ink: #1d2733; --muted: #5b6775; --line: #d5dbe1; --good: #1a7f37; --bad: #b42318; --accent: #1f5fa8; }
        * { box-sizing: border-box; }
        body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: var(--ink); margin: 2rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.4; font-size: 15px; }
        h1 { font-size: 1.6rem; margin-bottom: 0.2rem; } h2 { border-bottom: 2px solid var(--accent); padding-bottom: 0.2rem; margin-top: 2rem; }
        h3 { color: var(--accent); margin-top: 1.5rem; } h4 { margin: 0.2rem 0; }
        .region { font-size: 1.1rem; color: var(--muted); margin-top: 0; }
        .meta { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; } .meta dt { font-weight: bold; } .meta dd { margin: 0; }
        .note, .legend, .kind { color: var(--muted); font-size: 0.9rem; }
        table { border-collapse: collapse; width: 100%; font-size: 0.85rem; margin: 0.5rem 0; }
        th, td { border-bottom: 1px solid var(--line); padding: 0.3rem 0.4rem; text-align: left; vertical-align: top; }
        th { background: #eef2f6; } td.num { text-align: right; white-space: nowrap; }
        table.small { font-size: 0.75rem; }
        .verdict.improved { color: var(--good); font-weight: bold; } .verdict.worsened { color: var(--bad); font-weight: bold; }
        .verdict.not_comparable, .gap { color: var(--muted); font-style: italic; }
        article { border: 1px solid var(--line); border-radius: 4px; padding: 0.6rem 0.8rem; margin: 0.8rem 0; break-inside: avoid; page-break-inside: avoid; }
        figure { margin: 0.4rem 0; } svg.chart { max-width: 100%; height: auto; }
        svg .grid { stroke: #e3e8ed; stroke-width: 1; } svg .tick { font-size: 11px; fill: var(--muted); } svg .tick.gap { font-style: italic; }
        svg .line { fill: none; stroke: var(--accent); stroke-width: 2; } svg .point { fill: var(--accent); stroke: var(--accent); stroke-width: 2; }
        svg .point.provisional { fill: #fff; } svg .target { stroke: var(--good); stroke-dasharray: 6 4; stroke-width: 1.5; }
        svg .gapmark { font-size: 14px; fill: var(--muted); } svg .bar { fill: var(--accent); }
        details summary { cursor: default; color: var(--muted); font-size: 0.9rem; }
        code { font-size: 0.85em; background: #f3f5f7; padding: 0 0.2em; }
        dl dt { font-weight: bold; margin-top: 0.6rem; } dl dd { margin-left: 1rem; font-size: 0.9rem; }
        footer { margin-top: 2rem; color: var(--muted); font-size: 0.8rem; border-top: 1px solid var(--line); }
        @page { size: A4; margin: 15mm; }
        @media print { body { margin: 0; max-width: none; font-size: 10pt; } h2 { break-after: avoid; } .appendix { break-before: page; } a { color: inherit; text-decoration: none; } }
        """
}
