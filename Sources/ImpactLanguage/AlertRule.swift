import ImpactCore

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

extension AlertRule.Condition: CustomStringConvertible {
    /// The condition as written in a definition.
    public var description: String {
        switch self {
        case .threshold(let comparison, let value): return "value \(comparison.rawValue) \(NumberText.readable(value))"
        case .change(let comparison, let value, let relative, let reference):
            let amount = NumberText.readable(value) + (relative ? "%" : "")
            return "change \(comparison.rawValue) \(amount) vs \(reference.rawValue)"
        case .targetMissed: return "target missed"
        case .outsideExpectedRange(let deviations, let periods):
            return "outside \(NumberText.readable(deviations)) sd of \(periods) periods"
        }
    }
}
