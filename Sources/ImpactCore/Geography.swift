/// A geography unit with the dates it existed (`validUntil` exclusive).
public struct GeoUnit: Hashable, Sendable {
    public let code: String
    public let name: String
    public let level: GeoLevel
    public let kind: GeoKind
    public let validFrom: CivilDate?
    public let validUntil: CivilDate?

    public init(code: String, name: String, level: GeoLevel, kind: GeoKind = .area, validFrom: CivilDate? = nil, validUntil: CivilDate? = nil) {
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

/// `[from, until)` with open ends, shared by units and memberships.
func validity(_ from: CivilDate?, _ until: CivilDate?, contains date: CivilDate) -> Bool {
    (from.map { $0 <= date } ?? true) && (until.map { date < $0 } ?? true)
}

func validity(_ from: CivilDate?, _ until: CivilDate?, overlaps period: Period) -> Bool {
    (from.map { $0 < period.end } ?? true) && (until.map { period.start < $0 } ?? true)
}

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

/// `member` belongs to `region` in `regionSet` from `validFrom` until `validUntil` (exclusive).
public struct Membership: Hashable, Sendable {
    public let regionSet: String
    public let region: String
    public let member: String
    public let validFrom: CivilDate?
    public let validUntil: CivilDate?

    public init(regionSet: String, region: String, member: String, validFrom: CivilDate? = nil, validUntil: CivilDate? = nil) {
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

/// `weight` of old unit `oldCode` went into `newCode` on `effective` (a merger has weight 1,
/// a split divides the old unit over several new ones).
public struct Succession: Hashable, Sendable {
    public let oldCode: String
    public let newCode: String
    public let effective: CivilDate
    public let weight: Double

    public init(oldCode: String, newCode: String, effective: CivilDate, weight: Double) {
        self.oldCode = oldCode
        self.newCode = newCode
        self.effective = effective
        self.weight = weight
    }
}

/// The geography reference: units, region sets, memberships and successions, queried in time.
public struct Geography: Sendable {
    public private(set) var units: [String: GeoUnit] = [:]
    public private(set) var regionSets: [String: RegionSet] = [:]
    public private(set) var memberships: [Membership] = []
    public private(set) var successions: [Succession] = []

    public init(units: [GeoUnit] = [], regionSets: [RegionSet] = [], memberships: [Membership] = [], successions: [Succession] = []) {
        for unit in units { self.units[unit.code] = unit }
        for set in regionSets { self.regionSets[set.id] = set }
        self.memberships = memberships
        self.successions = successions
    }

    public func unit(_ code: String) -> GeoUnit? { units[code] }

    /// Member codes of `region` on `date`, over all region sets.
    public func members(of region: String, on date: CivilDate) -> [String] {
        let codes = memberships.filter { $0.region == region && $0.isValid(on: date) }.map(\.member)
        return Array(Set(codes)).sorted()
    }

    /// Units of `level` valid at some moment of `period`, sorted by code.
    public func units(at level: GeoLevel, in period: Period) -> [GeoUnit] {
        units.values.filter { $0.level == level && $0.overlaps(period) }.sorted { $0.code < $1.code }
    }

    /// Regions of `regionSet` (units that have members in that set).
    public func regions(in regionSet: String) -> [String] {
        Array(Set(memberships.filter { $0.regionSet == regionSet }.map(\.region))).sorted()
    }

    /// Codes closest to `code`, for "did you mean" hints.
    public func suggestions(for code: String) -> [String] {
        Suggestions.closest(to: code, among: Array(units.keys))
    }
}
