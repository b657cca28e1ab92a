import ImpactCore

/// A name with where it was written.
public struct Located<Value: Hashable & Sendable>: Hashable, Sendable {
    public let value: Value
    public let range: SourceRange
}
