/// `cases NAME { … }`: pseudonymised case-level event data as the measures read it — the event
/// source in the store, the event types it delivers, its dimensions and its statutory terms.
public struct CasesDeclaration: Sendable {
    public let name: Located<String>
    public var title: String?
    /// The event source in the store (`impact import events --event-source`); the name when absent.
    public var source: String?
    public var events: [Located<String>] = []
    public var dimensions: [DimensionDeclaration] = []
    public var terms: [CaseTerm] = []
    public var minimumCell: Int?
    /// Set for generated data: every figure computed from it is flagged `synthetic` and the report
    /// shows this note.
    public var synthetic: String?
    public var writtenFields: Set<String> = []

    public var eventSource: String { source ?? name.value }
    public func term(_ name: String) -> CaseTerm? { terms.first { $0.name.value == name } }
    public func dimension(_ name: String) -> DimensionDeclaration? { dimensions.first { $0.name.value == name } }
}

/// `term onderzoek start_onderzoek to einde_onderzoek 10 weeks`: the longest a step may take.
public struct CaseTerm: Sendable {
    public let name: Located<String>
    public let start: Located<String>
    public let end: Located<String>
    public let days: Int
}
