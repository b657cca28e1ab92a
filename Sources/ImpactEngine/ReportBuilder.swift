import ImpactCompiler
import ImpactCore
import ImpactLanguage
import ImpactStore

/// Gathers the `ReportData` of one region and period; every figure goes through the publication,
/// so the report shows only what may be published.
public struct ReportBuilder {
    public let publication: Publication
    private var store: Store { publication.evaluator.store }

    public init(publication: Publication) { self.publication = publication }

    private var definitions: DefinitionSet { publication.evaluator.definitions }

    /// The report of `programmes` (default: those of the region) with their indicators only, or
    /// every indicator with `allIndicators` (the others under "other indicators").
    public func build(region code: String, period: Period, compare: Period?,
                      programmes chosen: [ProgrammeDeclaration]? = nil,
                      allIndicators: Bool = false) throws -> ReportData {
        guard let region = publication.geography.unit(code) else {
            throw Planner.PlanError(description: "unknown region '\(code)'")
        }
        let programmes = chosen ?? definitions.programmes.filter { $0.regions.contains(code) }
        let ids = Set(programmes.map(\.id.value))
        let programme = programmes.first
        let indicators = definitions.indicators.filter { indicator in
            indicator.status == .available && indicator.value != nil
                && (allIndicators || programmes.isEmpty || ids.contains(indicator.programme?.value ?? ""))
        }
        let history = try historyPeriods(ending: period)
        let memberships = publication.geography.memberships.filter { $0.region == code && $0.overlaps(period) }
        let members = Set(memberships.map(\.member)).sorted()
        let entries = try indicators.map { indicator in
            try entry(indicator, region: code, period: period, compare: compare, history: history, members: members)
        }
        let firing = try firingAlerts(in: Set(members + [code]))
        let batches = try self.batches()
        let eventDeliveries = try self.eventDeliveries(of: indicators)
        let milestones = try self.milestones(code, programme: programme, period: period)
        let catalogue = try Catalogue(session: publication.evaluator.session).table(programme: programme?.id.value)
        let hasFigures = entries.contains { $0.current?.value != nil }
        let elsewhere = hasFigures ? []
            : try PeriodsWithFigures(publication: publication).nearest(to: period, region: code, indicators: indicators)
        return ReportData(region: region, period: period, compare: compare, programme: programme, batches: batches,
                          eventDeliveries: eventDeliveries, entries: entries, milestones: milestones, firing: firing,
                          catalogue: catalogue,
                          geography: publication.geography, suppressionApplied: publication.suppress,
                          periodsWithFigures: elsewhere)
    }

    /// The alerts firing now for the report's region or its members (another region's alerts are not its
    /// readers' business), with the period and time each began firing.
    func firingAlerts(in areas: Set<String>) throws -> [FiringAlert] {
        let alerts = AlertStore(store: store)
        return try alerts.states().filter { $0.state == .firing && areas.contains($0.geo) }.map { state in
            let indicator = definitions.indicator(state.indicator)
            let since = try alerts.firingSince(indicator: state.indicator, rule: state.rule, geo: state.geo)
            return FiringAlert(indicatorID: state.indicator, ruleName: state.rule, indicator: indicator,
                               rule: indicator?.alerts.first { $0.name.value == state.rule }, geo: state.geo,
                               period: state.period, value: state.value, sincePeriod: since?.period,
                               sinceAt: since?.at)
        }
    }

    /// The prior figure comes from the history when it covers the comparison period, so both
    /// agree; otherwise it is evaluated on its own.
    private func entry(_ indicator: IndicatorDeclaration, region code: String, period: Period, compare: Period?,
                       history: [Period], members: [String]) throws -> ReportData.Entry {
        let id = indicator.id.value
        let past = try publication.evaluate(id, EvaluationRequest(geos: [code], periods: history))
        let current = past.first { $0.period == period.code }
        let prior = compare.flatMap { other in
            past.first { $0.period == other.code }
                ?? (try? publication.evaluate(id, EvaluationRequest(geos: [code], periods: [other])))?.first
        }
        let diff = PeriodDiff(publication: publication)
        let comparison = try compare.map { try diff.diff(id, geos: [code], from: $0, to: period).first } ?? nil
        let memberResults = members.isEmpty ? []
            : try publication.evaluate(id, EvaluationRequest(geos: members, periods: [period]))
        return ReportData.Entry(indicator: indicator, current: current, prior: prior, diff: comparison,
                                target: indicator.target(for: period) ?? nextTarget(indicator, after: period),
                                trend: trend(past), history: past, members: memberResults,
                                minimumDenominator: minimumDenominator(id))
    }

    /// The denominator threshold of a fraction indicator; nil for one that divides nothing.
    func minimumDenominator(_ id: String) -> Double? {
        guard let plan = try? publication.evaluator.session.plan(id), plan.fraction != nil else { return nil }
        return publication.thresholds(for: id, plan: plan, valueIsCount: false).denominator
    }

    /// Every deadline target of the programme, also of indicators whose data is still expected.
    func milestones(_ region: String, programme: ProgrammeDeclaration?,
                    period: Period) throws -> [ReportData.Milestone] {
        let indicators = definitions.indicators.filter {
            programme == nil || $0.programme?.value == programme!.id.value
        }
        return try indicators.flatMap { indicator in
            try indicator.targets.compactMap { target -> ReportData.Milestone? in
                guard case .deadline(let date) = target.when else { return nil }
                let request = EvaluationRequest(geos: [region], periods: [period])
                let result = indicator.value == nil ? nil : try publication.evaluate(indicator.id.value, request).first
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
        try BatchLog(store: store).current().map(Self.batch)
    }

    private static func batch(_ batch: BatchLog.Batch) -> ReportData.Batch {
        ReportData.Batch(id: batch.id, source: batch.source, origin: batch.origin, finished: batch.finished)
    }

    /// The event sources of the report's case indicators that hold current events, each once.
    func eventDeliveries(of indicators: [IndicatorDeclaration]) throws -> [ReportData.EventDelivery] {
        let plans = indicators.compactMap { (try? publication.evaluator.session.plan($0.id.value))?.cases }
        let sources = Dictionary(plans.map { ($0.source, $0.synthetic) }, uniquingKeysWith: { first, _ in first })
        let summary = CaseEventSummary(store: store), log = BatchLog(store: store)
        let definitions = publication.evaluator.session.definitions
        return try sources.keys.sorted().compactMap { source -> ReportData.EventDelivery? in
            guard let coverage = try summary.coverage(source: source) else { return nil }
            let title = definitions.cases.first { $0.eventSource == source }?.title
            return ReportData.EventDelivery(source: source, title: title,
                                            batches: try log.currentCaseEvents(source: source).map(Self.batch),
                                            first: coverage.first, last: coverage.last,
                                            synthetic: sources[source] ?? nil)
        }
    }
}
