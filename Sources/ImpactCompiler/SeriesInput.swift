import ImpactCore
import ImpactLanguage

/// One series read by an indicator: which rows, how to combine them over time and geography,
/// and from which period (shift).
public struct SeriesInput: Hashable, Sendable {
    public let key: String
    public let filters: [PlanFilter]
    /// An explicit aggregate from the expression; nil uses the series' own rules.
    public let aggregate: AggregateFunction?
    public let time: TimeAggregation
    public let geo: GeoAggregation
    public let shift: PeriodShift
    /// Where the rows come from; set by `ReadPlanner` from what the store holds, rendered by `SQLGenerator`.
    public internal(set) var source: ReadSource = .observations

    /// Sorted names of the filtered dimensions: rows must have exactly these dimensions.
    public var dimensionKeys: String { filters.map(\.dimension).sorted().joined(separator: ",") }

    /// The aggregation rule a rollup of this input was computed with.
    public var rule: String { Self.rule(time: time, geo: geo) }

    /// The rule text stored beside rollups; equal text means the rollups answer this input.
    public static func rule(time: TimeAggregation, geo: GeoAggregation) -> String { "\(time.rawValue)/\(geo.rawValue)" }

    /// The exact dimensions JSON of the rows this input reads, when rollups can answer it: every
    /// filter a single value (sums read the cell's rollup; comparisons across members read the
    /// members' rollups).
    public var rollupDimensions: String? {
        guard filters.allSatisfy({ !$0.negated && $0.values.count == 1 }),
              Set(filters.map(\.dimension)).count == filters.count else { return nil }
        return JSONText.object(Dictionary(uniqueKeysWithValues: filters.map { ($0.dimension, $0.values[0]) }))
    }

    /// Explicit avg/median/min/max/count compare member areas, so they read members even when a
    /// region has its own total; sums prefer the region's own figure.
    public var prefersMembers: Bool { [.avg, .median, .min, .max, .count].contains(aggregate) }
}
