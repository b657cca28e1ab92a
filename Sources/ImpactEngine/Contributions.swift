import ImpactCompiler
import ImpactCore
import ImpactStore

/// Which member areas drive a region's change. For sums each member's change; for fractions the
/// exact split ΔR = Σ (ΔNᵢ − R_A·ΔDᵢ) / D_B, so numerator and denominator effects add up to the change.
public struct Contributions {
    public let publication: Publication

    public init(publication: Publication) { self.publication = publication }

    public struct Row: Sendable {
        public let indicator: String
        public let region: String
        public let member: String
        public let contribution: Double?
        public let note: String?
    }

    public static let columns = ["indicator", "region", "member", "name", "contribution", "share_of_change", "note"]

    public func rows(_ id: String, region: String, from a: Period, to b: Period,
                     vintage: Vintage = .current) throws -> [Row] {
        let memberships = publication.geography.memberships
            .filter { $0.region == region && ($0.overlaps(a) || $0.overlaps(b)) }
        let members = Set(memberships.map(\.member)).sorted()
        guard !members.isEmpty else { return [] }
        let plan = try publication.evaluator.session.plan(id)
        let geos = [region] + members
        let before = try results(id, geos: geos, period: a, vintage: vintage)
        let after = try results(id, geos: geos, period: b, vintage: vintage)
        var rows: [Row] = []
        var hidden = 0
        for member in members {
            let (old, new) = (before[member], after[member])
            if old?.status == .suppressed || new?.status == .suppressed { hidden += 1; continue }
            let share = contribution(old, new, region: (before[region], after[region]), fraction: plan.fraction != nil)
            rows.append(Row(indicator: id, region: region, member: member, contribution: share,
                            note: share == nil ? "no figure for this area in both periods" : nil))
        }
        if hidden > 0 {
            rows.append(Row(indicator: id, region: region, member: "(\(hidden) suppressed)", contribution: nil,
                            note: "small numbers: not shown per area"))
        }
        return rows.sorted { abs($0.contribution ?? 0) > abs($1.contribution ?? 0) }
    }

    private func results(_ id: String, geos: [String], period: Period,
                         vintage: Vintage) throws -> [String: IndicatorResult] {
        let request = EvaluationRequest(geos: geos, periods: [period], vintage: vintage)
        return Dictionary(try publication.evaluate(id, request).map { ($0.geo, $0) }) { first, _ in first }
    }

    private func contribution(_ old: IndicatorResult?, _ new: IndicatorResult?,
                              region: (IndicatorResult?, IndicatorResult?), fraction: Bool) -> Double? {
        guard fraction else {
            guard let a = old?.value, let b = new?.value else { return nil }
            return b - a
        }
        guard let ratioA = region.0.flatMap(Self.ratio),
              let regionDenominator = region.1?.denominator, regionDenominator != 0,
              let scale = region.1.flatMap(Self.scale)
        else { return nil }
        guard let numeratorA = old?.numerator, let numeratorB = new?.numerator,
              let denominatorA = old?.denominator, let denominatorB = new?.denominator else { return nil }
        let deltaN = numeratorB - numeratorA
        let deltaD = denominatorB - denominatorA
        return scale * (deltaN - ratioA * deltaD) / regionDenominator
    }

    private static func ratio(_ result: IndicatorResult) -> Double? {
        guard let numerator = result.numerator, let denominator = result.denominator else { return nil }
        return numerator / denominator
    }

    /// The factor between the value and N / D (100 for a percentage), so that contributions come out
    /// in the indicator's own unit.
    private static func scale(_ result: IndicatorResult) -> Double? {
        guard let value = result.value, let numerator = result.numerator,
              let denominator = result.denominator else { return nil }
        return numerator == 0 ? 1 : value * denominator / numerator
    }
}
