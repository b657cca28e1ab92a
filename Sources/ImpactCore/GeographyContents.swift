/// Geography reference rows as read from files or a plugin, before the store merges them.
public struct GeographyContents: Sendable {
    public var units: [GeoUnit] = []
    public var sets: [RegionSet] = []
    public var memberships: [Membership] = []
    public var successions: [Succession] = []
    /// Rows read, for the "unchanged" message.
    public var rows = 0

    public init() {}
}
