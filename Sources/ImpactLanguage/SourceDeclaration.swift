import ImpactCore

/// `source csv { expect … }`: the gates of one data source.
public struct SourceDeclaration: Sendable {
    public let id: Located<String>
    public var gates: [ImportGate] = []
}
