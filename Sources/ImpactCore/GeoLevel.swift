/// Administrative level of a geography unit, from small to large.
public enum GeoLevel: String, CaseIterable, Sendable, Codable {
    case gemeente, subregio, regio, provincie, land
}
