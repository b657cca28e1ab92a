
public struct DimensionFilter: Sendable {
    public enum Operator: String, Sendable { case equal = "=", notEqual = "!=", within = "in", notWithin = "not in" }
    public let dimension: Located<String>
    public let op: Operator
    public let values: [Located<String>]
}
