import ImpactCompiler
import ImpactStore

/// A compiled indicator statement with all its arguments: the request's areas and periods (`?1`,
/// `?2`) followed by the plan's own parameters.
public struct BoundQuery: Sendable {
    public let plan: IndicatorPlan
    public let query: CompiledQuery
    public let arguments: [SQLValue]
}
