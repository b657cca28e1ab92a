import ImpactCompiler
import ImpactCore

/// Which areas and periods to evaluate. Each area and period once: a repeated `--geo` asks for the
/// same cell, and every consumer keys its results by area and period.
public struct EvaluationRequest: Sendable {
    public var geos: [String]
    public var periods: [Period]
    public var vintage: Vintage

    public init(geos: [String], periods: [Period], vintage: Vintage = .current) {
        self.geos = geos.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
        self.periods = periods.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
        self.vintage = vintage
    }
}
