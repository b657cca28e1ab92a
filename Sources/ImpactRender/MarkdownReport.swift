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

    private func cell(_ value: String) -> String { value.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }

    private func table(_ header: [String], _ rows: [[String]]) -> String {
        (["| " + header.map(cell).joined(separator: " | ") + " |", "|" + header.map { _ in "---|" }.joined()]
            + rows.map { "| " + $0.map(cell).joined(separator: " | ") + " |" }).joined(separator: "\n")
    }

    private func value(_ result: IndicatorResult?, unit: Unit?) -> String {
        guard let result else { return "–" }
        guard let number = result.value else { return text.statusWord(result.status) }
        return text.format(number, unit: unit) + (result.status == .provisional ? " (v)" : "")
    }

    public var markdown: String {
        var parts = ["# \(text.reportTitle)", "", "**\(data.region.name)**" + (data.programme?.title.map { " · \($0)" } ?? ""), "",
                     "- \(text.period): \(data.period.code)" + (data.compare.map { " (\(text.comparedWith) \($0.code))" } ?? ""),
                     "- \(text.dataAsOf): \(text.deliveries(data.batches.count)), \(text.pick("laatste", "latest")) \(data.batches.map(\.finished).max().map(text.date) ?? "–")",
                     "- \(text.sources): " + Array(Set(data.entries.compactMap(\.indicator.source))).sorted().joined(separator: "; "), "",
                     data.suppressionApplied ? "_\(text.suppressionNote)_" : "**\(text.noSuppressionNote)**", "",
                     "## \(text.scorecard)", ""]
        parts.append(table([text.indicator, data.compare?.code ?? "–", data.period.code, text.change, text.verdict, text.significance, text.target, text.distance, text.trend, text.status],
                           data.entries.map { entry in
            let unit = entry.indicator.unit?.value
            let diff = entry.diff
            let change = diff?.absoluteChange.map { ($0 > 0 ? "+" : "") + text.format($0, unit: unit) } ?? "–"
            let verdict = diff.map { "\($0.verdict.arrow.split(separator: " ").first ?? "") \(text.verdictWord($0.verdict))" } ?? "–"
            let trend = entry.trend.direction == 0 ? "→" : "\(entry.trend.direction > 0 ? "↑" : "↓") \(entry.trend.periods) \(text.periodsWord)"
            return [text.title(entry.indicator), value(entry.prior, unit: unit), value(entry.current, unit: unit), change, verdict,
                    strip(html.significance(diff)), strip(html.target(entry.target, unit: unit)), strip(html.distance(entry)), trend, strip(html.flags(entry.current))]
        }))
        parts += ["", "## \(text.actionLines)", "", text.legend]
        for line in data.programme?.lines ?? [] {
            let entries = data.entries.filter { $0.indicator.line?.value == line.id.value }
            guard !entries.isEmpty else { continue }
            parts += ["", "### \(line.title)"]
            for entry in entries {
                let unit = entry.indicator.unit?.value
                parts += ["", "#### \(text.title(entry.indicator))", "", "_\(text.criterionWord(entry.indicator.criterion)) · \(entry.indicator.source ?? "")_", ""]
                parts.append(table([text.period, text.value, text.status], entry.history.map { [$0.period, value($0, unit: unit), text.statusWord($0.status)] }))
                if !entry.members.isEmpty {
                    parts += ["", "\(text.municipalities) (\(data.period.code)):", ""]
                    parts.append(table([text.pick("Gebied", "Area"), text.value], entry.members.map { [data.geography.unit($0.geo)?.name ?? $0.geo, value($0, unit: unit)] }))
                }
            }
        }
        parts += ["", "## \(text.alerts)", ""]
        parts.append(data.firing.isEmpty ? text.noAlerts : table([text.indicator, text.pick("Regel", "Rule"), text.pick("Gebied", "Area"), text.period],
                                                                 data.firing.map { [$0.indicator, $0.rule, $0.geo, $0.period] }))
        parts += ["", "## \(text.milestones)", ""]
        let milestoneRows = data.milestones.map { milestone in
            [text.title(milestone.indicator), text.date(milestone.deadline.iso),
             milestone.target.comparison.rawValue + " " + text.format(milestone.target.value, unit: milestone.indicator.unit?.value),
             value(milestone.result, unit: milestone.indicator.unit?.value) + (milestone.indicator.status == .available ? "" : " (\(milestone.indicator.status.rawValue))")]
        }
        parts.append(milestoneRows.isEmpty ? text.noMilestones : table([text.indicator, text.deadline, text.target, text.achieved], milestoneRows))
        parts += ["", "## \(text.appendixCoverage)", "", TableRenderer(format: .markdown, locale: text.locale).render(data.catalogue), "## \(text.appendixDefinitions)", ""]
        for entry in data.entries {
            let indicator = entry.indicator
            parts.append("- **\(text.title(indicator))** (`\(indicator.id.value)`): `\(indicator.value.map(ExpressionPrinter.text) ?? "–")` · \(indicator.unit?.value.rawValue ?? "") · "
                         + "\(text.pick("beter", "better")) \(indicator.polarity?.rawValue ?? "–") · \(text.source): \(indicator.source ?? "–")"
                         + (indicator.cites.isEmpty ? "" : " · \(text.cites): \(indicator.cites.joined(separator: "; "))"))
        }
        return parts.joined(separator: "\n") + "\n"
    }

    /// Text content of a small HTML fragment from the HTML renderer, so both formats say the same.
    private func strip(_ fragment: String) -> String {
        var result = ""
        var inTag = false
        for character in fragment {
            if character == "<" { inTag = true } else if character == ">" { inTag = false } else if !inTag { result.append(character) }
        }
        return result.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }
}
