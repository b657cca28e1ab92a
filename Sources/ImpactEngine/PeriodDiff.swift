import Foundation
import ImpactCompiler
import ImpactCore
import ImpactLanguage
import ImpactStatistics
import ImpactStore

/// "What changed since last period, and is it real?" Compares two periods per indicator and area
/// with a polarity-aware verdict, a test suited to the unit, and honest reasons when the two
/// periods cannot be compared.
public struct PeriodDiff {
    public let publication: Publication
    public let confidence: Double

    public init(publication: Publication, confidence: Double = 0.95) {
        self.publication = publication
        self.confidence = confidence
    }

    private var definitions: DefinitionSet { publication.evaluator.definitions }
    private var geography: Geography { publication.geography }

    public func diff(_ id: String, geos: [String], from a: Period, to b: Period,
                     vintage: Vintage = .current) throws -> [DiffResult] {
        let plan = try publication.evaluator.session.plan(id)
        let crosswalk = Crosswalk(geography: geography, from: a, to: b)
        let earlierGeos = Array(Set(geos + geos.flatMap { crosswalk.predecessors(of: $0) })).sorted()
        let earlier = EvaluationRequest(geos: earlierGeos, periods: [a], vintage: vintage)
        let resultsA = try publication.evaluate(id, earlier)
        let resultsB = try publication.evaluate(id, EvaluationRequest(geos: geos, periods: [b], vintage: vintage))
        let byGeoA = Dictionary(resultsA.map { ($0.geo, $0) }) { first, _ in first }
        let byGeoB = Dictionary(resultsB.map { ($0.geo, $0) }) { first, _ in first }
        let seriesBreak = self.seriesBreak(plan, a, b)
        let additive = publication.isAdditive(id)
        return geos.map { geo in
            var before = byGeoA[geo]
            var mapped: DiffReason?
            let predecessors = crosswalk.predecessors(of: geo)
            if !predecessors.isEmpty {
                let parts = predecessors.compactMap { byGeoA[$0] }
                (before, mapped) = crosswalk.combine(parts, into: geo, plan: plan, additive: additive)
            }
            var result = compare(id, geo: geo, a: a, b: b, before: before, after: byGeoB[geo], plan: plan)
            if let mapped {
                result.flags.append("boundary_mapped")
                result.reasons.append(mapped)
            }
            if result.verdict != .notComparable,
               let reason = notComparable(geo: geo, a: a, b: b, seriesBreak: seriesBreak,
                                          mapped: !predecessors.isEmpty) {
                result.verdict = .notComparable
                result.reasons.insert(reason, at: 0)
                result.withdrawTest()
            }
            return result
        }
    }

    /// Reasons why two periods cannot be compared even when both have values.
    private func notComparable(geo: String, a: Period, b: Period, seriesBreak: DiffReason?,
                               mapped: Bool) -> DiffReason? {
        if a.grain != b.grain { return .differentLengths(a, b) }
        if let seriesBreak { return seriesBreak }
        if !mapped, let unit = geography.unit(geo), !(unit.overlaps(a) && unit.overlaps(b)) {
            return .noCrosswalk(geo: geo, name: unit.name)
        }
        return nil
    }

    private func seriesBreak(_ plan: IndicatorPlan, _ a: Period, _ b: Period) -> DiffReason? {
        let (first, last) = a.start < b.start ? (a, b) : (b, a)
        for input in plan.inputs {
            let breaks = definitions.series(input.key)?.breaks ?? []
            for declared in breaks where first.start < declared.date && declared.date <= last.start {
                return .seriesBreak(series: input.key, date: declared.date, note: declared.note)
            }
        }
        return nil
    }

    private func compare(_ id: String, geo: String, a: Period, b: Period, before: IndicatorResult?,
                         after: IndicatorResult?, plan: IndicatorPlan) -> DiffResult {
        var result = DiffResult(indicator: id, geo: geo, periodA: a.code, periodB: b.code, valueA: before?.value,
                                valueB: after?.value, verdict: .notComparable)
        if before?.flags.contains("provisional") == true || after?.flags.contains("provisional") == true {
            result.flags.append("provisional")
        }
        if before?.status == .suppressed || after?.status == .suppressed {
            result.valueA = nil
            result.valueB = nil
            result.reasons.append(.suppressed)
            result.flags.append("suppressed")
            return result
        }
        guard let before, let after, let valueA = before.value, let valueB = after.value else {
            let missing = [before?.value == nil ? a.code : nil, after?.value == nil ? b.code : nil].compactMap { $0 }
            let statuses = [before?.status.rawValue, after?.status.rawValue].compactMap { $0 }
            result.reasons.append(.missing(periods: missing, statuses: statuses))
            return result
        }
        test(&result, before: before, after: after, a: a, b: b, plan: plan)
        let polarity = definitions.indicator(id)?.polarity ?? Polarity.none
        if valueA == valueB || result.significant == false {
            result.verdict = .unchanged
        } else if polarity == .none {
            result.verdict = .changed
        } else {
            result.verdict = (valueB > valueA) == (polarity == .higher) ? .improved : .worsened
        }
        if result.test == .none { result.flags.append("untested") }
        return result
    }

    /// Chooses the test from the unit: shares of counts and surveys with n as proportions, counts
    /// and rates as Poisson; anything else has no sampling model.
    private func test(_ result: inout DiffResult, before: IndicatorResult, after: IndicatorResult, a: Period,
                      b: Period, plan: IndicatorPlan) {
        let unit = definitions.indicator(result.indicator)?.unit?.value
        let alpha = 1 - confidence
        func isWhole(_ value: Double?) -> Bool { value.map { $0 >= 0 && $0 == $0.rounded() } ?? false }
        if unit == .percent, let x1 = before.numerator, let n1 = before.denominator,
           let x2 = after.numerator, let n2 = after.denominator, x1 <= n1, x2 <= n2 {
            proportions(&result, x1: x1, n1: n1, x2: x2, n2: n2, alpha: alpha)
        } else if unit == .percent, plan.fraction == nil, let n1 = before.n, let n2 = after.n,
                  let p1 = before.value, let p2 = after.value {
            proportions(&result, x1: p1 / 100 * n1, n1: n1, x2: p2 / 100 * n2, n2: n2, alpha: alpha)
        } else if plan.fraction != nil, isWhole(before.numerator), isWhole(after.numerator),
                  let t1 = before.denominator, let t2 = after.denominator, t1 > 0, t2 > 0 {
            poisson(&result, Int(before.numerator!), t1, Int(after.numerator!), t2, alpha: alpha)
        } else if plan.fraction == nil, unit == .count || unit == .persons,
                  isWhole(before.value), isWhole(after.value) {
            poisson(&result, Int(before.value!), Double(a.dayCount), Int(after.value!), Double(b.dayCount),
                    alpha: alpha)
        }
    }

    private func proportions(_ result: inout DiffResult, x1: Double, n1: Double, x2: Double, n2: Double,
                             alpha: Double) {
        guard let test = ProportionComparison.zTest(x1: x1, n1: n1, x2: x2, n2: n2) else { return }
        let interval = ProportionComparison.newcombe(x1: x1, n1: n1, x2: x2, n2: n2, confidence: confidence)
        result.test = .twoProportion
        result.pValue = test.p
        result.intervalLow = interval.low * 100
        result.intervalHigh = interval.high * 100
        result.significant = test.p < alpha
    }

    private func poisson(_ result: inout DiffResult, _ count1: Int, _ exposure1: Double, _ count2: Int,
                         _ exposure2: Double, alpha: Double) {
        let p = BinomialTest.poissonRates(count1: count1, exposure1: exposure1, count2: count2, exposure2: exposure2)
        result.test = .poissonExact
        result.pValue = p
        result.significant = p < alpha
    }
}
