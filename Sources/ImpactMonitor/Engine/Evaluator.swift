import Foundation

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

    public init(store: Store, definitions: DefinitionSet, generator: SQLGenerator = SQLGenerator()) {
        self.store = store
        self.definitions = definitions
        self.generator = generator
    }

    public func evaluate(_ id: String, _ request: EvaluationRequest) throws -> [IndicatorResult] {
        let plan = try Planner(definitions: definitions).plan(id)
        let query = generator.compile(plan, vintage: request.vintage)
        let arguments = [SQLValue.text(Self.geosJSON(request.geos)), .text(Self.periodsJSON(request.periods, shifts: plan.shifts))] + query.fixedParameters
        let statement = try store.database.statement(query.sql)
        let hasFraction = plan.fraction != nil
        let planning = definitions.indicator(id).map(\.status) ?? .available
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

    static func geosJSON(_ geos: [String]) -> String {
        "[" + geos.map(JSONText.quote).joined(separator: ",") + "]"
    }

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
