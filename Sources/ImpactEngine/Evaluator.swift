import Foundation
import ImpactCompiler
import ImpactCore
import ImpactLanguage
import ImpactStatistics
import ImpactStore

/// Which areas and periods to evaluate.
public struct EvaluationRequest: Sendable {
    public var geos: [String]
    public var periods: [Period]
    public var vintage: Vintage

    public init(geos: [String], periods: [Period], vintage: Vintage = .current) {
        self.geos = geos
        self.periods = periods
        self.vintage = vintage
    }
}

/// Evaluates indicators against the store: one statement per indicator, whatever the number of
/// areas and periods.
public struct Evaluator {
    public let store: Store
    public let definitions: DefinitionSet
    public let generator: SQLGenerator
    /// Read maintained rollups where they answer the question (current vintage only).
    public var useRollups = true
    /// Serve repeated evaluations of the same question on the same data from the result cache.
    public var useCache = true
    /// "series|dims" → the aggregation rule its rollups were built with.
    private let rollupRegistry: [String: String]

    public init(store: Store, definitions: DefinitionSet, generator: SQLGenerator = SQLGenerator()) {
        self.store = store
        self.definitions = definitions
        self.generator = generator
        rollupRegistry = (try? store.database.query("SELECT s.key, r.dims, r.rule FROM rollup_series AS r JOIN series AS s ON s.id = r.series_id") {
            ("\($0.string(0)!)|\($0.string(1)!)", $0.string(2)!)
        }).map { Dictionary($0, uniquingKeysWith: { a, _ in a }) } ?? [:]
    }

    /// Inputs a rollup can answer: eligible, current data, and rollups built with the same rule.
    func rollupInputs(_ plan: IndicatorPlan, vintage: Vintage) -> Set<Int> {
        guard useRollups, vintage == .current else { return [] }
        return Set(plan.inputs.indices.filter { index in
            let input = plan.inputs[index]
            return input.rollupDimensions.map { rollupRegistry["\(input.key)|\($0)"] == input.rule } ?? false
        })
    }

    public func evaluate(_ id: String, _ request: EvaluationRequest) throws -> [IndicatorResult] {
        let plan = try Planner(definitions: definitions).plan(id)
        let query = generator.compile(plan, vintage: request.vintage, rollups: rollupInputs(plan, vintage: request.vintage))
        let arguments = [SQLValue.text(Self.geosJSON(request.geos)), .text(Self.periodsJSON(request.periods, shifts: plan.shifts))] + query.fixedParameters
        let cache = ResultCache(database: store.database)
        let planning = definitions.indicator(id).map(\.status) ?? .available
        let key = ResultCache.key(id: id, sql: query.sql, arguments: arguments, minimumN: plan.minimumN, planning: planning.rawValue)
        let cacheable = useCache && request.vintage == .current
        if cacheable, let cached = try cache.lookup(key) { return cached }
        let results = try run(query, arguments: arguments, plan: plan, id: id, planning: planning)
        if cacheable { cache.store(key, results) }
        return results
    }

    private func run(_ query: CompiledQuery, arguments: [SQLValue], plan: IndicatorPlan, id: String, planning: PlanningStatus) throws -> [IndicatorResult] {
        let statement = try store.database.statement(query.sql)
        let hasFraction = plan.fraction != nil
        return try statement.query(arguments) { row in
            let inputs = (0..<query.inputCount).map { index -> InputCell in
                let base = SQLGenerator.cellColumns.count + index * SQLGenerator.inputColumns.count
                return InputCell(value: row.double(base), n: row.double(base + 1), provisional: row.int(base + 2) == 1,
                                 suppressed: row.int(base + 3) == 1, complete: row.int(base + 4) != 0, partial: row.int(base + 5) == 1,
                                 present: row.int(base + 6) == 1)
            }
            var result = IndicatorResult(indicator: id, geo: row.string(0)!, period: row.string(1)!, value: row.double(2), numerator: row.double(3),
                                         denominator: row.double(4), divisionByZero: row.int(5) == 1, inputs: inputs, minimumN: plan.minimumN, hasFraction: hasFraction)
            // Data that is not delivered yet says so, instead of looking like a gap.
            if planning != .available { result.flags.append("planning_\(planning.rawValue)") }
            return result
        }
    }

    static func geosJSON(_ geos: [String]) -> String { JSONText.array(geos) }

    /// Each period with its code, length in months and the window of every shift.
    static func periodsJSON(_ periods: [Period], shifts: [PeriodShift]) -> String {
        "[" + periods.map { period in
            let windows = shifts.flatMap { shift -> [String] in
                let shifted = shift.apply(to: period)
                return [JSONText.quote(shifted.start.iso), JSONText.quote(shifted.end.iso)]
            }
            return "{\"p\":\(JSONText.quote(period.code)),\"m\":\(period.grain.months),\"w\":[\(windows.joined(separator: ","))]}"
        }.joined(separator: ",") + "]"
    }
}
