import ImpactCompiler
import ImpactCore
import ImpactLanguage
import ImpactStore

/// What one command needs to evaluate indicators, loaded once and shared by the evaluator,
/// publication, diffs, contributions, catalogue, reports and alerts: the open store, the checked
/// definitions, the geography, the rollups the store holds, and every plan made so far.
/// One per command and thread; it caches, so it is a class and not `Sendable`.
public final class EvaluationSession {
    public let store: Store
    public let definitions: DefinitionSet
    public let generator: SQLGenerator
    private var plans: [String: IndicatorPlan] = [:]
    private var loadedGeography: Geography?
    private var loadedRollups: RollupStore.Registry?
    private var loadedCaseDays: Set<String>?
    private var loadedCaseResults: [String: [String: CaseResultStore.Kept]]?
    /// Each case indicator's digest (`CaseResultSQL.measureKey`): it renders the statement twice.
    private var measureKeys: [String: String] = [:]
    /// The request's areas and periods as bound (`requestArguments`), by the shifts of the plans
    /// asking: every indicator of a request binds the same text, which took longer to write than
    /// the statement to compile.
    private var boundRequest: (geos: [String], periods: [Period], arguments: [[PeriodShift]: [SQLValue]])?

    /// `generator` defaults to the dialect of the store's engine.
    public init(store: Store, definitions: DefinitionSet, generator: SQLGenerator? = nil) {
        self.store = store
        self.definitions = definitions
        self.generator = generator ?? SQLGenerator(engine: store.database.engine)
    }

    /// What a session has read of the store besides definitions: a session on a second connection to
    /// the same data (`ConcurrentEvaluation`) starts from it instead of reading it again.
    public struct Preloaded: Sendable {
        fileprivate let geography: Geography
        fileprivate let rollups: RollupStore.Registry
        fileprivate let caseDays: Set<String>?
        fileprivate let caseResults: [String: [String: CaseResultStore.Kept]]?
    }

    /// The geography and the rollup registry, read now if not yet, and the case data read so far.
    public func preloaded() throws -> Preloaded {
        Preloaded(geography: try geography(), rollups: try rollupRegistry(), caseDays: loadedCaseDays,
                  caseResults: loadedCaseResults)
    }

    /// A session on another connection to the store `preloaded` was read from.
    public convenience init(store: Store, definitions: DefinitionSet, preloaded: Preloaded) {
        self.init(store: store, definitions: definitions)
        loadedGeography = preloaded.geography
        loadedRollups = preloaded.rollups
        loadedCaseDays = preloaded.caseDays
        loadedCaseResults = preloaded.caseResults
    }

    /// The geography reference, read from the store on first use.
    public func geography() throws -> Geography {
        if let loadedGeography { return loadedGeography }
        let geography = try GeographyStore(store: store).load()
        loadedGeography = geography
        return geography
    }

    /// The indicator's plan, before the choice of where each input reads.
    public func plan(_ id: String) throws -> IndicatorPlan {
        if let plan = plans[id] { return plan }
        let plan = try Planner(definitions: definitions).plan(id)
        plans[id] = plan
        return plan
    }

    /// The statement that evaluates `id` for `request`, with every argument bound: what `eval`
    /// runs and what `explain` prints. `useRollups` false reads observations and events only, no data
    /// derived from them at import.
    public func boundQuery(_ id: String, _ request: EvaluationRequest, useRollups: Bool = true) throws -> BoundQuery {
        var plan = try placedPlan(id, vintage: request.vintage, useRollups: useRollups)
        if useRollups, let cases = plan.cases, let measure = try keptMeasure(id, cases, covering: request) {
            plan.cases?.keptResults = measure
        }
        let query = generator.compile(plan, vintage: request.vintage)
        let arguments = boundArguments(request, plan: plan) + query.fixedParameters
        return BoundQuery(plan: plan, query: query, arguments: arguments)
    }

    private func boundArguments(_ request: EvaluationRequest, plan: IndicatorPlan) -> [SQLValue] {
        if boundRequest?.geos != request.geos || boundRequest?.periods != request.periods {
            boundRequest = (request.geos, request.periods, [:])
        }
        if let arguments = boundRequest?.arguments[plan.shifts] { return arguments }
        let arguments = Self.requestArguments(request, plan: plan)
        boundRequest?.arguments[plan.shifts] = arguments
        return arguments
    }

    /// The indicator's plan with each input placed where it reads (`ReadPlanner`); a case measure
    /// computes from its events or the case days, never from the results kept from them.
    func placedPlan(_ id: String, vintage: Vintage, useRollups: Bool) throws -> IndicatorPlan {
        let rollups = useRollups && vintage == .current ? try rollupRegistry() : nil
        let unplaced = try plan(id)
        let caseDays = useRollups && unplaced.cases != nil && vintage == .current ? try keptCaseDays() : []
        return ReadPlanner.place(unplaced, rollups: rollups, vintage: vintage, caseDays: caseDays)
    }

    /// `?1` and `?2` of every statement: the request's areas and periods.
    static func requestArguments(_ request: EvaluationRequest, plan: IndicatorPlan) -> [SQLValue] {
        [.text(JSONText.array(request.geos)), .text(periodsJSON(request.periods, shifts: plan.shifts))]
    }

    /// The digest the import keeps the measure's results under, when they hold every requested
    /// cell: the current data, a known area, a calendar month, quarter, half-year or year of the kept years.
    private func keptMeasure(_ id: String, _ cases: CasePlan, covering request: EvaluationRequest) throws -> String? {
        guard request.vintage == .current, let kept = try keptCaseResults()[cases.source] else { return nil }
        let measure = measureKeys[id] ?? CaseResultSQL(dialect: generator.dialect).measureKey(cases)
        measureKeys[id] = measure
        guard let years = kept[measure]?.years,
              request.periods.allSatisfy({ $0.grain != .week && years.contains($0.year) }) else { return nil }
        let units = try geography().units
        return request.geos.allSatisfy { units[$0] != nil } ? measure : nil
    }

    private func keptCaseResults() throws -> [String: [String: CaseResultStore.Kept]] {
        if let loadedCaseResults { return loadedCaseResults }
        let kept = try CaseResultStore(store: store).kept()
        loadedCaseResults = kept
        return kept
    }

    private func keptCaseDays() throws -> Set<String> {
        if let loadedCaseDays { return loadedCaseDays }
        let sources = try CaseDayStore(store: store).keptSources()
        loadedCaseDays = sources
        return sources
    }

    private func rollupRegistry() throws -> RollupStore.Registry {
        if let loadedRollups { return loadedRollups }
        let registry = try RollupStore(store: store).registry()
        loadedRollups = registry
        return registry
    }

    /// Each period with its code, length in months and the window of every shift.
    static func periodsJSON(_ periods: [Period], shifts: [PeriodShift]) -> String {
        "[" + periods.map { period in
            let windows = shifts.flatMap { shift -> [String] in
                let shifted = shift.apply(to: period)
                return [JSONText.quote(shifted.start.iso), JSONText.quote(shifted.end.iso)]
            }
            let code = JSONText.quote(period.code)
            return "{\"p\":\(code),\"m\":\(period.grain.months),\"w\":[\(windows.joined(separator: ","))]}"
        }.joined(separator: ",") + "]"
    }
}
