import ImpactCore
import ImpactEngine
import ImpactLanguage

/// The words of the report in Dutch (for the steering group) and English.
public struct ReportText: Sendable {
    public let language: String
    public var locale: NumberLocale { language == "nl" ? .nl : .en }
    private var nl: Bool { language == "nl" }

    public init(language: String) { self.language = language == "en" ? "en" : "nl" }

    func pick(_ dutch: String, _ english: String) -> String { nl ? dutch : english }

    var reportTitle: String {
        pick("Monitor huiselijk geweld en kindermishandeling", "Monitor of domestic violence and child abuse")
    }
    var period: String { pick("Periode", "Period") }
    var comparedWith: String { pick("vergeleken met", "compared with") }
    var dataAsOf: String { pick("Gegevens", "Data") }
    var sources: String { pick("Bronnen", "Sources") }
    var scorecard: String { pick("Scorekaart", "Scorecard") }
    var indicator: String { pick("Indicator", "Indicator") }
    var change: String { pick("Verandering", "Change") }
    var verdict: String { pick("Oordeel", "Verdict") }
    var significance: String { pick("Toets", "Test") }
    var target: String { pick("Doel", "Target") }
    var distance: String { pick("Afstand tot doel", "Distance to target") }
    var trend: String { pick("Trend", "Trend") }
    var status: String { pick("Status", "Status") }
    var actionLines: String { pick("Actielijnen", "Action lines") }
    var municipalities: String { pick("Vergelijking van gemeenten", "Comparison of municipalities") }
    var alerts: String { pick("Signalen die nu afgaan", "Alerts currently firing") }
    var noAlerts: String { pick("Er gaan geen signalen af.", "No alerts are firing.") }
    var milestones: String { pick("Mijlpalen", "Milestones") }
    var noMilestones: String { pick("Geen mijlpalen met een deadline.", "No milestones with a deadline.") }
    var deadline: String { pick("Deadline", "Deadline") }
    var achieved: String { pick("Behaald", "Achieved") }
    var appendixCoverage: String {
        pick("Bijlage A — Dekking en planning van de gegevens", "Appendix A — Data coverage and planning")
    }
    var appendixDefinitions: String { pick("Bijlage B — Definities", "Appendix B — Definitions") }
    var legend: String {
        pick("● definitief  ○ voorlopig  – – doel  × geen cijfer (ontbreekt of onderdrukt); "
                + "een onderbroken lijn is nooit nul.",
             "● final  ○ provisional  – – target  × no figure (missing or suppressed); "
                + "a broken line is never zero.")
    }
    var suppressionNote: String {
        pick("Kleine aantallen (onder de minimale celgrootte) en cellen waaruit ze terug te rekenen zijn, "
                + "zijn onderdrukt.",
             "Small counts (below the minimum cell size) and cells from which they could be recovered are suppressed.")
    }
    var noSuppressionNote: String {
        pick("NIET GECONTROLEERD OP ONTHULLING — alleen voor intern gebruik.",
             "NOT DISCLOSURE-CONTROLLED — internal use only.")
    }
    var missing: String { pick("geen cijfer", "no figure") }
    var suppressed: String { pick("onderdrukt", "suppressed") }
    var notSignificant: String { pick("niet significant", "not significant") }
    var significant: String { pick("significant", "significant") }
    var noTest: String { pick("geen toets", "no test") }
    var value: String { pick("Waarde", "Value") }
    var expression: String { pick("Berekening", "Calculation") }
    var source: String { pick("Bron", "Source") }
    var cites: String { pick("Brondocument", "Source document") }
    var periodsWord: String { pick("perioden", "periods") }

    /// Why a comparison does not hold, in the reader's language.
    func reason(_ reason: DiffReason) -> String {
        guard language == "nl" else { return reason.english }
        switch reason {
        case .differentLengths(let a, let b):
            return "perioden van verschillende lengte (\(a.code) en \(b.code))"
        case .seriesBreak(let series, let date, let note):
            return "breuk in de reeks \(series) op \(self.date(date.iso)): \(note)"
        case .noCrosswalk(_, let name):
            return "\(name) bestaat niet in beide perioden"
        case .missing(let periods, _):
            return "geen cijfer voor " + periods.joined(separator: " en ")
        case .suppressed:
            return "onderdrukt: kleine aantallen"
        case .boundaryMapped(let from, let to, _, let detail):
            return "\(from) samengenomen tot \(to)" + (detail.map { " (\($0))" } ?? "")
        }
    }

    /// "1 levering", "3 leveringen".
    func deliveries(_ count: Int) -> String {
        "\(count) " + (count == 1 ? pick("levering", "delivery") : pick("leveringen", "deliveries"))
    }

    func statusWord(_ status: ResultStatus) -> String {
        switch status {
        case .ok: return pick("definitief", "final")
        case .provisional: return pick("voorlopig", "provisional")
        case .missing: return missing
        case .incomplete: return pick("onvolledig", "incomplete")
        case .suppressed: return suppressed
        case .insufficientN: return pick("te weinig waarnemingen", "too few observations")
        case .divisionByZero: return pick("deling door nul", "division by zero")
        case .overflow: return pick("getal buiten bereik", "overflow")
        case .notAssessable: return pick("niet te beoordelen", "not assessable")
        case .followUpIncomplete: return pick("nazorgperiode nog niet voorbij", "follow-up incomplete")
        case .notReached: return pick("niet bereikt", "not reached")
        }
    }

    func verdictWord(_ verdict: Verdict) -> String {
        switch verdict {
        case .improved: return pick("verbeterd", "improved")
        case .worsened: return pick("verslechterd", "worsened")
        case .unchanged: return pick("gelijk gebleven", "unchanged")
        case .changed: return pick("veranderd", "changed")
        case .notComparable: return pick("niet vergelijkbaar", "not comparable")
        }
    }

    func criterionWord(_ criterion: Criterion?) -> String {
        switch criterion {
        case .outcome?: return pick("uitkomstcriterium", "outcome criterion")
        case .output?: return pick("outputindicator", "output indicator")
        default: return pick("context", "context")
        }
    }

    private static let months = ["januari", "februari", "maart", "april", "mei", "juni",
                                 "juli", "augustus", "september", "oktober", "november", "december"]
    private static let englishMonths = ["January", "February", "March", "April", "May", "June",
                                        "July", "August", "September", "October", "November", "December"]

    /// `23 november 2026` / `23 November 2026` from an ISO date or timestamp.
    func date(_ iso: String) -> String {
        guard let date = CivilDate(iso: String(iso.prefix(10))) else { return iso }
        return "\(date.day) \((nl ? Self.months : Self.englishMonths)[date.month - 1]) \(date.year)"
    }

    /// A value with its unit, in the report's number format.
    func format(_ value: Double?, unit: Unit?) -> String {
        guard let value else { return "–" }
        switch unit {
        case .percent?: return locale.format(value, decimals: 1) + " %"
        case .ratio?: return locale.format(value, decimals: 3)
        case .score?: return locale.format(value, decimals: 1)
        case .count?, .persons?: return locale.format(value, decimals: 0)
        default: return locale.format(value, decimals: 2)
        }
    }

    func title(_ indicator: IndicatorDeclaration) -> String {
        nl ? (indicator.title ?? indicator.id.value) : (indicator.titleEnglish ?? indicator.title ?? indicator.id.value)
    }

    /// The notice of a report whose period holds no figure at all (a period not delivered yet).
    func noFigures(region: String, period: String) -> String {
        pick("Voor \(region) zijn er over \(period) nog geen cijfers: de tabellen en grafieken hieronder zijn leeg.",
             "There are no figures for \(region) in \(period) yet: the tables and charts below are empty.")
    }

    /// The indicator's title, or its id when the definitions no longer hold it.
    func alertTitle(_ alert: FiringAlert) -> String { alert.indicator.map(title) ?? alert.indicatorID }

    /// The rule's name with its condition as written ("hoge_adviesgraad: value > 20").
    func alertRule(_ alert: FiringAlert) -> String {
        alert.rule?.condition.map { "\(alert.ruleName): \($0)" } ?? alert.ruleName
    }
}
