import ImpactCore
import ImpactEngine
import ImpactLanguage

/// The report's charts and what stands beside them: the line of an indicator over time with its
/// labelled target, and the municipalities sorted by value with the region as reference. Buckets
/// ("Onbekend", "Buiten regio") and ratios over too few cases stay off the municipalities' scale.
struct ReportCharts {
    let data: ReportData
    let text: ReportText

    /// The municipalities of one indicator, split into what is drawn, what is told apart and the gaps.
    struct Members {
        var drawn: [(name: String, value: Double)] = []
        var apart: [String] = []
        var gaps: [(status: String, names: [String])] = []
    }

    private func unitLabel(_ unit: Unit?) -> String {
        text.words.phrase(unit?.rawValue ?? "count", .unit)
    }

    func line(_ entry: ReportData.Entry) -> LineChart {
        let unit = entry.indicator.unit?.value
        let points = entry.history.map { result in
            LineChart.Point(label: result.period, value: result.value, provisional: result.status == .provisional,
                            gapReason: result.value == nil ? text.statusWord(result.status) : nil)
        }
        var chart = LineChart(title: text.title(entry.indicator), points: points, target: entry.target?.value,
                              locale: text.locale)
        chart.unitLabel = unitLabel(unit)
        chart.targetLabel = entry.target.map { "\(text.target.lowercased()) \(text.target($0, unit: unit))" }
        let decimals = ReportText.decimals(unit)
        chart.valueText = { [text] in text.number($0, decimals: decimals) }
        return chart
    }

    func members(of entry: ReportData.Entry) -> Members {
        let unit = entry.indicator.unit?.value
        var members = Members()
        var gaps: [String: [String]] = [:]
        var order: [String] = []
        for result in entry.members {
            let unitOfArea = data.geography.unit(result.geo)
            let name = unitOfArea?.name ?? result.geo
            let tooFew = entry.minimumDenominator.map { floor in (result.denominator ?? floor) < floor } ?? false
            if let value = result.value, !tooFew, unitOfArea?.kind ?? .area == .area {
                members.drawn.append((name, value))
            } else if let value = result.value {
                members.apart.append(tooFew ? "\(name): " + text.pick("niet getekend, te weinig gevallen",
                                                                       "not drawn, too few cases")
                                     : "\(name): \(text.format(value, unit: unit))")
            } else {
                let status = text.statusWord(result.status)
                if gaps[status] == nil { order.append(status) }
                gaps[status, default: []].append(name)
            }
        }
        members.drawn.sort { $0.value > $1.value }
        members.gaps = order.map { ($0, gaps[$0]!) }
        return members
    }

    /// Whether the region's own figure compares with its municipalities' (a rate does, a total does not).
    private func regionIsReference(_ unit: Unit?) -> Bool {
        switch unit {
        case .count?, .persons?, .euro?, nil: return false
        default: return true
        }
    }

    /// The municipalities' chart in a `details` element, open by default; a sentence when none has a figure.
    func members(_ entry: ReportData.Entry) -> [String] {
        guard !entry.members.isEmpty else { return [] }
        let unit = entry.indicator.unit?.value
        let members = members(of: entry)
        let heading = SVGText.element("summary", "\(text.municipalities) (\(data.period.code))")
        guard !members.drawn.isEmpty else {
            return [SVGText.element("p", ["class": "gap"], SVGText.escape(noMemberFigures(entry)))]
        }
        let bars = members.drawn.map { BarChart.Bar(label: $0.name, value: $0.value) }
        var chart = BarChart(title: "\(text.municipalities): \(text.title(entry.indicator)) \(data.period.code)",
                             bars: bars, locale: text.locale)
        let decimals = ReportText.decimals(unit)
        chart.valueText = { [text] in text.number($0, decimals: decimals) }
        chart.unitLabel = unitLabel(unit)
        if regionIsReference(unit), let value = entry.current?.value {
            chart.reference = BarChart.Reference(label: "\(data.region.name) \(text.format(value, unit: unit))",
                                                 value: value)
        }
        let notes = notes(members).map { SVGText.element("p", ["class": "kind"], SVGText.escape($0)) }
        return ["<details class=\"members\" open>" + heading + SVGText.element("figure", chart.svg)
                + notes.joined() + "</details>"]
    }

    /// "Buiten regio: 69 · Onbekend: 9" and "Geen cijfer: Tholen, Aalburg" under the chart.
    func notes(_ members: Members) -> [String] {
        var notes: [String] = []
        if !members.apart.isEmpty {
            notes.append(text.pick("Apart, niet op de schaal van de gemeenten: ",
                                   "Apart, not on the municipalities' scale: ")
                         + members.apart.joined(separator: " · "))
        }
        notes += members.gaps.map { "\($0.status.prefix(1).uppercased() + $0.status.dropFirst()): "
            + $0.names.joined(separator: ", ") }
        return notes
    }

    /// One sentence instead of a list of gaps.
    func noMemberFigures(_ entry: ReportData.Entry) -> String {
        text.pick("Geen cijfers per gemeente voor \(data.period.code) (\(entry.members.count) gebieden).",
                  "No figures per municipality for \(data.period.code) (\(entry.members.count) areas).")
    }
}
