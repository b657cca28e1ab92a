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
        markup(header, rows.map { $0.map(e) })
    }

    /// A table of cells that are Markdown already.
    private func markup(_ header: [String], _ rows: [[String]]) -> String {
        (["| " + header.map(e).joined(separator: " | ") + " |", "|" + header.map { _ in "---|" }.joined()]
            + rows.map { "| " + $0.joined(separator: " | ") + " |" }).joined(separator: "\n")
    }

    private func value(_ result: IndicatorResult?, unit: Unit?) -> String {
        guard let result else { return "–" }
        guard let number = result.value else { return text.statusWord(result.status) }
        return text.format(number, unit: unit) + (result.status == .provisional ? " (v)" : "")
    }

    private var charts: ReportCharts { ReportCharts(data: data, text: text) }

    public var markdown: String {
        let summary = SummaryBlock(summary: data.summary, data: data, text: text).markdown
        let parts = heading + summary + scorecard + actionLines + alerts + milestones + appendices
        return parts.joined(separator: "\n") + "\n"
    }

    private var heading: [String] {
        let latest = data.batches.map(\.finished).max().map(text.date) ?? "–"
        let sources = Array(Set(data.entries.compactMap(\.indicator.source))).sorted()
        return [
            "# \(text.reportTitle)", "",
            "**\(e(data.region.name))**" + (data.programme?.title.map { " · \(e($0))" } ?? ""), "",
            "- \(text.period): \(text.periodName(data.period))"
                + (data.compare.map { " (\(text.comparedWith) \(text.periodName($0)))" } ?? ""),
            "- \(text.dataAsOf): \(text.deliveries(data.batches.count)), "
                + "\(text.pick("de laatste op", "the latest on")) \(latest)",
            "- \(text.sources): " + e(sources.joined(separator: "; ")),
        ] + data.eventDeliveries.map { "- \(text.caseData): " + e(text.eventDelivery($0)) } + [
            "",
            data.suppressionApplied ? "_\(text.suppressionNote)_" : "**\(text.noSuppressionNote)**", "",
        ] + (data.hasFigures ? [] : [noFiguresNotice, ""])
    }

    private var noFiguresNotice: String {
        "**" + e(text.noFigures(region: data.region.name, period: data.period.code,
                                elsewhere: data.periodsWithFigures)) + "**"
    }

    private var scorecard: [String] {
        ["## \(text.scorecard)", "", table(html.scorecardColumns, data.entries.map(scorecardRow))]
            + text.scorecardFootnotes(data).flatMap { ["", e($0)] }
    }

    /// Targets and flags come from the HTML renderer, so both formats say the same.
    private func scorecardRow(_ entry: ReportData.Entry) -> [String] {
        let unit = entry.indicator.unit?.value
        let verdict = entry.diff.map { diff in
            "\(diff.verdict.arrow) \(text.verdictWord(diff.verdict))" + (text.chanceMark(diff) ? " *" : "")
        }
        return [text.title(entry.indicator), value(entry.prior, unit: unit), value(entry.current, unit: unit),
                text.change(entry.diff, unit: unit), verdict ?? "–", strip(html.target(entry)),
                text.trend(entry.trend, grain: data.period.grain), strip(html.flags(entry.current))]
    }

    /// Markdown has no charts, so no chart legend: every indicator's figures are a table.
    private var actionLines: [String] {
        var parts = ["", "## \(text.actionLines)"]
        let programmeLines = data.programme?.lines ?? []
        for line in programmeLines {
            let entries = data.entries.filter { data.places($0.indicator, on: line) }
            guard !entries.isEmpty else { continue }
            parts += ["", "### \(e(line.title))"] + entries.flatMap(indicatorSection)
        }
        let unplaced = data.entries.filter { entry in
            !programmeLines.contains { data.places(entry.indicator, on: $0) }
        }
        if !unplaced.isEmpty { parts += ["", "### \(e(text.otherIndicators))"] + unplaced.flatMap(indicatorSection) }
        return parts
    }

    private func indicatorSection(_ entry: ReportData.Entry) -> [String] {
        let unit = entry.indicator.unit?.value
        let kind = "_\(text.criterionWord(entry.indicator.criterion)) · \(e(entry.indicator.source ?? ""))_"
        var parts = ["", "#### \(e(text.title(entry.indicator)))", "", kind, ""]
        if entry.history.contains(where: { $0.value != nil }) {
            let history = entry.history.map { [$0.period, value($0, unit: unit), text.statusWord($0.status)] }
            parts.append(table([text.period, text.value, text.status], history))
        } else {
            parts.append("_" + text.pick("Nog geen cijfer in enige periode.", "No figure in any period yet.") + "_")
        }
        guard !entry.members.isEmpty else { return parts }
        let members = charts.members(of: entry)
        guard !members.drawn.isEmpty else { return parts + ["", "_" + e(charts.noMemberFigures(entry)) + "_"] }
        let rows = members.drawn.map { [$0.name, text.format($0.value, unit: unit)] }
        parts += ["", "\(text.municipalities) (\(data.period.code)):", "", table([text.area, text.value], rows)]
        return parts + charts.notes(members).flatMap { ["", e($0)] }
    }

    private var alerts: [String] {
        let columns = [text.indicator, text.rule, text.area, text.firingSince, text.latestPeriod]
        let rows = data.firing.map { alert in
            let area = data.geography.unit(alert.geo)?.name ?? alert.geo
            return [text.alertTitle(alert), text.alertRule(alert), area, text.alertSince(alert), alert.period]
        }
        return ["", "## \(text.alerts)", "", rows.isEmpty ? text.noAlerts : table(columns, rows)]
    }

    private var milestones: [String] {
        let rows = data.milestones.map { milestone in
            let indicator = milestone.indicator
            let unit = indicator.unit?.value
            let planning = indicator.status == .available ? "" : " (\(text.planningWord(indicator.status)))"
            return [text.title(indicator), text.date(milestone.deadline.iso),
                    text.symbol(milestone.target.comparison) + " " + text.format(milestone.target.value, unit: unit),
                    value(milestone.result, unit: unit) + planning]
        }
        let columns = [text.indicator, text.deadline, text.target, text.achieved]
        return ["", "## \(text.milestones)", "", rows.isEmpty ? text.noMilestones : table(columns, rows)]
    }

    private var appendices: [String] {
        let catalogue = ReportCatalogue(table: data.catalogue, text: text)
        let rows = catalogue.rows.map { $0.map { $0.code ? MarkdownText.code($0.text) : e($0.text) } }
        let chance = data.entries.compactMap { entry -> [String]? in
            entry.diff.map { [text.title(entry.indicator), text.change($0, unit: entry.indicator.unit?.value),
                              text.chanceWords($0)] }
        }
        return ["", "## \(text.appendixCoverage)", "", markup(catalogue.headers, rows), "",
                "## \(text.appendixDefinitions)", ""]
            + data.entries.map { definition($0.indicator) }
            + ["", "## \(text.appendixChance)", "", text.chanceIntro, "",
               table([text.indicator, text.change, text.chance], chance)]
    }

    private func definition(_ indicator: IndicatorDeclaration) -> String {
        let expression = indicator.value.map(ExpressionPrinter.text) ?? "–"
        let unit = text.words.phrase(indicator.unit?.value.rawValue ?? "count", .unit)
        let better = text.words.phrase(indicator.polarity?.rawValue ?? "none", .polarity)
        let cites = indicator.cites.map(text.citation).filter { !$0.isEmpty }
        let cited = cites.isEmpty ? "" : " · \(text.cites): \(e(cites.joined(separator: "; ")))"
        return "- **\(e(text.title(indicator)))** (\(MarkdownText.code(indicator.id.value))): "
            + "\(MarkdownText.code(expression)) · \(text.unitWord.lowercased()): \(e(unit)) · \(e(better))"
            + " · \(text.source): \(e(indicator.source ?? "–"))" + cited
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
