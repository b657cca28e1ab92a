import Foundation
import ImpactCore
import ImpactEngine
import ImpactLanguage

/// Evaluates a rule's condition for one area and period from evaluated indicator values.
public struct AlertCondition {
    public let rule: AlertRule
    public let indicator: IndicatorDeclaration

    /// Periods whose values the condition needs besides `period` itself.
    public static func history(for rule: AlertRule, at period: Period) -> [Period] {
        switch rule.condition {
        case .change(_, _, _, .previous)?: return [period.previous]
        case .change(_, _, _, .lastYear)?: return [period.sameLastYear]
        case .outsideExpectedRange(_, let count)?: return (1...max(1, count)).map { period.shifted(by: -$0) }
        default: return []
        }
    }

    /// Active, inactive, or no data (missing value, suppressed, or n below the rule's minimum).
    public func observe(_ current: IndicatorResult?, history: [String: IndicatorResult],
                        period: Period) -> AlertObservation {
        guard let current, let value = current.value else { return .noData }
        if let minimumN = rule.minimumN, (current.n ?? 0) < minimumN { return .noData }
        switch rule.condition {
        case .threshold(let comparison, let limit)?:
            return comparison.holds(value, limit) ? .active : .inactive
        case .change(let comparison, let amount, let relative, let reference)?:
            let earlier = reference == .previous ? period.previous : period.sameLastYear
            guard let before = history[earlier.code]?.value else { return .noData }
            if relative && before == 0 { return .noData }
            let change = relative ? 100 * (value - before) / abs(before) : value - before
            return comparison.holds(change, amount) ? .active : .inactive
        case .targetMissed?:
            guard let target = indicator.target(for: period) else { return .noData }
            return target.comparison.holds(value, target.value) ? .inactive : .active
        case .outsideExpectedRange(let deviations, let count)?:
            let past = (1...max(1, count)).compactMap { history[period.shifted(by: -$0).code]?.value }
            guard past.count >= 2 else { return .noData }
            let mean = past.reduce(0, +) / Double(past.count)
            let sd = (past.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(past.count - 1)).squareRoot()
            return abs(value - mean) > deviations * sd ? .active : .inactive
        case nil:
            return .noData
        }
    }

    /// The rule's summary with its placeholders filled in.
    public func summary(geo: String, geoName: String, period: Period, value: Double?) -> String {
        let template = rule.summary ?? "{title}: {region_name} {period} = {value}"
        let replacements = ["{region}": geo, "{region_name}": geoName, "{period}": period.code,
                            "{value}": value.map { NumberLocale.nl.format($0, decimals: 2) } ?? "–",
                            "{indicator}": indicator.id.value, "{title}": indicator.title ?? indicator.id.value,
                            "{severity}": rule.severity.rawValue]
        return replacements.reduce(template) { $0.replacingOccurrences(of: $1.key, with: $1.value) }
    }
}
