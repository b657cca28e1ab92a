
public struct ProgrammeDeclaration: Sendable {
    public let id: Located<String>
    public var title: String?
    public var region: String?
    public var lines: [ActionLine] = []
    public var cites: [String] = []
}
