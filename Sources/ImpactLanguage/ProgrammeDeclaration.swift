
public struct ProgrammeDeclaration: Sendable {
    public let id: Located<String>
    public var title: String?
    /// The regions it runs in: one for most programmes, two for Gelderland's Arnhem and Achterhoek.
    public var regions: [String] = []
    public var lines: [ActionLine] = []
    public var cites: [String] = []
}
