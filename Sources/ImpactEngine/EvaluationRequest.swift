import ImpactCompiler
import ImpactCore

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
