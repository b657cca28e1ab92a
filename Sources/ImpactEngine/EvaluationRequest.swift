import ImpactCompiler
import ImpactCore

/// Which areas and periods to evaluate. Each area and period once: a repeated `--geo` asks for the
/// same cell, and every consumer keys its results by area and period.
public struct EvaluationRequest: Sendable {
    public var geos: [String]
    public var periods: [Period]
    public var vintage: Vintage

    public init(geos: [String], periods: [Period], vintage: Vintage = .current) {
        self.geos = geos.uniqued()
        self.periods = periods.uniqued()
        self.vintage = vintage
    }
}
