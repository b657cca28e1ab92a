import ImpactCore
import ImpactLanguage
import ImpactStore

/// The periods nearest to one without figures that do have figures for the region, so an empty
/// report names what to ask for instead ("cijfers zijn er voor 2018-H1").
struct PeriodsWithFigures {
    let publication: Publication

    /// Periods overlapping `period` with a figure of any of `indicators` (longest first, at most
    /// four); without one, the nearest before and the nearest after.
    func nearest(to period: Period, region: String, indicators: [IndicatorDeclaration]) throws -> [Period] {
        let found = try withFigures(try candidates(region: region, except: period), region: region,
                                    indicators: indicators)
        let overlapping = found.filter { $0.start < period.end && period.start < $0.end }
        guard overlapping.isEmpty else {
            return Array(overlapping.sorted { ($1.dayCount, $0.start) < ($0.dayCount, $1.start) }.prefix(4))
        }
        let before = found.filter { $0.end <= period.start }.max { ($0.end, $0.dayCount) < ($1.end, $1.dayCount) }
        let after = found.filter { $0.start >= period.end }.min { ($0.start, -$0.dayCount) < ($1.start, -$1.dayCount) }
        return [before, after].compactMap { $0 }
    }

    /// Every period in which the store holds a value for the region or one of its members.
    private func candidates(region: String, except period: Period) throws -> [Period] {
        let members = publication.geography.memberships.filter { $0.region == region }.map(\.member)
        let areas = Set([region] + members)
        let cells = try ObservationSummary(store: publication.evaluator.store).cellStates(series: [])
        let codes = Set(cells.filter { $0.hasValue && areas.contains($0.geo) }.map(\.period))
        return codes.compactMap { try? Period.parse($0).period }.filter { $0 != period }
    }

    /// The candidates in which at least one indicator has a publishable figure for the region.
    private func withFigures(_ periods: [Period], region: String,
                             indicators: [IndicatorDeclaration]) throws -> [Period] {
        guard !periods.isEmpty else { return [] }
        var found: Set<String> = []
        for indicator in indicators {
            let results = try publication.evaluate(indicator.id.value,
                                                   EvaluationRequest(geos: [region], periods: periods))
            found.formUnion(results.filter { $0.value != nil }.map(\.period))
        }
        return periods.filter { found.contains($0.code) }
    }
}
