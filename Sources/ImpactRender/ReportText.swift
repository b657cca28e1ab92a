import ImpactCore
import ImpactEngine
import ImpactLanguage

/// The sentences of the report in Dutch (for the steering group) and English. Single words of the
/// fixed vocabulary (statuses, verdicts, units, planning) come from `TableText`, the one table the
/// report and the table formats share.
public struct ReportText: Sendable {
    public let language: String
    public var locale: NumberLocale { language == "nl" ? .nl : .en }
    private var nl: Bool { language == "nl" }
    public var words: TableText { TableText(language: nl ? .nl : .en) }

    public init(language: String) { self.language = language == "en" ? "en" : "nl" }

    func pick(_ dutch: String, _ english: String) -> String { nl ? dutch : english }

    var reportTitle: String {
        pick("Monitor huiselijk geweld en kindermishandeling", "Monitor of domestic violence and child abuse")
    }
    var period: String { pick("Periode", "Period") }
    var comparedWith: String { pick("vergeleken met", "compared with") }
    var dataAsOf: String { pick("Gegevens", "Data") }
    var sources: String { pick("Bronnen", "Sources") }
    var summaryTitle: String { pick("Samenvatting", "Summary") }
    var targetsTitle: String { pick("Doelen", "Targets") }
    var scorecard: String { pick("Scorekaart", "Scorecard") }
    var indicator: String { pick("Indicator", "Indicator") }
    var change: String { pick("Verandering", "Change") }
    var verdict: String { pick("Oordeel", "Verdict") }
    var chance: String { pick("Toeval?", "Chance?") }
    var target: String { pick("Doel", "Target") }
    var trend: String { pick("Trend", "Trend") }
    var status: String { pick("Status", "Status") }
    var actionLines: String { pick("Actielijnen", "Action lines") }
    var municipalities: String { pick("Vergelijking van gemeenten", "Comparison of municipalities") }
    var alerts: String { pick("Signalen die nu afgaan", "Alerts currently firing") }
    var noAlerts: String { pick("Er gaan geen signalen af.", "No alerts are firing.") }
    var milestones: String { pick("Mijlpalen", "Milestones") }
    var noMilestones: String { pick("Geen mijlpalen met een uiterste datum.", "No milestones with a deadline.") }
    var deadline: String { pick("Uiterste datum", "Deadline") }
    var achieved: String { pick("Bereikt", "Achieved") }
    var appendixCoverage: String {
        pick("Bijlage A — Dekking en planning van de gegevens", "Appendix A — Data coverage and planning")
    }
    var appendixDefinitions: String { pick("Bijlage B — Definities", "Appendix B — Definitions") }
    var appendixChance: String {
        pick("Bijlage C — Verschil of toeval?", "Appendix C — Difference or chance?")
    }
    var chanceIntro: String {
        pick("Een verandering kan toeval zijn: ook zonder echte verandering schommelen aantallen van jaar tot jaar. "
                + "De toets hieronder zegt hoe waarschijnlijk zo'n verschil door toeval alleen is.",
             "A change can be chance: counts vary from year to year even without a real change. "
                + "The test below says how likely such a difference is by chance alone.")
    }
    var chanceFootnote: String {
        pick("* toeval niet uit te sluiten (zie bijlage C)", "* chance cannot be ruled out (see appendix C)")
    }
    var legend: String {
        pick("● definitief  ○ voorlopig  – – doel  × geen cijfer (ontbreekt of onderdrukt); "
                + "een onderbroken lijn is nooit nul.",
             "● final  ○ provisional  – – target  × no figure (missing or suppressed); "
                + "a broken line is never zero.")
    }
    var suppressionNote: String {
        pick("Om de privacy te beschermen tonen we kleine aantallen niet, en ook geen cijfers waaruit ze terug "
                + "te rekenen zijn.",
             "To protect privacy, small counts are not shown, nor figures from which they could be worked out.")
    }
    var provisionalFootnote: String {
        pick("v: voorlopig cijfer, kan nog veranderen", "v: provisional figure, may still change")
    }
    var noSuppressionNote: String {
        pick("NIET GECONTROLEERD OP ONTHULLING — alleen voor intern gebruik.",
             "NOT DISCLOSURE-CONTROLLED — internal use only.")
    }
    var missing: String { words.phrase("missing", .status) }
    var value: String { pick("Waarde", "Value") }
    var expression: String { pick("Berekening", "Calculation") }
    var unitWord: String { pick("Eenheid", "Unit") }
    var source: String { pick("Bron", "Source") }
    var cites: String { pick("Brondocument", "Source document") }
    var area: String { pick("Gebied", "Area") }
    var rule: String { pick("Regel", "Rule") }
    var firingSince: String { pick("Gaat af", "Firing") }
    var latestPeriod: String { pick("Laatste periode", "Latest period") }
    var otherIndicators: String { pick("Overige indicatoren", "Other indicators") }
    var generated: String { pick("Gemaakt op", "Generated on") }
    var page: String { pick("Pagina", "Page") }

    /// "1 periode", "3 perioden".
    func periods(_ count: Int) -> String {
        "\(count) " + (count == 1 ? pick("periode", "period") : pick("perioden", "periods"))
    }

    /// "1 indicator", "3 indicatoren".
    func indicators(_ count: Int) -> String {
        "\(count) " + (count == 1 ? pick("indicator", "indicator") : pick("indicatoren", "indicators"))
    }

    /// "1 levering", "3 leveringen".
    func deliveries(_ count: Int) -> String {
        "\(count) " + (count == 1 ? pick("levering", "delivery") : pick("leveringen", "deliveries"))
    }

    var caseData: String { pick("Casusgegevens", "Case data") }

    /// One case event source on one line of the header: the months its events cover, how many
    /// deliveries (the latest when) and whether it is synthetic — "Casussen Veilig Thuis West-Brabant:
    /// januari 2017 t/m december 2018, 2 leveringen (30 november 2026), synthetische gegevens".
    func eventDelivery(_ delivery: ReportData.EventDelivery) -> String {
        let latest = delivery.batches.map(\.finished).max().map(date) ?? "–"
        let covered = month(delivery.first) + pick(" t/m ", " to ") + month(delivery.last)
        return "\(delivery.title ?? delivery.source): \(covered), \(deliveries(delivery.batches.count)) (\(latest))"
            + (delivery.synthetic == nil ? "" : ", " + syntheticData)
    }

    var syntheticData: String { pick("synthetische gegevens", "synthetic data") }

    /// "januari 2017" / "January 2017".
    func month(_ date: CivilDate) -> String {
        "\((nl ? Self.months : Self.englishMonths)[date.month - 1]) \(date.year)"
    }

    /// Why a comparison does not hold, in the reader's language.
    public func reason(_ reason: DiffReason) -> String {
        if case .missing(let periods, let statuses) = reason, statuses.contains(where: DiffReason.unjudged.contains) {
            return pick("nog niet te beoordelen voor ", "cannot be judged yet for ") + list(periods.map(periodName))
        }
        guard nl else {
            if case .missing(let periods, _) = reason { return "no figure for " + list(periods.map(periodName)) }
            return reason.english
        }
        switch reason {
        case .differentLengths(let a, let b):
            return "perioden van verschillende lengte (\(a.code) en \(b.code))"
        case .seriesBreak(let series, let date, let note):
            return "breuk in de reeks \(series) op \(self.date(date.iso)): \(note)"
        case .noCrosswalk(_, let name):
            return "\(name) bestaat niet in beide perioden"
        case .missing(let periods, _):
            return "geen cijfer voor " + list(periods.map(periodName))
        case .suppressed:
            return "onderdrukt: kleine aantallen"
        case .boundaryMapped(let from, let to, _, let detail):
            return "\(from) samengenomen tot \(to)" + (detail.map { " (\($0))" } ?? "")
        }
    }

    /// A reason for a table row: as in the report, and for a gap also the statuses behind it
    /// ("geen cijfer voor 2017 (voorlopig)"), which the first screen leaves out; what the phrase
    /// already says ("missing", a case measure not judged yet) and "ok" are left out.
    public func reasonWithStatuses(_ reason: DiffReason) -> String {
        guard case .missing(_, let statuses) = reason else { return self.reason(reason) }
        let said = [ResultStatus.missing.rawValue, ResultStatus.ok.rawValue] + DiffReason.unjudged
        let named = statuses.filter { !said.contains($0) }.map { words.phrase($0, .status) }
        return self.reason(reason) + (named.isEmpty ? "" : " (" + named.joined(separator: ", ") + ")")
    }

    func statusWord(_ status: ResultStatus) -> String { words.phrase(status.rawValue, .status) }

    func verdictWord(_ verdict: Verdict) -> String { words.phrase(verdict.rawValue, .verdict) }

    func criterionWord(_ criterion: Criterion?) -> String { words.phrase(criterion?.rawValue ?? "context", .criterion) }

    func planningWord(_ status: PlanningStatus) -> String { words.phrase(status.rawValue, .planning) }

    func targetStatusWord(_ status: TargetStatus) -> String { words.phrase(status.rawValue, .target) }

    private static let months = ["januari", "februari", "maart", "april", "mei", "juni",
                                 "juli", "augustus", "september", "oktober", "november", "december"]
    private static let englishMonths = ["January", "February", "March", "April", "May", "June",
                                        "July", "August", "September", "October", "November", "December"]

    /// `23 november 2026` / `23 November 2026` from an ISO date or timestamp.
    func date(_ iso: String) -> String {
        guard let date = CivilDate(iso: String(iso.prefix(10))) else { return iso }
        return "\(date.day) \((nl ? Self.months : Self.englishMonths)[date.month - 1]) \(date.year)"
    }

    /// Decimals of an indicator's figures, fixed per unit so a column never mixes 0,37 with 0,514.
    static func decimals(_ unit: Unit?) -> Int {
        switch unit {
        case .count?, .persons?, .days?, .euro?: return 0
        case .percent?, .score?: return 1
        default: return 2
        }
    }

    /// A number with exactly `decimals` decimals and a real minus sign (U+2212).
    func number(_ value: Double, decimals: Int) -> String {
        NumberLocale.withMinusSign(locale.fixed(value, decimals: decimals))
    }

    /// A value with its unit, in the report's number format.
    func format(_ value: Double?, unit: Unit?) -> String {
        guard let value else { return "–" }
        let text = number(value, decimals: Self.decimals(unit))
        return unit == .percent ? text + " %" : text
    }

    /// "+0,14", "−1.522", "−7,9 procentpunt": a change of a percentage is in percentage points.
    func signedChange(_ change: Double, unit: Unit?) -> String {
        let sign = change > 0 ? "+" : ""
        let text = sign + number(change, decimals: Self.decimals(unit))
        return unit == .percent ? text + " " + pick("procentpunt", "percentage points") : text
    }

    /// The absolute change with the relative one in brackets: "−1.522 (−20,1 %)".
    func change(_ diff: DiffResult?, unit: Unit?) -> String {
        guard let diff, let change = diff.absoluteChange else { return "–" }
        let relative = diff.relativeChange.map { share in
            " (" + (share > 0 ? "+" : "") + number(share * 100, decimals: 1) + " %)"
        } ?? ""
        return signedChange(change, unit: unit) + relative
    }

    func symbol(_ comparison: Comparison) -> String {
        switch comparison {
        case .atLeast: return "≥"
        case .atMost: return "≤"
        case .above: return ">"
        case .below: return "<"
        case .equal: return "="
        }
    }

    /// "in 2021" / "op 31 december 2020": when a target is due.
    func due(_ target: Target) -> String {
        switch target.when {
        case .period(let period): return pick("in ", "in ") + period.code
        case .deadline(let date): return pick("op ", "by ") + self.date(date.iso)
        }
    }

    /// "≥ 0,60 in 2021".
    func target(_ target: Target, unit: Unit?) -> String {
        "\(symbol(target.comparison)) \(format(target.value, unit: unit)) \(due(target))"
    }

    /// "↓ 3 jaar op rij gedaald": the direction of the last change and how long it has held, counted
    /// in the report's periods; a bare arrow would read as "stable" also where there is no trend at all.
    func trend(_ trend: ReportData.Trend, grain: Grain) -> String {
        guard trend.periods > 0 else { return pick("nog geen trend", "no trend yet") }
        guard trend.direction != 0 else { return pick("→ gelijk gebleven", "→ level") }
        let rose = trend.direction > 0
        let arrow = rose ? "↑ " : "↓ "
        guard trend.periods > 1 else { return arrow + (rose ? pick("gestegen", "rose") : pick("gedaald", "fell")) }
        let run = "\(trend.periods) " + spans(grain)
        return arrow + (rose ? pick("\(run) op rij gestegen", "rose \(run) running")
                             : pick("\(run) op rij gedaald", "fell \(run) running"))
    }

    /// Several periods of a grain: "jaar", "halfjaren", "kwartalen".
    private func spans(_ grain: Grain) -> String {
        switch grain {
        case .year: return pick("jaar", "years")
        case .half: return pick("halfjaren", "half-years")
        case .quarter: return pick("kwartalen", "quarters")
        case .month: return pick("maanden", "months")
        case .week: return pick("weken", "weeks")
        }
    }

    /// A period code as a reader names it; a code that is no period stays as it is.
    func periodName(_ code: String) -> String { (try? Period.parse(code).period).map(periodName) ?? code }

    /// A period as a reader names it: "2018", "1e halfjaar 2018", "2e kwartaal 2018", "maart 2018".
    func periodName(_ period: Period) -> String {
        let ordinal = nl ? "\(period.index)e" : ["1st", "2nd", "3rd", "4th"][min(period.index, 4) - 1]
        switch period.grain {
        case .year: return period.code
        case .half: return pick("\(ordinal) halfjaar \(period.year)", "\(ordinal) half of \(period.year)")
        case .quarter: return pick("\(ordinal) kwartaal \(period.year)", "Q\(period.index) \(period.year)")
        case .month: return "\((nl ? Self.months : Self.englishMonths)[period.index - 1]) \(period.year)"
        case .week: return pick("week \(period.index) van \(period.year)", "week \(period.index) of \(period.year)")
        }
    }

    /// The significance test in words a non-statistician reads, with the p-value for those who want it.
    func chanceWords(_ diff: DiffResult?) -> String {
        guard let diff else { return "–" }
        if diff.verdict == .notComparable {
            return diff.reasons.isEmpty ? verdictWord(.notComparable) : diff.reasons.map(reason).joined(separator: "; ")
        }
        guard let p = diff.pValue, let significant = diff.significant else {
            return pick("niet getoetst (geen kansmodel voor dit cijfer)",
                        "not tested (no chance model for this figure)")
        }
        let shown = p < 0.0001 ? "p < " + number(0.0001, decimals: 4) : "p = " + number(p, decimals: 3)
        let words = !significant ? pick("toeval niet uit te sluiten", "chance cannot be ruled out")
            : p < 0.001 ? pick("vrijwel zeker geen toeval", "very unlikely to be chance")
            : pick("waarschijnlijk geen toeval", "probably not chance")
        return words + " (\(shown))"
    }

    /// The notes under the scorecard for the marks it uses: chance (*) and provisional (v).
    func scorecardFootnotes(_ data: ReportData) -> [String] {
        let chance = data.entries.contains { chanceMark($0.diff) }
        let provisional = data.entries.contains { entry in
            [entry.prior, entry.current].contains { $0?.status == .provisional && $0?.value != nil }
        }
        return (chance ? [chanceFootnote] : []) + (provisional ? [provisionalFootnote] : [])
    }

    /// Whether the scorecard marks the verdict with the chance footnote.
    func chanceMark(_ diff: DiffResult?) -> Bool { diff?.significant == false }

    func title(_ indicator: IndicatorDeclaration) -> String {
        nl ? (indicator.title ?? indicator.id.value) : (indicator.titleEnglish ?? indicator.title ?? indicator.id.value)
    }

    /// The notice of a report whose period holds no figure at all (a period not delivered yet), with
    /// the nearest periods that have figures, so the reader knows which report to ask for.
    func noFigures(region: String, period: String, elsewhere: [Period]) -> String {
        let empty = pick("Voor \(region) zijn er over \(period) nog geen cijfers: de tabellen en grafieken hieronder "
                            + "zijn leeg.",
                         "There are no figures for \(region) in \(period) yet: the tables and charts below are empty.")
        guard !elsewhere.isEmpty else {
            return empty + pick(" Er zijn voor deze regio nog in geen enkele periode cijfers.",
                                " This region has no figures for any period yet.")
        }
        let periods = list(elsewhere.map(\.code))
        return empty + pick(" Cijfers zijn er voor \(periods).", " Figures exist for \(periods).")
    }

    /// "2017, 2018-H1 en 2019" / "2017, 2018-H1 and 2019".
    func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + pick(" en ", " and ") + items.last!
    }

    /// The indicator's title, or its id when the definitions no longer hold it.
    func alertTitle(_ alert: FiringAlert) -> String { alert.indicator.map(title) ?? alert.indicatorID }

    /// The rule in words ("waarde boven 80,0 %, 2 perioden op rij"); its name only when the
    /// definitions no longer hold it.
    func alertRule(_ alert: FiringAlert) -> String {
        alert.rule.flatMap { AlertRuleWords(text: self).words($0, unit: alert.indicator?.unit?.value) }
            ?? alert.ruleName
    }

    /// Since when an alert fires: "sinds 2018-H1 (vastgesteld op 30 november 2026)".
    func alertSince(_ alert: FiringAlert) -> String {
        guard let period = alert.sincePeriod else { return pick("onbekend", "unknown") }
        let recorded = alert.sinceAt.map { " (" + pick("vastgesteld op ", "recorded on ") + date($0) + ")" } ?? ""
        return pick("sinds ", "since ") + period + recorded
    }

    /// A source document without the archive's file name ("000_9bd7….txt, tabel 1" reads "tabel 1").
    func citation(_ cite: String) -> String {
        let parts = cite.split(separator: ",", maxSplits: 1)
        guard let first = parts.first, first.hasSuffix(".txt") || first.hasSuffix(".pdf") else { return cite }
        return parts.count > 1 ? String(parts[1].drop { $0 == " " }) : ""
    }
}
