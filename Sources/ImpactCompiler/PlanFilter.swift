/// A dimension filter with aliases expanded to the raw values stored in observations.
public struct PlanFilter: Hashable, Sendable {
    public let dimension: String
    public let values: [String]
    public let negated: Bool
}
