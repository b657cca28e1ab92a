import ImpactCore

public struct DimensionDeclaration: Sendable {
    public let name: Located<String>
    /// Canonical value → the raw values that mean it (the value itself included). Empty: any value.
    public let values: [String: [String]]
    public let valueRanges: [String: SourceRange]
    public var isOpen: Bool { values.isEmpty }
}
