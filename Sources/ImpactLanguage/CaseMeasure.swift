/// A measure computed from case events rather than from delivered figures: distinct persons or
/// cases, recurrence looking back or forward, the duration between two events and the share of
/// cases exceeding a term. It is the whole value of an indicator (`docs/indicator-language.md`).
public struct CaseMeasure: Sendable {
    public let cases: Located<String>
    /// Filters on the index events: `role` or a declared dimension.
    public let filters: [DimensionFilter]
    public let kind: Kind

    public enum Kind: Sendable {
        /// Events of these types (any type when empty) in the period.
        case distinctPersons([Located<String>])
        case distinctCases([Located<String>])
        /// A case's first `event` in the period looks back `months` for an earlier `event`.
        case recurrenceBack(event: Located<String>, months: Int, by: RecurrenceKey)
        /// A case's first `after` event in the period looks forward `months` for a new `event`.
        case recurrenceForward(event: Located<String>, months: Int, after: Located<String>, by: RecurrenceKey)
        case duration(CaseSpan, DurationStatistic)
        case exceeding(term: Located<String>)
    }

    public var function: String {
        switch kind {
        case .distinctPersons: return "distinct_persons"
        case .distinctCases: return "distinct_cases"
        case .recurrenceBack, .recurrenceForward: return "recurrence"
        case .duration: return "duration"
        case .exceeding: return "exceeding"
        }
    }

    /// Every event type the measure names, for the checker.
    public var events: [Located<String>] {
        switch kind {
        case .distinctPersons(let events), .distinctCases(let events): return events
        case .recurrenceBack(let event, _, _): return [event]
        case .recurrenceForward(let event, _, let after, _): return [event, after]
        case .duration(.events(let start, let end), _): return [start, end]
        case .duration(.term, _), .exceeding: return []
        }
    }
}

/// Whose earlier or later events count as recurrence: any person of the case, or the case itself.
public enum RecurrenceKey: String, CaseIterable, Sendable {
    case person
    case `case`
}

/// From one event to another, written out or as a declared term.
public enum CaseSpan: Sendable {
    case events(Located<String>, Located<String>)
    case term(Located<String>)
}

/// The statistic of a duration: Kaplan–Meier median or percentile, or the mean (only without
/// censored cases).
public enum DurationStatistic: Sendable, Hashable {
    case median
    case mean
    case percentile(Int)

    public var text: String {
        switch self {
        case .median: return "median"
        case .mean: return "mean"
        case .percentile(let p): return "p\(p)"
        }
    }
}
