import ImpactCore
import ImpactEngine
import ImpactLanguage

/// The report's tables as an Excel workbook for those who work on with the figures: the scorecard,
/// the municipalities and the catalogue, each a sheet, in the report's language. Every figure is a
/// number with its unit's decimals; a missing one is an empty cell with its status beside it.
public struct ReportWorkbook {
    public let data: ReportData
    public let text: ReportText

    public init(data: ReportData, text: ReportText) {
        self.data = data
        self.text = text
    }

    public var workbook: Workbook {
        let catalogue = TableWorkbook(text: TableText(language: text.language == "nl" ? .nl : .en))
        return Workbook(sheets: [scorecard, municipalities,
                                 catalogue.sheet(data.catalogue, name: text.pick("Catalogus", "Catalogue")), notes])
    }

    var scorecard: WorkbookSheet {
        let compare = data.compare?.code ?? "–"
        let headers = [text.indicator, text.pick("Titel", "Title"), text.pick("Eenheid", "Unit"),
                       "\(text.value) \(compare)", "\(text.status) \(compare)",
                       "\(text.value) \(data.period.code)", "\(text.status) \(data.period.code)", "n",
                       text.change, text.pick("Relatieve verandering", "Relative change"), text.verdict,
                       text.pick("Reden", "Reason"), text.pick("Toets", "Test"), text.pick("p-waarde", "p-value"),
                       text.pick("Significant", "Significant"), text.pick("Doelvoorwaarde", "Target condition"),
                       text.target, text.pick("Doel voor", "Target for"),
                       text.pick("Afstand tot doel", "Distance to target"), text.trend,
                       text.pick("Kenmerken", "Flags")]
        return WorkbookSheet(name: text.scorecard, headers: headers, rows: data.entries.map(scorecardRow))
    }

    private func scorecardRow(_ entry: ReportData.Entry) -> [WorkbookSheet.Cell] {
        let style = NumberStyle.forUnit(entry.indicator.unit?.value)
        return [.text(entry.indicator.id.value), .text(text.title(entry.indicator)), word(entry.indicator.unit?.value),
                number(entry.prior?.value, style), status(entry.prior),
                number(entry.current?.value, style), status(entry.current), number(entry.current?.n, .whole)]
            + comparison(entry.diff, style: style) + goal(entry, style: style) + [trend(entry), flags(entry.current)]
    }

    /// Change, relative change, verdict, why not comparable, test, p-value and its reading.
    private func comparison(_ diff: DiffResult?, style: NumberStyle) -> [WorkbookSheet.Cell] {
        guard let diff else { return Array(repeating: .empty, count: 7) }
        let reasons = diff.reasons.map(text.reason).joined(separator: "; ")
        return [number(diff.absoluteChange, style), number(diff.relativeChange, .percentage),
                .text(text.verdictWord(diff.verdict)), reasons.isEmpty ? .empty : .text(reasons),
                .text(tableText.word(diff.test.rawValue, column: "test")), number(diff.pValue, .fourDecimals),
                significance(diff)]
    }

    /// The target's condition, value and period or date, and the distance of the current figure to it.
    private func goal(_ entry: ReportData.Entry, style: NumberStyle) -> [WorkbookSheet.Cell] {
        guard let target = entry.target else { return Array(repeating: .empty, count: 4) }
        return [.text(text.symbol(target.comparison)), .number(target.value, style), .text(when(target)),
                number(entry.current?.value.map { $0 - target.value }, style)]
    }

    var municipalities: WorkbookSheet {
        let headers = [text.indicator, text.pick("Titel", "Title"), text.pick("Gemeente", "Municipality"),
                       text.pick("Naam", "Name"), text.period, text.value, text.status, "n",
                       text.pick("Kenmerken", "Flags")]
        let rows = data.entries.flatMap { entry in
            entry.members.map { result -> [WorkbookSheet.Cell] in
                [.text(entry.indicator.id.value), .text(text.title(entry.indicator)), .text(result.geo),
                 data.geography.unit(result.geo).map { .text($0.name) } ?? .empty,
                 .text(result.period), number(result.value, NumberStyle.forUnit(entry.indicator.unit?.value)),
                 status(result), number(result.n, .whole), flags(result)]
            }
        }
        return WorkbookSheet(name: text.pick("Gemeenten", "Municipalities"), headers: headers, rows: rows)
    }

    /// What the sheets hold and what they do not say themselves: scope, disclosure control, gaps.
    var notes: WorkbookSheet {
        let rows: [[String]] = [
            [text.pick("Regio", "Region"), "\(data.region.name) (\(data.region.code))"],
            [text.period, data.period.code],
            [text.pick("Vergeleken met", "Compared with"), data.compare?.code ?? "–"],
            [text.pick("Onthullingscontrole", "Disclosure control"),
             data.suppressionApplied ? text.suppressionNote : text.noSuppressionNote],
            [text.pick("Lege cellen", "Empty cells"),
             text.pick("Een lege cel is nooit nul: de status ernaast zegt waarom er geen cijfer is.",
                       "An empty cell is never zero: the status beside it says why there is no figure.")],
        ]
        return WorkbookSheet(name: text.pick("Toelichting", "Notes"),
                             headers: [text.pick("Onderwerp", "Subject"), text.pick("Toelichting", "Note")],
                             rows: rows.map { $0.map { .text($0) } })
    }

    private var tableText: TableText { TableText(language: text.language == "nl" ? .nl : .en) }

    private func number(_ value: Double?, _ style: NumberStyle) -> WorkbookSheet.Cell {
        value.map { .number($0, style) } ?? .empty
    }

    /// The status of a figure, also when it is there (`definitief`, `voorlopig`); empty without a result.
    private func status(_ result: IndicatorResult?) -> WorkbookSheet.Cell {
        result.map { .text(text.statusWord($0.status)) } ?? .empty
    }

    private func significance(_ diff: DiffResult) -> WorkbookSheet.Cell {
        guard diff.verdict != .notComparable else { return .empty }
        guard let significant = diff.significant else { return .text(text.pick("geen toets", "no test")) }
        return .text(significant ? text.pick("significant", "significant")
                        : text.pick("niet significant", "not significant"))
    }

    private func flags(_ result: IndicatorResult?) -> WorkbookSheet.Cell {
        guard let result, !result.flags.isEmpty else { return .empty }
        return .text(result.flags.map { tableText.word($0, column: "flags") }.joined(separator: ", "))
    }

    private func when(_ target: Target) -> String {
        switch target.when {
        case .period(let period): return period.code
        case .deadline(let date): return text.date(date.iso)
        }
    }

    private func trend(_ entry: ReportData.Entry) -> WorkbookSheet.Cell {
        let trend = entry.trend
        guard trend.direction != 0 else { return .text(text.pick("geen richting", "no direction")) }
        let direction = trend.direction > 0 ? text.pick("stijgend", "rising") : text.pick("dalend", "falling")
        return .text("\(direction), \(text.periods(trend.periods))")
    }

    private func word(_ unit: Unit?) -> WorkbookSheet.Cell {
        guard let unit else { return .empty }
        switch unit {
        case .count: return .text(text.pick("aantal", "count"))
        case .persons: return .text(text.pick("personen", "persons"))
        case .percent: return .text(text.pick("procent", "percent"))
        case .ratio: return .text(text.pick("verhouding", "ratio"))
        case .score: return .text("score")
        case .days: return .text(text.pick("dagen", "days"))
        case .euro: return .text("euro")
        case .ratePer100: return .text(text.pick("per 100", "per 100"))
        case .ratePer1000: return .text(text.pick("per 1.000", "per 1,000"))
        case .ratePer10000: return .text(text.pick("per 10.000", "per 10,000"))
        case .ratePer100000: return .text(text.pick("per 100.000", "per 100,000"))
        }
    }
}
