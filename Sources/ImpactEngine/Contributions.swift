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

    public func rows(_ id: String, region: String, from a: Period, to b: Period, vintage: Vintage = .current) throws -> [Row] {
        let members = Set(publication.geography.memberships.filter { $0.region == region && ($0.overlaps(a) || $0.overlaps(b)) }.map(\.member)).sorted()
        guard !members.isEmpty else { return [] }
        let plan = try publication.evaluator.session.plan(id)
        let geos = [region] + members
        let before = Dictionary(uniqueKeysWithValues: try publication.evaluate(id, EvaluationRequest(geos: geos, periods: [a], vintage: vintage)).map { ($0.geo, $0) })
        let after = Dictionary(uniqueKeysWithValues: try publication.evaluate(id, EvaluationRequest(geos: geos, periods: [b], vintage: vintage)).map { ($0.geo, $0) })
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
            rows.append(Row(indicator: id, region: region, member: "(\(hidden) suppressed)", contribution: nil, note: "small numbers: not shown per area"))
        }
        return rows.sorted { abs($0.contribution ?? 0) > abs($1.contribution ?? 0) }
    }

    private func contribution(_ old: IndicatorResult?, _ new: IndicatorResult?, region: (IndicatorResult?, IndicatorResult?), fraction: Bool) -> Double? {
        guard fraction else {
            guard let a = old?.value, let b = new?.value else { return nil }
            return b - a
        }
        guard let ratioA = region.0.flatMap({ r in r.numerator.flatMap { n in r.denominator.map { n / $0 } } }),
              let regionDenominator = region.1?.denominator, regionDenominator != 0,
              let scale = region.1.flatMap({ r in r.value.flatMap { v in r.numerator.flatMap { n in r.denominator.map { n == 0 ? 1 : v * $0 / n } } } })
        else { return nil }
        guard let numeratorA = old?.numerator, let numeratorB = new?.numerator, let denominatorA = old?.denominator, let denominatorB = new?.denominator else { return nil }
        let deltaN = numeratorB - numeratorA
        let deltaD = denominatorB - denominatorA
        return scale * (deltaN - ratioA * deltaD) / regionDenominator
    }
}
