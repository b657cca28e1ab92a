import ImpactCompiler
import ImpactCore
import ImpactLanguage
import ImpactStore

/// Everything a steering-group report shows, gathered from the store through disclosure control.
/// Rendering (HTML, Markdown) is separate and never touches the store.
public struct ReportData: Sendable {
    public struct Trend: Sendable {
        /// +1 rising, −1 falling, 0 flat or unknown.
        public let direction: Int
        /// For how many consecutive changes the direction has held.
        public let periods: Int
    }

    public struct Entry: Sendable {
        public let indicator: IndicatorDeclaration
        public let current: IndicatorResult?
        public let prior: IndicatorResult?
        public let diff: DiffResult?
        public let target: Target?
        public let trend: Trend
        public let history: [IndicatorResult]
        public let members: [IndicatorResult]
    }

    /// A dated target ("every municipality has a local plan by end 2020") with the share achieved.
    public struct Milestone: Sendable {
        public let indicator: IndicatorDeclaration
        public let deadline: CivilDate
        public let target: Target
        public let result: IndicatorResult?
    }

    public struct Batch: Sendable {
        public let id: Int
        public let source: String
        public let origin: String
        public let finished: String
    }

    public let region: GeoUnit
    public let period: Period
    public let compare: Period?
    public let programme: ProgrammeDeclaration?
    public let batches: [Batch]
    public let entries: [Entry]
    public let milestones: [Milestone]
    public let firing: [(indicator: String, rule: String, geo: String, period: String, value: Double?)]
    public let catalogue: DataTable
    public let geography: Geography
    public let suppressionApplied: Bool
}

public struct ReportBuilder {
    public let publication: Publication
    private var store: Store { publication.evaluator.store }

    public init(publication: Publication) { self.publication = publication }

    private var definitions: DefinitionSet { publication.evaluator.definitions }

    public func build(region code: String, period: Period, compare: Period?) throws -> ReportData {
        guard let region = publication.geography.unit(code) else { throw Planner.PlanError(description: "unknown region '\(code)'") }
        let programme = definitions.programmes.first { $0.region == code }
        let indicators = definitions.indicators.filter { $0.status == .available && $0.value != nil && (programme == nil || $0.programme?.value == programme!.id.value) }
        let history = try historyPeriods(ending: period)
        let diff = PeriodDiff(publication: publication)
        let members = Set(publication.geography.memberships.filter { $0.region == code && $0.overlaps(period) }.map(\.member)).sorted()
        var entries: [ReportData.Entry] = []
        for indicator in indicators {
            let id = indicator.id.value
            let past = try publication.evaluate(id, EvaluationRequest(geos: [code], periods: history))
            let current = past.first { $0.period == period.code }
            let prior = compare.flatMap { other in past.first { $0.period == other.code } ?? (try? publication.evaluate(id, EvaluationRequest(geos: [code], periods: [other])))?.first }
            let comparison = try compare.map { try diff.diff(id, geos: [code], from: $0, to: period).first } ?? nil
            let memberResults = members.isEmpty ? [] : try publication.evaluate(id, EvaluationRequest(geos: members, periods: [period]))
            entries.append(ReportData.Entry(indicator: indicator, current: current, prior: prior, diff: comparison,
                                            target: indicator.target(for: period) ?? nextTarget(indicator, after: period),
                                            trend: trend(past), history: past, members: memberResults))
        }
        let firing = try AlertStore(store: store).states().filter { $0.state == .firing }.map { ($0.indicator, $0.rule, $0.geo, $0.period, $0.value) }
        return ReportData(region: region, period: period, compare: compare, programme: programme, batches: try batches(),
                          entries: entries, milestones: try milestones(code, programme: programme, period: period), firing: firing, catalogue: try Catalogue(session: publication.evaluator.session).table(programme: programme?.id.value),
                          geography: publication.geography, suppressionApplied: publication.suppress)
    }

    /// Every deadline target of the programme, also of indicators whose data is still expected.
    func milestones(_ region: String, programme: ProgrammeDeclaration?, period: Period) throws -> [ReportData.Milestone] {
        try definitions.indicators.filter { programme == nil || $0.programme?.value == programme!.id.value }.flatMap { indicator in
            try indicator.targets.compactMap { target -> ReportData.Milestone? in
                guard case .deadline(let date) = target.when else { return nil }
                let result = indicator.value == nil ? nil : try publication.evaluate(indicator.id.value, EvaluationRequest(geos: [region], periods: [period])).first
                return ReportData.Milestone(indicator: indicator, deadline: date, target: target, result: result)
            }
        }
    }

    /// Every period of the report's grain from the first year with data up to the report period.
    func historyPeriods(ending period: Period) throws -> [Period] {
        let first = try ObservationSummary(store: store).yearsWithData()?.lowerBound ?? period.year
        let start = Period(year: min(first, period.year), grain: period.grain, index: 1) ?? period
        return (try? Period.range(from: start, to: period)) ?? [period]
    }

    /// The first target at or after the period, so the scorecard shows what the region works towards.
    func nextTarget(_ indicator: IndicatorDeclaration, after period: Period) -> Target? {
        indicator.targets.first { target in
            switch target.when {
            case .period(let when): return when.end >= period.end
            case .deadline(let date): return date >= period.start
            }
        }
    }

    /// Direction of the last change and how many changes in a row went that way.
    func trend(_ history: [IndicatorResult]) -> ReportData.Trend {
        let values = history.compactMap(\.value)
        guard values.count >= 2 else { return ReportData.Trend(direction: 0, periods: 0) }
        let changes = zip(values, values.dropFirst()).map { $1 > $0 ? 1 : ($1 < $0 ? -1 : 0) }
        let last = changes.last!
        let run = changes.reversed().prefix { $0 == last }.count
        return ReportData.Trend(direction: last, periods: run)
    }

    func batches() throws -> [ReportData.Batch] {
        try BatchLog(store: store).current().map { ReportData.Batch(id: $0.id, source: $0.source, origin: $0.origin, finished: $0.finished) }
    }
}
