/// A geography unit with the dates it existed (`validUntil` exclusive).
public struct GeoUnit: Hashable, Sendable {
    public let code: String
    public let name: String
    public let level: GeoLevel
    public let kind: GeoKind
    public let validFrom: CivilDate?
    public let validUntil: CivilDate?

    public init(code: String, name: String, level: GeoLevel, kind: GeoKind = .area, validFrom: CivilDate? = nil,
                validUntil: CivilDate? = nil) {
        self.code = code
        self.name = name
        self.level = level
        self.kind = kind
        self.validFrom = validFrom
        self.validUntil = validUntil
    }

    public func isValid(on date: CivilDate) -> Bool { validity(validFrom, validUntil, contains: date) }

    /// Valid at any moment of the period.
    public func overlaps(_ period: Period) -> Bool { validity(validFrom, validUntil, overlaps: period) }
}
