import ImpactCore

/// What a source hands to the importer: observations, and (from plugins) geography units.
public enum ImportItem: Sendable {
    case observation(ObservationRecord)
    case unit(GeoUnit, SourceLocation)
}
