import ImpactCompiler
import ImpactLanguage
import ImpactStore

/// Evaluates indicators against the store: one statement per indicator, whatever the number of
/// areas and periods, planned and compiled through the command's `EvaluationSession`.
public struct Evaluator {
    public let session: EvaluationSession
    /// Read what the import maintains — rollups, member statistics, case days — where it answers
    /// the question (current vintage only); false reads observations and events only.
    public var useRollups = true
    /// Serve repeated evaluations of the same question on the same data from the result cache.
    public var useCache = true
    /// Called with each statement just before it runs (`impact eval --trace-sql`).
    public var trace: ((BoundQuery) -> Void)?
    /// Takes the results to cache instead of the store: a second thread's read-only connection
    /// hands them to the thread that may write (`ConcurrentEvaluation`).
    var keepInCache: ((_ key: String, _ results: [IndicatorResult]) -> Void)?

    public init(session: EvaluationSession) { self.session = session }

    /// An evaluator with a session of its own, for a single question (tests, one-off tools).
    public init(store: Store, definitions: DefinitionSet) {
        self.init(session: EvaluationSession(store: store, definitions: definitions))
    }

    public var store: Store { session.store }
    public var definitions: DefinitionSet { session.definitions }

    public func evaluate(_ id: String, _ request: EvaluationRequest) throws -> [IndicatorResult] {
        let bound = try session.boundQuery(id, request, useRollups: useRollups)
        let planning = definitions.indicator(id).map(\.status) ?? .available
        let cache = ResultCache(database: store.database)
        // The key hashes the statement and its arguments: made only when the cache is asked.
        let key = useCache && request.vintage == .current
            ? ResultCache.key(id: id, sql: bound.query.sql, arguments: bound.arguments,
                              minimumN: bound.plan.minimumN, planning: planning.rawValue)
            : nil
        if let key, let cached = try cache.lookup(key) { return cached }
        trace?(bound)
        let results = try run(bound, id: id, planning: planning)
        guard let key else { return results }
        if let keepInCache { keepInCache(key, results) } else { cache.store(key, results) }
        return results
    }

    private func run(_ bound: BoundQuery, id: String, planning: PlanningStatus) throws -> [IndicatorResult] {
        let statement = try store.database.statement(bound.query.sql)
        let plan = bound.plan
        if let cases = plan.cases {
            return try statement.query(bound.arguments) { row in
                IndicatorResult(caseRow: row, indicator: id, plan: cases, minimumN: plan.minimumN, planning: planning)
            }
        }
        let hasFraction = plan.fraction != nil
        let inputCount = bound.query.inputCount
        let first = SQLGenerator.cellColumns.count
        let width = SQLGenerator.inputColumns.count
        // One buffer for every row's inputs: a new array per row was a large part of reading them.
        var inputs: [InputCell] = []
        inputs.reserveCapacity(inputCount)
        return try statement.query(bound.arguments) { row in
            inputs.removeAll(keepingCapacity: true)
            for base in stride(from: first, to: first + inputCount * width, by: width) {
                inputs.append(InputCell(value: row.double(base), n: row.double(base + 1),
                                        provisional: row.int(base + 2) == 1, suppressed: row.int(base + 3) == 1,
                                        complete: row.int(base + 4) != 0, partial: row.int(base + 5) == 1,
                                        present: row.int(base + 6) == 1))
            }
            var result = IndicatorResult(indicator: id, geo: row.string(0)!, period: row.string(1)!,
                                         value: row.double(2), numerator: row.double(3), denominator: row.double(4),
                                         divisionByZero: row.int(5) == 1, inputs: inputs, minimumN: plan.minimumN,
                                         hasFraction: hasFraction)
            // Data that is not delivered yet says so, instead of looking like a gap.
            if planning != .available { result.flags.append("planning_\(planning.rawValue)") }
            return result
        }
    }
}
