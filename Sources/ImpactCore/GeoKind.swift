/// Whether a unit is a real area or one of the explicit buckets registrations contain.
public enum GeoKind: String, CaseIterable, Sendable, Codable {
    case area
    /// "Onbekend": the municipality is not known; still part of the region's total.
    case unknown
    /// "Buiten regio": registered by the region for someone living elsewhere.
    case outside
}
