import ImpactCore

/// Why a comparison is not (or only partly) what it seems; rendered in the reader's language.
public enum DiffReason: Sendable, Equatable {
    case differentLengths(Period, Period)
    case seriesBreak(series: String, date: CivilDate, note: String)
    /// The area does not exist in both periods and no succession maps it.
    case noCrosswalk(geo: String, name: String)
    case missing(periods: [String], statuses: [String])
    case suppressed
    /// Predecessors were combined into their successor (informational unless `detail` says otherwise).
    case boundaryMapped(from: String, to: String, code: String, detail: String?)

    /// Statuses of a case measure the data cannot judge yet: a reader is told so, not "no figure".
    public static let unjudged = Set([ResultStatus.notAssessable, .followUpIncomplete, .notReached].map(\.rawValue))

    public var english: String {
        switch self {
        case .differentLengths(let a, let b):
            return "different period lengths: \(a.code) is a \(a.grain.name), \(b.code) a \(b.grain.name)"
        case .seriesBreak(let series, let date, let note):
            return "series break in \(series) on \(date.iso): \(note)"
        case .noCrosswalk(let geo, let name):
            return "\(name) (\(geo)) does not exist in both periods and no succession maps it"
        case .missing(let periods, let statuses):
            return "no value for " + periods.joined(separator: " and ") + " (" + statuses.joined(separator: ", ") + ")"
        case .suppressed:
            return "suppressed: small numbers"
        case .boundaryMapped(let from, let to, let code, let detail):
            return "\(from) mapped onto \(to) (\(code)) by succession weights" + (detail.map { "; \($0)" } ?? "")
        }
    }
}
