
/// How a series combines from municipalities into regions.
public enum GeoAggregation: String, CaseIterable, Sendable {
    case sum, weighted, none
}
