/// A named family of regions (VT regions, GHNT regions, provinces): a municipality belongs
/// to one region of each set at a time.
public struct RegionSet: Hashable, Sendable {
    public let id: String
    public let name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}
