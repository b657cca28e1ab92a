import ImpactCore
import ImpactEngine
import ImpactLanguage

/// The report's first screen in plain words: how the indicators moved and where each target stands.
/// HTML and Markdown render the same sentences.
struct SummaryBlock {
    let summary: ReportSummary
    let data: ReportData
    let text: ReportText

    /// One line per kind of change: its verdict (for the symbol and colour), how many, and the line.
    var counts: [(verdict: Verdict, count: Int, line: String)] {
        var lines = [(Verdict.improved, summary.improved), (.worsened, summary.worsened),
                     (.unchanged, summary.unchanged)].map { verdict, count in
            (verdict, count, "\(count) \(text.verdictWord(verdict))")
        }
        if summary.changed > 0 {
            lines.append((.changed, summary.changed, "\(summary.changed) \(text.verdictWord(.changed)) "
                + text.pick("(hoger of lager is hier niet beter of slechter)",
                            "(neither higher nor lower is better here)")))
        }
        if summary.notComparableCount > 0 {
            let reasons = summary.notComparable.map { group in
                (group.reason.map(text.reason) ?? text.verdictWord(.notComparable))
                    + (summary.notComparable.count > 1 ? " (\(group.count))" : "")
            }
            lines.append((.notComparable, summary.notComparableCount,
                          "\(summary.notComparableCount) \(text.verdictWord(.notComparable)): "
                            + reasons.joined(separator: "; ")))
        }
        return lines
    }

    /// "2018 vergeleken met 2017, 14 indicatoren:".
    var lead: String {
        let compared = data.compare.map { " \(text.comparedWith) \(text.periodName($0))" } ?? ""
        return "\(text.periodName(data.period))\(compared), \(text.indicators(data.entries.count)):"
    }

    /// "Adviesvragen per melding: 0,51 — doel ≥ 0,60 in 2021; op koers bij de huidige trend".
    func targetLine(_ line: ReportSummary.TargetLine) -> String {
        let unit = line.indicator.unit?.value
        let value = line.value.map { text.format($0, unit: unit) } ?? text.missing
        return "\(text.title(line.indicator)): \(value) — \(text.target.lowercased()) "
            + "\(text.target(line.target, unit: unit)); \(statusPhrase(line))"
    }

    func statusPhrase(_ line: ReportSummary.TargetLine) -> String {
        let word = text.targetStatusWord(line.status)
        switch line.status {
        case .met: return word
        case .onTrack, .offTrack:
            return line.projected == nil ? word : word + text.pick(" bij de huidige trend", " at the current trend")
        case .notAssessable:
            return word + (line.value == nil ? text.pick(" (nog geen cijfer)", " (no figure yet)")
                           : text.pick(" (te weinig cijfers voor een trend)", " (too few figures for a trend)"))
        }
    }

    /// Milestones counted per status: "6 mijlpalen: 6 nog niet te beoordelen (nog geen cijfer)".
    var milestoneLine: String? {
        guard !summary.milestones.isEmpty else { return nil }
        let groups = TargetStatus.allCases.compactMap { status -> String? in
            let count = summary.milestones.filter { $0.status == status }.count
            return count == 0 ? nil : "\(count) \(text.targetStatusWord(status))"
        }
        let noFigure = summary.milestones.allSatisfy { $0.value == nil }
            ? text.pick(" (nog niets geleverd)", " (nothing delivered yet)") : ""
        let count = summary.milestones.count
        return "\(count) " + (count == 1 ? text.pick("mijlpaal", "milestone") : text.pick("mijlpalen", "milestones"))
            + ": " + groups.joined(separator: ", ") + noFigure
    }

    /// Every target line with the class that colours it, then the milestones; a sentence when none.
    var targetLines: [(className: String?, line: String)] {
        var lines: [(String?, String)] = summary.targets.map { ("target \($0.status.rawValue)", targetLine($0)) }
        if let milestoneLine { lines.append((nil, milestoneLine)) }
        if lines.isEmpty {
            lines.append((nil, text.pick("Geen indicator heeft een doel.", "No indicator has a target.")))
        }
        return lines
    }

    var html: String {
        let e = SVGText.escape
        let items = counts.map { count in
            SVGText.element("li", ["class": "verdict \(count.verdict.rawValue)" + (count.count == 0 ? " zero" : "")],
                            e(count.verdict.arrow) + " " + e(count.line))
        }
        let targets = targetLines.map { target in
            target.className.map { SVGText.element("li", ["class": $0], e(target.line)) }
                ?? SVGText.element("li", e(target.line))
        }
        return [SVGText.tag("section", ["id": "summary"]), SVGText.element("h2", e(text.summaryTitle)),
                SVGText.tag("div", ["class": "summary-grid"]),
                SVGText.element("div", SVGText.element("p", ["class": "lead"], e(lead))
                                + SVGText.element("ul", ["class": "counts"], items.joined())),
                SVGText.element("div", SVGText.element("p", ["class": "lead"], e(text.targetsTitle + ":"))
                                + SVGText.element("ul", ["class": "targets"], targets.joined())),
                "</div>", "</section>"].joined(separator: "\n")
    }

    var markdown: [String] {
        let e = MarkdownText.escape
        return ["## \(text.summaryTitle)", "", e(lead), ""]
            + counts.map { "- \($0.verdict.arrow) \(e($0.line))" }
            + ["", "\(text.targetsTitle):", ""] + targetLines.map { "- " + e($0.line) } + [""]
    }
}
