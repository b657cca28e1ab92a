import ImpactEngine
import ImpactLanguage

/// The same report as Markdown: the content of the HTML page with tables instead of charts.
public struct MarkdownReport {
    public let data: ReportData
    public let text: ReportText

    public init(data: ReportData, text: ReportText) {
        self.data = data
        self.text = text
    }

    private var html: HTMLReport { HTMLReport(data: data, text: text) }

    /// Text from data or definitions, safe to place in a line of Markdown.
    private func e(_ value: String) -> String { MarkdownText.escape(value) }

    /// Cells are plain text throughout, so every cell is escaped here.
    private func table(_ header: [String], _ rows: [[String]]) -> String {
        (["| " + header.map(e).joined(separator: " | ") + " |", "|" + header.map { _ in "---|" }.joined()]
            + rows.map { "| " + $0.map(e).joined(separator: " | ") + " |" }).joined(separator: "\n")
    }

    private func value(_ result: IndicatorResult?, unit: Unit?) -> String {
        guard let result else { return "–" }
        guard let number = result.value else { return text.statusWord(result.status) }
        return text.format(number, unit: unit) + (result.status == .provisional ? " (v)" : "")
    }

    public var markdown: String {
        let parts = heading + scorecard + actionLines + alerts + milestones + appendices
        return parts.joined(separator: "\n") + "\n"
    }

    private var heading: [String] {
        let latest = data.batches.map(\.finished).max().map(text.date) ?? "–"
        let sources = Array(Set(data.entries.compactMap(\.indicator.source))).sorted()
        return [
            "# \(text.reportTitle)", "",
            "**\(e(data.region.name))**" + (data.programme?.title.map { " · \(e($0))" } ?? ""), "",
            "- \(text.period): \(data.period.code)" + (data.compare.map { " (\(text.comparedWith) \($0.code))" } ?? ""),
            "- \(text.dataAsOf): \(text.deliveries(data.batches.count)), \(text.pick("laatste", "latest")) \(latest)",
            "- \(text.sources): " + e(sources.joined(separator: "; ")), "",
            data.suppressionApplied ? "_\(text.suppressionNote)_" : "**\(text.noSuppressionNote)**", "",
        ] + (data.hasFigures ? [] : [noFiguresNotice, ""])
    }

    private var noFiguresNotice: String {
        "**" + e(text.noFigures(region: data.region.name, period: data.period.code)) + "**"
    }

    private var scorecard: [String] {
        let columns = [text.indicator, data.compare?.code ?? "–", data.period.code, text.change, text.verdict,
                       text.significance, text.target, text.distance, text.trend, text.status]
        return ["## \(text.scorecard)", "", table(columns, data.entries.map(scorecardRow))]
    }

    /// The tests, targets and flags come from the HTML renderer, so both formats say the same.
    private func scorecardRow(_ entry: ReportData.Entry) -> [String] {
        let unit = entry.indicator.unit?.value
        let diff = entry.diff
        let change = diff?.absoluteChange.map { ($0 > 0 ? "+" : "") + text.format($0, unit: unit) } ?? "–"
        let verdict = diff.map { diff in
            "\(diff.verdict.arrow.split(separator: " ").first ?? "") \(text.verdictWord(diff.verdict))"
        }
        let trend = entry.trend.direction == 0 ? "→"
            : "\(entry.trend.direction > 0 ? "↑" : "↓") \(entry.trend.periods) \(text.periodsWord)"
        return [text.title(entry.indicator), value(entry.prior, unit: unit), value(entry.current, unit: unit), change,
                verdict ?? "–", strip(html.significance(diff)), strip(html.target(entry.target, unit: unit)),
                strip(html.distance(entry)), trend, strip(html.flags(entry.current))]
    }

    private var actionLines: [String] {
        var parts = ["", "## \(text.actionLines)", "", text.legend]
        for line in data.programme?.lines ?? [] {
            let entries = data.entries.filter { $0.indicator.line?.value == line.id.value }
            guard !entries.isEmpty else { continue }
            parts += ["", "### \(e(line.title))"] + entries.flatMap(indicatorSection)
        }
        return parts
    }

    private func indicatorSection(_ entry: ReportData.Entry) -> [String] {
        let unit = entry.indicator.unit?.value
        let kind = "_\(text.criterionWord(entry.indicator.criterion)) · \(e(entry.indicator.source ?? ""))_"
        let history = entry.history.map { [$0.period, value($0, unit: unit), text.statusWord($0.status)] }
        var parts = ["", "#### \(e(text.title(entry.indicator)))", "", kind, "",
                     table([text.period, text.value, text.status], history)]
        if !entry.members.isEmpty {
            let members = entry.members.map { [data.geography.unit($0.geo)?.name ?? $0.geo, value($0, unit: unit)] }
            parts += ["", "\(text.municipalities) (\(data.period.code)):", "",
                      table([text.pick("Gebied", "Area"), text.value], members)]
        }
        return parts
    }

    private var alerts: [String] {
        let columns = [text.indicator, text.pick("Regel", "Rule"), text.pick("Gebied", "Area"), text.period]
        let rows = data.firing.map { alert in
            let area = data.geography.unit(alert.geo)?.name ?? alert.geo
            return [text.alertTitle(alert), text.alertRule(alert), area, alert.period]
        }
        return ["", "## \(text.alerts)", "", rows.isEmpty ? text.noAlerts : table(columns, rows)]
    }

    private var milestones: [String] {
        let rows = data.milestones.map { milestone in
            let indicator = milestone.indicator
            let unit = indicator.unit?.value
            let planning = indicator.status == .available ? "" : " (\(indicator.status.rawValue))"
            return [text.title(indicator), text.date(milestone.deadline.iso),
                    milestone.target.comparison.rawValue + " " + text.format(milestone.target.value, unit: unit),
                    value(milestone.result, unit: unit) + planning]
        }
        let columns = [text.indicator, text.deadline, text.target, text.achieved]
        return ["", "## \(text.milestones)", "", rows.isEmpty ? text.noMilestones : table(columns, rows)]
    }

    private var appendices: [String] {
        let catalogue = TableRenderer(format: .markdown, locale: text.locale).render(data.catalogue)
        return ["", "## \(text.appendixCoverage)", "", catalogue, "## \(text.appendixDefinitions)", ""]
            + data.entries.map { definition($0.indicator) }
    }

    private func definition(_ indicator: IndicatorDeclaration) -> String {
        let expression = indicator.value.map(ExpressionPrinter.text) ?? "–"
        let unit = indicator.unit?.value.rawValue ?? ""
        let better = "\(text.pick("beter", "better")) \(indicator.polarity?.rawValue ?? "–")"
        let cites = indicator.cites.isEmpty ? "" : " · \(text.cites): \(e(indicator.cites.joined(separator: "; ")))"
        return "- **\(e(text.title(indicator)))** (\(MarkdownText.code(indicator.id.value))): "
            + "\(MarkdownText.code(expression)) · \(e(unit)) · \(e(better))"
            + " · \(text.source): \(e(indicator.source ?? "–"))" + cites
    }

    /// Text content of a small HTML fragment from the HTML renderer, so both formats say the same.
    private func strip(_ fragment: String) -> String {
        var result = ""
        var inTag = false
        for character in fragment {
            switch character {
            case "<": inTag = true
            case ">": inTag = false
            default: if !inTag { result.append(character) }
            }
        }
        return result.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }
}
