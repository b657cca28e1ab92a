/// The geography reference: units, region sets, memberships and successions, queried in time.
public struct Geography: Sendable {
    public private(set) var units: [String: GeoUnit] = [:]
    public private(set) var regionSets: [String: RegionSet] = [:]
    public private(set) var memberships: [Membership] = []
    public private(set) var successions: [Succession] = []

    public init(units: [GeoUnit] = [], regionSets: [RegionSet] = [], memberships: [Membership] = [],
                successions: [Succession] = []) {
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

/// `[from, until)` with open ends, shared by units and memberships.
func validity(_ from: CivilDate?, _ until: CivilDate?, contains date: CivilDate) -> Bool {
    (from.map { $0 <= date } ?? true) && (until.map { date < $0 } ?? true)
}

func validity(_ from: CivilDate?, _ until: CivilDate?, overlaps period: Period) -> Bool {
    (from.map { $0 < period.end } ?? true) && (until.map { period.start < $0 } ?? true)
}
