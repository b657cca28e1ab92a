import ImpactCore
import ImpactLanguage

/// A case measure resolved against its `cases` block: the event source, the event types, the
/// filters on index events (dimension aliases expanded) and the window or term in days or months.
/// `CaseSQL` renders it as one statement.
public struct CasePlan: Sendable, Hashable {
    public let source: String
    public let measure: Measure
    public let filters: [PlanFilter]
    /// The cases block's note when its data are synthetic.
    public let synthetic: String?
    public let minimumCell: Int?
    /// Set by `ReadPlanner`: the index events, look-backs and ends of spells come from the kept
    /// `case_day` rows instead of a window and index probes over the events.
    public var readsCaseDays = false
    /// Set by the session when the import keeps this measure's results for every requested cell:
    /// the digest (`CaseResultSQL.measureKey`) they are kept under.
    public var keptResults: String?

    /// Whether the kept case days can answer the measure: its index events are a case's first of a
    /// type, with no filter on role or dimensions (which the case days do not hold). A distinct count
    /// needs every person of the period's events, which they do not hold either.
    public var canReadCaseDays: Bool {
        guard filters.isEmpty else { return false }
        if case .distinct = measure { return false }
        return true
    }

    public enum Measure: Sendable, Hashable {
        case distinct(persons: Bool, events: [String])
        case recurrenceBack(event: String, months: Int, byPerson: Bool)
        case recurrenceForward(event: String, months: Int, after: String, byPerson: Bool)
        case duration(start: String, end: String, statistic: DurationStatistic)
        case exceeding(start: String, end: String, days: Int)
    }

    /// Shares have a numerator and denominator (cases); durations a statistic over n cases.
    public var isShare: Bool {
        switch measure {
        case .recurrenceBack, .recurrenceForward, .exceeding: return true
        case .distinct, .duration: return false
        }
    }

    /// The status of a share without assessable cases: its windows reach past the data.
    public var excludedStatus: String {
        if case .recurrenceBack = measure { return "not_assessable" }
        return "follow_up_incomplete"
    }

    public var description: String {
        let what: String
        switch measure {
        case .distinct(let persons, let events):
            what = "distinct \(persons ? "persons" : "cases") with an event "
                + events.joined(separator: ", ") + " in the period"
        case .recurrenceBack(let event, let months, let byPerson):
            what = "share of cases whose first \(event) in the period has an earlier \(event) of the same "
                + "\(byPerson ? "person" : "case") within \(months) months before (not assessable when those "
                + "months reach before the data)"
        case .recurrenceForward(let event, let months, let after, let byPerson):
            what = "share of cases with \(after) in the period that have a new \(event) of the same "
                + "\(byPerson ? "person" : "case") within \(months) months after (follow_up_incomplete when "
                + "those months reach past the data)"
        case .duration(let start, let end, let statistic):
            what = "\(statistic.text) days from \(start) to the first \(end) (Kaplan–Meier; cases still open "
                + "at the end of the period or the data are censored)"
        case .exceeding(let start, let end, let days):
            what = "share of cases from \(start) to \(end) taking longer than \(days) days (open cases past "
                + "the term count as exceeding; open cases within it are not yet known)"
        }
        var lines = ["  case measure: " + what, "  event source: \(source) (pseudonymised case events)"]
        if !filters.isEmpty {
            lines.append("  index events: " + filters.map { filter in
                "\(filter.dimension) \(filter.negated ? "not in" : "in") ("
                    + filter.values.map { "\"\($0)\"" }.joined(separator: ", ") + ")"
            }.joined(separator: ", "))
        }
        if keptResults != nil {
            lines.append("  reads: the results kept at import for every area and calendar period of the events' years")
        } else if readsCaseDays {
            lines.append("  reads: the case days kept at import (first events, previous days)")
        }
        if let synthetic { lines.append("  synthetic data: \(synthetic)") }
        return lines.joined(separator: "\n")
    }
}
