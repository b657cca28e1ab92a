import ImpactCompiler
import ImpactCore
import ImpactLanguage
import ImpactStore

/// Keeps the results of the case measures the definitions name over an event source, for every
/// area of the geography and every calendar month, quarter, half-year and year of the events'
/// years, inside the import's transaction: each measure's own statement (over the case days just
/// kept) writes its rows into `case_result`, so an evaluation of those cells reads one row each and
/// gives exactly what the statement gives. Other periods, `--as-of` and measures defined after the
/// import compute from the events until the next import or `impact store refresh`.
public struct CaseResultMaintainer {
    public let store: Store
    public let definitions: DefinitionSet

    public init(store: Store, definitions: DefinitionSet) {
        self.store = store
        self.definitions = definitions
    }

    /// Replaces the source's kept results with those of the current definitions; returns how many
    /// measures it keeps (two indicators with the same measure share them). `change`, what an import
    /// changed, limits the work to the years it can affect; nil recomputes every year. `progress`
    /// is told the measures kept.
    @discardableResult
    public func refresh(source: String, after change: CaseEventChange? = nil,
                        progress: (any ProgressReporter)? = nil) throws -> Int {
        let results = CaseResultStore(store: store)
        guard let dates = try results.eventDates(source: source) else {
            try results.clear(source: source)
            return 0
        }
        let session = EvaluationSession(store: store, definitions: definitions)
        let statements = CaseResultSQL(dialect: session.generator.dialect)
        let units = try session.geography().units.keys.sorted()
        let plans = try measures(over: source, session: session, statements: statements)
        let before = try results.kept()[source, default: [:]]
        for measure in before.keys where plans[measure] == nil { try results.remove(source: source, measure: measure) }
        let holding = CaseResultStore.Kept(years: dates.lowerBound.year...dates.upperBound.year,
                                           dataEnd: dates.upperBound)
        progress?.begin(.caseResults, total: plans.count)
        for (done, (measure, planned)) in plans.sorted(by: { $0.key < $1.key }).enumerated() {
            defer { progress?.advance(to: done + 1) }
            let from = change.flatMap { Self.firstChangedYear(planned.cases, earlier: before[measure], now: holding,
                                                              change: $0) }
            let years = (from ?? holding.years.lowerBound)...holding.years.upperBound
            let request = EvaluationRequest(geos: units, periods: Self.periods(years))
            let keep = statements.keep(planned.cases, measure: measure)
            let arguments = EvaluationSession.requestArguments(request, plan: planned.plan) + keep.fixedParameters
            do {
                try results.keep(source: source, measure: measure, holding: holding, from: from, insert: keep.sql,
                                 arguments: arguments)
            } catch let error as StoreError {
                throw StoreError(code: error.code, message: "cannot keep the results of case indicator "
                                    + "'\(planned.plan.indicator)' over '\(source)': \(error.message)",
                                 sql: error.sql)
            }
        }
        return plans.count
    }

    /// The plans of the indicators whose value is a case measure over the source, by digest.
    private func measures(over source: String, session: EvaluationSession,
                          statements: CaseResultSQL) throws -> [String: (plan: IndicatorPlan, cases: CasePlan)] {
        var plans: [String: (plan: IndicatorPlan, cases: CasePlan)] = [:]
        for indicator in definitions.indicators {
            guard case .caseMeasure(let measure)? = indicator.value?.kind,
                  definitions.cases(measure.cases.value)?.eventSource == source else { continue }
            let plan = try session.placedPlan(indicator.id.value, vintage: .current, useRollups: true)
            if let cases = plan.cases { plans[statements.measureKey(cases)] = (plan, cases) }
        }
        return plans
    }

    /// The first year whose results an import's change can change, when the measure's earlier rows
    /// hold every year before it; nil when every year must be computed. A period's figures depend on
    /// events within it, on look-backs from later periods (later years), on look-forwards from
    /// earlier ones reaching into it and up to the data's end (the window's months before the earlier
    /// of the change and the former end), and, by person, on every person of the case whatever the
    /// date (a case that gained a person counts from its first event). Spells are cut at the end of
    /// their period, so a later end event changes no earlier period.
    static func firstChangedYear(_ plan: CasePlan, earlier: CaseResultStore.Kept?, now: CaseResultStore.Kept,
                                 change: CaseEventChange) -> Int? {
        guard let earlier, let earliest = change.earliestEvent, earlier.years.lowerBound == now.years.lowerBound
        else { return nil }
        var base = min(earliest, earlier.dataEnd)
        var window = 0, byPerson = false
        switch plan.measure {
        case .recurrenceBack(_, _, let person): byPerson = person
        case .recurrenceForward(_, let months, _, let person): (window, byPerson) = (months, person)
        case .distinct, .duration, .exceeding: break
        }
        if byPerson, let grown = change.earliestOfCasesWithNewPersons { base = min(base, grown) }
        // One month more than the window: month arithmetic clamps at the month's end.
        let monthIndex = base.year * 12 + base.month - 1 - window - 1
        let year = monthIndex / 12
        return year > now.years.lowerBound ? year : nil
    }

    /// Every month, quarter, half-year and year of the years, the grains a steering group reads.
    static func periods(_ years: ClosedRange<Int>) -> [Period] {
        years.flatMap { year in [Grain.year, .half, .quarter, .month].flatMap { Period.year(year).subperiods($0) } }
    }

    /// What an event import runs after its merge to keep the source's results (`afterMerge`).
    public func keeping(source: String,
                        progress: (any ProgressReporter)? = nil) -> (CaseEventChange) throws -> Void {
        { change in try refresh(source: source, after: change, progress: progress) }
    }
}
