import ImpactCore

/// A name with where it was written.
public struct Located<Value: Hashable & Sendable>: Hashable, Sendable {
    public let value: Value
    public let range: SourceRange
}

public enum Unit: String, CaseIterable, Sendable {
    case count, persons, percent, ratio, score, days, euro
    case ratePer100 = "rate_per_100", ratePer1000 = "rate_per_1000", ratePer10000 = "rate_per_10000"
    case ratePer100000 = "rate_per_100000"

    static func rate(per factor: Double) -> Unit? {
        switch factor {
        case 100: return .ratePer100
        case 1000: return .ratePer1000
        case 10000: return .ratePer10000
        case 100_000: return .ratePer100000
        default: return nil
        }
    }

    /// Units that count things, so dividing two of them gives a ratio.
    var isCountable: Bool { self == .count || self == .persons }
}

/// How a series combines over months into quarters and years.
public enum TimeAggregation: String, CaseIterable, Sendable {
    /// Flows: events per period add up.
    case sum
    /// Stocks such as population: the value at the end of the period.
    case last
    /// Stocks averaged over the period.
    case average
    /// Survey percentages: the mean weighted by the number of respondents.
    case weighted
    /// Distinct persons: never combined; only figures delivered for exactly the period count.
    case none
}

/// How a series combines from municipalities into regions.
public enum GeoAggregation: String, CaseIterable, Sendable {
    case sum, weighted, none
}

public struct DimensionDeclaration: Sendable {
    public let name: Located<String>
    /// Canonical value → the raw values that mean it (the value itself included). Empty: any value.
    public let values: [String: [String]]
    public let valueRanges: [String: SourceRange]
    public var isOpen: Bool { values.isEmpty }
}

public struct SeriesBreak: Sendable {
    public let date: CivilDate
    public let note: String
    public let range: SourceRange
}

/// `series vt.meldingen { … }`: what a stored series means and how it may be combined — its unit,
/// how it adds up over time and over areas, its dimensions with their aliases, its disclosure
/// threshold and declared breaks. Every input of an indicator resolves to one of these, so the
/// checker can refuse, say, summing a survey percentage over municipalities.
public struct SeriesDeclaration: Sendable {
    public let key: Located<String>
    public var title: String?
    public var unit: Located<Unit>?
    public var time: TimeAggregation = .sum
    public var geo: GeoAggregation = .sum
    public var dimensions: [DimensionDeclaration] = []
    public var minimumCell: Int?
    public var breaks: [SeriesBreak] = []
    public var source: String?
    public var description: String?

    public func dimension(_ name: String) -> DimensionDeclaration? { dimensions.first { $0.name.value == name } }
}

public enum Criterion: String, CaseIterable, Sendable { case outcome, output, context }
public enum Polarity: String, CaseIterable, Sendable { case higher, lower, none }
public enum PlanningStatus: String, CaseIterable, Sendable { case available, expected, planned, notArranged = "not_arranged" }
public enum Comparison: String, CaseIterable, Sendable {
    case atLeast = ">=", atMost = "<=", above = ">", below = "<", equal = "=="

    public func holds(_ left: Double, _ right: Double) -> Bool {
        switch self {
        case .atLeast: return left >= right
        case .atMost: return left <= right
        case .above: return left > right
        case .below: return left < right
        case .equal: return left == right
        }
    }
}

/// `target 2021 >= 0.6` (for a period) or `target by 2020-12-31 >= 100` (a deadline).
public struct Target: Sendable {
    public enum When: Sendable, Equatable {
        case period(Period)
        case deadline(CivilDate)
    }
    public let when: When
    public let comparison: Comparison
    public let value: Double
    public let range: SourceRange
}

public struct AlertRule: Sendable {
    public enum Condition: Sendable, Equatable {
        case threshold(Comparison, Double)
        /// Change against a reference period; `relative` means percent change.
        case change(Comparison, Double, relative: Bool, against: ChangeReference)
        case targetMissed
        /// Outside mean ± k·sd of the last N comparable periods.
        case outsideExpectedRange(deviations: Double, periods: Int)
    }
    public enum ChangeReference: String, CaseIterable, Sendable { case previous, lastYear = "last_year" }
    public enum Severity: String, CaseIterable, Sendable { case info, warning, critical }
    public enum NoDataPolicy: String, CaseIterable, Sendable { case ok, keep, alert }

    public let name: Located<String>
    public var condition: Condition?
    public var forPeriods = 0
    public var keepFiringPeriods = 0
    public var severity: Severity = .warning
    public var minimumN: Double?
    public var levels: [GeoLevel] = []
    public var summary: String?
    public var noData: NoDataPolicy = .keep
}

/// `indicator ID { … }`: one outcome criterion or output indicator as the programme defines it —
/// titles (Dutch, English), where it sits in the programme tree, unit and polarity, the value
/// expression (absent while the data is only planned), targets, alert rules and thresholds.
/// The planner turns its value into an `IndicatorPlan`; the report and catalogue read the rest.
public struct IndicatorDeclaration: Sendable {
    public let id: Located<String>
    public var title: String?
    public var titleEnglish: String?
    public var description: String?
    public var criterion: Criterion?
    public var programme: Located<String>?
    public var line: Located<String>?
    /// The outcome criterion this output indicator serves.
    public var outcome: Located<String>?
    public var unit: Located<Unit>?
    public var polarity: Polarity?
    public var value: Expression?
    public var source: String?
    public var status: PlanningStatus = .available
    public var statusNote: String?
    public var owner: String?
    public var minimumN: Double?
    public var minimumCell: Int?
    public var targets: [Target] = []
    public var alerts: [AlertRule] = []
    public var cites: [String] = []
}

public struct ActionLine: Sendable {
    public let id: Located<String>
    public let title: String
}

public struct ProgrammeDeclaration: Sendable {
    public let id: Located<String>
    public var title: String?
    public var region: String?
    public var lines: [ActionLine] = []
    public var cites: [String] = []
}

/// Everything parsed from all definition files.
public struct DefinitionSet: Sendable {
    public var series: [SeriesDeclaration] = []
    public var indicators: [IndicatorDeclaration] = []
    public var programmes: [ProgrammeDeclaration] = []
    public var sources: [SourceDeclaration] = []

    public init() {}

    public func series(_ key: String) -> SeriesDeclaration? { series.first { $0.key.value == key } }
    public func indicator(_ id: String) -> IndicatorDeclaration? { indicators.first { $0.id.value == id } }
    public func programme(_ id: String) -> ProgrammeDeclaration? { programmes.first { $0.id.value == id } }
}

extension AlertRule.Condition: CustomStringConvertible {
    /// The condition as written in a definition.
    public var description: String {
        switch self {
        case .threshold(let comparison, let value): return "value \(comparison.rawValue) \(NumberText.readable(value))"
        case .change(let comparison, let value, let relative, let reference):
            return "change \(comparison.rawValue) \(NumberText.readable(value))\(relative ? "%" : "") vs \(reference.rawValue)"
        case .targetMissed: return "target missed"
        case .outsideExpectedRange(let deviations, let periods): return "outside \(NumberText.readable(deviations)) sd of \(periods) periods"
        }
    }
}

/// `source csv { expect … }`: the gates of one data source.
public struct SourceDeclaration: Sendable {
    public let id: Located<String>
    public var gates: [ImportGate] = []
}
