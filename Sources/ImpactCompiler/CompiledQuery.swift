import ImpactStore

/// One SQL statement per indicator for all requested areas and periods.
/// Areas and periods arrive as two JSON parameters, so the statement text and its number of
/// parameters do not grow with the request; every user value is a bound parameter.
public struct CompiledQuery: Sendable {
    public let sql: String
    /// Parameters after the two request parameters (areas, periods), which the evaluator binds.
    public let fixedParameters: [SQLValue]
    public let inputCount: Int
}
