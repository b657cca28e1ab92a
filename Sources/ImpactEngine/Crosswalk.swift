import ImpactCompiler
import ImpactCore

/// Puts an earlier period on a later period's geography through the successions between them,
/// so that Aalburg + Werkendam + Woudrichem (2018) compare with Altena (2019).
public struct Crosswalk {
    public let geography: Geography
    public let from: Period
    public let to: Period

    public init(geography: Geography, from: Period, to: Period) {
        self.geography = geography
        self.from = from
        self.to = to
    }

    /// Successions that took effect after the earlier period started and by the end of the later one.
    private var steps: [Succession] {
        geography.successions.filter { $0.effective > from.start && $0.effective < to.end }
    }

    /// Old codes whose figures go (in part) to `code`.
    public func predecessors(of code: String) -> [String] {
        steps.filter { $0.newCode == code }.map(\.oldCode).sorted()
    }

    func weight(_ old: String, into code: String) -> Double {
        steps.first { $0.oldCode == old && $0.newCode == code }?.weight ?? 0
    }

    /// Combines the predecessors' results: weighted sums of counts, or of numerators and
    /// denominators for fractions. Non-additive values cannot be mapped and stay missing.
    func combine(_ parts: [IndicatorResult], into code: String, plan: IndicatorPlan,
                 additive: Bool) -> (IndicatorResult?, DiffReason) {
        let names = predecessors(of: code).map { geography.unit($0)?.name ?? $0 }.joined(separator: " + ")
        func note(_ detail: String? = nil) -> DiffReason {
            .boundaryMapped(from: names, to: geography.unit(code)?.name ?? code, code: code, detail: detail)
        }
        if let reason = Self.unmappable(plan: plan, additive: additive) { return (nil, note(reason)) }
        guard let first = parts.first, parts.count == predecessors(of: code).count else {
            return (nil, note("not every predecessor has a value"))
        }
        if parts.contains(where: { $0.status == .suppressed }) {
            var hidden = first
            hidden.status = .suppressed
            return (hidden, note())
        }
        return (weightedSum(parts, into: code, plan: plan), note())
    }

    /// Why a value cannot be carried across a boundary change; nil when its parts add up. A case
    /// share adds up (each case counts in the area of its index event), a distinct count does not:
    /// a person or case with events in two merged areas is one of each area's count. The case
    /// statement reads events by the areas valid on their dates, so it cannot recompute the old
    /// period on the successor's geography either.
    static func unmappable(plan: IndicatorPlan, additive: Bool) -> String? {
        switch plan.cases?.measure {
        case .distinct(let persons, _)?:
            return "distinct \(persons ? "persons" : "cases") are not additive: one with events in two of the "
                + "merged areas would count twice"
        case .duration?:
            return "a duration statistic cannot be combined from the areas' statistics"
        default:
            return additive ? nil : "a non-additive value cannot be mapped"
        }
    }

    /// Missing when any part lacks a figure: a partial sum would read as a fall.
    private func weightedSum(_ parts: [IndicatorResult], into code: String, plan: IndicatorPlan) -> IndicatorResult {
        func weighted(_ value: (IndicatorResult) -> Double?) -> Double? {
            var total = 0.0
            for part in parts {
                guard let number = value(part) else { return nil }
                total += number * weight(part.geo, into: code)
            }
            return total
        }
        var combined = IndicatorResult(indicator: parts[0].indicator, geo: code, period: parts[0].period, value: nil,
                                       numerator: nil, denominator: nil, n: nil, status: .missing,
                                       flags: Array(Set(parts.flatMap(\.flags))).sorted())
        if plan.fraction != nil {
            guard let numerator = weighted({ $0.numerator }), let denominator = weighted({ $0.denominator }),
                  denominator != 0 else { return combined }
            // A scaled fraction (per 100, per 1,000) keeps the scale the predecessors were published in.
            let scale = parts.first(where: { $0.value != nil && $0.numerator != 0 })
                .map { $0.value! * $0.denominator! / $0.numerator! } ?? 1
            combined.numerator = numerator
            combined.denominator = denominator
            combined.n = denominator
            combined.value = scale * numerator / denominator
        } else {
            combined.value = weighted { $0.value }
        }
        let provisional = parts.contains { $0.status == .provisional }
        combined.status = combined.value == nil ? .missing : (provisional ? .provisional : .ok)
        return combined
    }
}
