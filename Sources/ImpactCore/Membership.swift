/// `member` belongs to `region` in `regionSet` from `validFrom` until `validUntil` (exclusive).
public struct Membership: Hashable, Sendable {
    public let regionSet: String
    public let region: String
    public let member: String
    public let validFrom: CivilDate?
    public let validUntil: CivilDate?

    public init(regionSet: String, region: String, member: String, validFrom: CivilDate? = nil,
                validUntil: CivilDate? = nil) {
        self.regionSet = regionSet
        self.region = region
        self.member = member
        self.validFrom = validFrom
        self.validUntil = validUntil
    }

    public func isValid(on date: CivilDate) -> Bool { validity(validFrom, validUntil, contains: date) }

    /// In force at any moment of the period.
    public func overlaps(_ period: Period) -> Bool { validity(validFrom, validUntil, overlaps: period) }
}
