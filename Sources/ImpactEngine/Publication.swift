import ImpactCompiler
import ImpactCore
import ImpactLanguage

/// Evaluation as it may be published: with disclosure control over the whole hierarchy of the
/// requested areas, so that no suppressed cell can be recovered from this or any other request.
public struct Publication {
    public let evaluator: Evaluator
    public let geography: Geography
    /// `--min-cell`: raises every threshold to at least this; it never lowers a series' own.
    public let minimumCell: Double?
    /// `--no-suppress`: for internal use only; every row is stamped.
    public let suppress: Bool
    /// What a region role reads of the municipalities its row-level security hides (nothing else changes).
    public let published: PublishedView

    public static let defaultMinimumCell = 5.0
    private static let notControlled = ["not_disclosure_controlled"]

    public init(evaluator: Evaluator, minimumCell: Double? = nil, suppress: Bool = true) throws {
        self.evaluator = evaluator
        self.geography = try evaluator.session.geography()
        self.minimumCell = minimumCell
        self.suppress = suppress
        self.published = try PublishedView(store: evaluator.session.store)
    }

    /// The cells of `request`, disclosure-controlled; another region's hidden municipalities as published.
    public func evaluate(_ id: String, _ request: EvaluationRequest) throws -> [IndicatorResult] {
        try published.apply(controlled(id, request), indicator: id)
    }

    private func controlled(_ id: String, _ request: EvaluationRequest) throws -> [IndicatorResult] {
        guard suppress else {
            return try evaluator.evaluate(id, request).map { result in
                var stamped = result
                // Most results have no flag: they share one array instead of each making its own.
                stamped.flags = result.flags.isEmpty ? Self.notControlled : result.flags + Self.notControlled
                return stamped
            }
        }
        let results = try evaluator.evaluate(id, evaluatedRequest(request))
        let plan = try? evaluator.session.plan(id)
        let unit = evaluator.definitions.indicator(id)?.unit?.value
        let control = DisclosureControl()
        let additive = Self.isAdditive(plan: plan, unit: unit)
        let thresholds = self.thresholds(for: id, plan: plan, valueIsCount: unit == .count || unit == .persons)
        var protected: [IndicatorResult] = []
        for period in request.periods {
            let cells = results.filter { $0.period == period.code }
            let counts = Dictionary(uniqueKeysWithValues: cells.map { ($0.geo, thresholds.counts(of: $0)) })
            let memberships = PeriodMemberships(geography, during: period)
            let groups = additive ? self.groups(for: cells.map(\.geo), memberships) : []
            let hidden = control.suppressed(counts: counts, groups: groups)
            for cell in cells where request.geos.contains(cell.geo) {
                guard hidden.contains(cell.geo) else {
                    protected.append(cell)
                    continue
                }
                let primary = counts[cell.geo]!.contains(where: \.isSmall)
                protected.append(suppressed(cell, primary: primary))
            }
        }
        return Self.ordered(protected, as: request)
    }

    /// The widened request evaluates in its own order; callers get the order they asked for.
    private static func ordered(_ results: [IndicatorResult], as request: EvaluationRequest) -> [IndicatorResult] {
        let geoOrder = Dictionary(request.geos.enumerated().map { ($0.element, $0.offset) }) { first, _ in first }
        let periodCodes = request.periods.enumerated().map { ($0.element.code, $0.offset) }
        let periodOrder = Dictionary(periodCodes) { first, _ in first }
        func position(_ result: IndicatorResult) -> (Int, Int) {
            (geoOrder[result.geo] ?? 0, periodOrder[result.period] ?? 0)
        }
        return results.sorted { position($0) < position($1) }
    }

    /// What is evaluated to publish `request`: with suppression, the whole hierarchy around the
    /// requested areas, so every cell that could reveal a small one is known (`explain` shows this).
    public func evaluatedRequest(_ request: EvaluationRequest) -> EvaluationRequest {
        guard suppress else { return request }
        var widened = request
        widened.geos = hierarchy(around: request.geos, periods: request.periods)
        return widened
    }

    /// The requested areas and everything connected to them through memberships valid in the
    /// periods: their regions in every region set, those regions' members, the members' other
    /// regions, and so on until nothing is added. Suppression decided over this closure is the same
    /// whichever of its areas a command asks for, so `eval`, `diff`, contributions and the report
    /// hide the same cells (a cascade through another region set included).
    func hierarchy(around geos: [String], periods: [Period]) -> [String] {
        var all = geos
        var seen = Set(geos)
        for period in periods {
            let memberships = PeriodMemberships(geography, during: period)
            var queue = geos
            var visited = Set<String>()
            var next = 0
            while next < queue.count {
                let code = queue[next]
                next += 1
                guard visited.insert(code).inserted else { continue }
                if seen.insert(code).inserted { all.append(code) }
                queue += (memberships.regionsOf[code] ?? []) + (memberships.membersOf[code] ?? [])
            }
        }
        return all
    }

    func groups(for geos: [String], _ memberships: PeriodMemberships) -> [DisclosureControl.Group] {
        let present = Set(geos)
        return present.sorted().compactMap { region in
            guard let parts = memberships.membersOf[region] else { return nil }
            return DisclosureControl.Group(total: region, parts: parts.filter(present.contains))
        }
    }

    /// The minimum cell of each published count of an indicator: the largest of the `min_cell` of
    /// the series it is computed from (5 where a series declares none), the indicator's own and
    /// `--min-cell`.
    func thresholds(for id: String, plan: IndicatorPlan?, valueIsCount: Bool) -> CountThresholds {
        let floor = max(evaluator.definitions.indicator(id)?.minimumCell.map(Double.init) ?? 0, minimumCell ?? 0)
        if let cases = plan?.cases {
            let threshold = max(cases.minimumCell.map(Double.init) ?? Self.defaultMinimumCell, floor)
            return CountThresholds(value: valueIsCount ? threshold : nil, numerator: threshold, denominator: threshold,
                                   n: threshold)
        }
        func threshold(_ inputs: Set<Int>) -> Double {
            let series = inputs.compactMap { plan?.inputs[$0].key }
            let declared = series.map {
                evaluator.definitions.series($0)?.minimumCell.map(Double.init) ?? Self.defaultMinimumCell
            }
            return max(declared.max() ?? Self.defaultMinimumCell, floor)
        }
        let all = Set(plan?.inputs.indices.map { $0 } ?? [])
        let fraction = plan?.fraction
        return CountThresholds(value: valueIsCount ? threshold(all) : nil,
                               numerator: threshold(fraction.map { $0.numerator.inputs } ?? all),
                               denominator: threshold(fraction.map { $0.denominator.inputs } ?? all),
                               n: threshold(all))
    }

    /// Sums and fractions of sums add up over areas; survey percentages, scores and distinct persons
    /// (`geo none`: a person known in two municipalities counts once in the region) do not.
    func isAdditive(_ id: String) -> Bool {
        Self.isAdditive(plan: try? evaluator.session.plan(id), unit: evaluator.definitions.indicator(id)?.unit?.value)
    }

    static func isAdditive(plan: IndicatorPlan?, unit: Unit?) -> Bool {
        guard let plan, !plan.inputs.contains(where: { $0.geo == .none }) else { return false }
        // Cases belong to one area each, so case counts and shares add up; a duration does not.
        if let cases = plan.cases { return cases.isShare || plan.fraction == nil && unit != .days }
        return plan.fraction != nil || unit == .count || unit == .persons
    }

    private func suppressed(_ result: IndicatorResult, primary: Bool) -> IndicatorResult {
        var hidden = result
        hidden.value = nil
        hidden.numerator = nil
        hidden.denominator = nil
        hidden.n = nil
        hidden.status = .suppressed
        hidden.flags.append(primary ? "small_cell" : "complementary_suppression")
        return hidden
    }
}
