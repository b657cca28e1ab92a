
public struct ActionLine: Sendable {
    public let id: Located<String>
    public let title: String
}
