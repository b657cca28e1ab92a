import ImpactCore
import ImpactLanguage
import ImpactStore

/// Computes rollups in memory, in one pass over the observations of a series: every observation
/// feeds its own period and the quarter, half-year and year containing it; each area takes the
/// coarsest delivered grain; a region takes its own figure when delivered, else the sum over its
/// members. The rules are those of the evaluator's SQL (`SQLGenerator`'s time value, completeness and
/// `cellCTE`); `RollupTests` checks rollups against evaluation from the raw observations.
/// Pure: no database, so the import can feed it one series and year at a time and keep memory flat.
public struct RollupBuilder: Sendable {
    public let time: TimeAggregation
    public let geo: GeoAggregation
    private let index: MembershipIndex

    public init(time: TimeAggregation, geo: GeoAggregation, geography: Geography) {
        self.time = time
        self.geo = geo
        self.index = MembershipIndex(geography)
    }

    /// The rollup cells and member statistics of `observations`, which must hold every current
    /// observation of the periods they touch (a whole calendar year is always enough).
    public func build(_ observations: [RollupObservation]) -> RollupBuild {
        var index = self.index
        var names = NameTable()
        var periods = PeriodTable()
        let figures = unitFigures(observations, names: &names, periods: &periods)
        var regions: [AreaPeriod: (required: Bool, regions: [Int32])] = [:]
        var areas = KeyedTable<CellKey, AreaTotals>(capacity: figures.keys.count * 2)
        for (key, best) in zip(figures.keys, figures.values) {
            areas.values[areas.slot(key, empty: AreaTotals())].own = best.figure
            let unit = AreaPeriod(area: key.area, period: key.period)
            let membership = regions[unit] ?? {
                let area = names[key.area]
                let found = (index.kind(of: area) == .area,
                             index.regions(of: area, during: periods[key.period]).map { names.id($0) })
                regions[unit] = found
                return found
            }()
            for region in membership.regions {
                let regionKey = CellKey(dims: key.dims, area: region, period: key.period)
                areas.values[areas.slot(regionKey, empty: AreaTotals())].add(member: best.figure,
                                                                             required: membership.required)
            }
        }
        // An area's own figure for the very period it was delivered for is that observation:
        // evaluation reads it from there, so it is not stored twice. Distinct persons (`geo none`)
        // are never combined from members: an area without its own figure has no rollup.
        var build = RollupBuild()
        for (key, totals) in zip(areas.keys, areas.values) {
            let period = periods[key.period]
            if !totals.compared.isEmpty {
                let members = index.requiredMembers(of: names[key.area], during: period)
                build.memberStatistics.append(statistics(key, period, totals.compared, members: members, names: names))
            }
            guard totals.own?.delivered != true, totals.own != nil || geo != .none else { continue }
            let required = totals.own == nil ? index.requiredMembers(of: names[key.area], during: period) : 0
            build.cells.append(cell(key, period, totals, names: names, requiredMembers: required))
        }
        return build
    }

    /// A region's comparison across the real member areas that have a figure, as the evaluator's
    /// member statistics compute it. Values and n are added in ascending order, so the same figures
    /// give the same bits whatever order the members were read in.
    private func statistics(_ key: CellKey, _ period: Period, _ figures: [UnitFigure], members: Int,
                            names: NameTable) -> MemberStatisticsCell {
        let values = figures.compactMap(\.value).sorted()
        let counts = figures.compactMap(\.n).sorted()
        return MemberStatisticsCell(
            dims: names[key.dims], geo: names[key.area], period: period, members: members,
            compared: figures.reduce(0) { $0 + ($1.complete && $1.value != nil ? 1 : 0) },
            n: counts.isEmpty ? nil : counts.reduce(0, +),
            provisional: figures.contains(where: \.provisional), suppressed: figures.contains(where: \.suppressed),
            complete: figures.allSatisfy(\.complete),
            mean: values.isEmpty ? nil : values.reduce(0, +) / Double(values.count),
            median: Median.of(values), minimum: values.first, maximum: values.last)
    }

    /// Per area and period, the figure of the coarsest grain delivered (a delivered year beats the sum of its months).
    /// Names and periods are small integers here: a year of a series repeats the same few hundred.
    private func unitFigures(_ observations: [RollupObservation], names: inout NameTable,
                             periods: inout PeriodTable) -> KeyedTable<CellKey, (grain: Int, figure: UnitFigure)> {
        var sums = KeyedTable<GrainKey, TimeTotals>(capacity: observations.count * 2)
        var targets: [Period: [Int32]] = [:]
        var last = (period: Period?.none, targets: [Int32](), dims: "", dimsID: Int32(-1), unit: "", unitID: Int32(-1))
        for observation in observations {
            if observation.period != last.period {
                last.period = observation.period
                last.targets = targets[observation.period] ?? {
                    let ids = ([observation.period] + coarser(than: observation.period)).map { periods.id($0) }
                    targets[observation.period] = ids
                    return ids
                }()
            }
            if last.dimsID < 0 || observation.dims != last.dims {
                (last.dims, last.dimsID) = (observation.dims, names.id(observation.dims))
            }
            if last.unitID < 0 || observation.unit != last.unit {
                (last.unit, last.unitID) = (observation.unit, names.id(observation.unit))
            }
            let grain = Int32(observation.period.grain.months), own = last.targets[0]
            for target in last.targets {
                let key = GrainKey(cell: CellKey(dims: last.dimsID, area: last.unitID, period: target), grain: grain)
                sums.values[sums.slot(key, empty: TimeTotals())].add(observation, period: own,
                                                                      start: periods.startDay(own))
            }
        }
        let none = (grain: -1, figure: UnitFigure(value: nil, n: nil, provisional: false, suppressed: false,
                                                  complete: false))
        var best = KeyedTable<CellKey, (grain: Int, figure: UnitFigure)>(capacity: sums.keys.count)
        for (key, totals) in zip(sums.keys, sums.values) {
            let slot = best.slot(key.cell, empty: none)
            guard best.values[slot].grain < Int(key.grain) else { continue }
            let window = periods[key.cell.period]
            var figure = totals.figure(time, grain: Int(key.grain), window: window, periods: periods)
            figure.delivered = Int(key.grain) == window.grain.months
            best.values[slot] = (Int(key.grain), figure)
        }
        return best
    }

    /// The quarter, half-year and year containing a month (fewer for coarser grains; none for weeks,
    /// and none when the series may not be added over time).
    private func coarser(than period: Period) -> [Period] {
        guard time != .none, period.grain.months > 0 else { return [] }
        return [Grain.quarter, .half, .year].filter { $0.months > period.grain.months }
            .compactMap { period.converted(to: $0) }
    }

    private func cell(_ key: CellKey, _ period: Period, _ totals: AreaTotals, names: NameTable,
                      requiredMembers: Int) -> RollupCell {
        if let own = totals.own {
            return RollupCell(dims: names[key.dims], geo: names[key.area], period: period,
                              value: own.complete ? own.value : nil, n: own.n, provisional: own.provisional,
                              suppressed: own.suppressed, complete: own.complete, partial: false, direct: true)
        }
        let members = totals.members
        let allMembers = members.required == requiredMembers
        return RollupCell(dims: names[key.dims], geo: names[key.area], period: period,
                          value: members.allComplete && allMembers ? members.value(geo) : nil, n: members.totals.n,
                          provisional: members.totals.provisional, suppressed: members.totals.suppressed,
                          complete: members.allComplete, partial: !allMembers, direct: false)
    }
}

/// Dimension texts and area codes as small integers while building: hashing an integer key is
/// much cheaper than hashing strings, and a year of data repeats the same few hundred names.
private struct NameTable {
    private var names = KeyedTable<String, Void>()

    mutating func id(_ name: String) -> Int32 { Int32(names.slot(name, empty: ())) }

    subscript(id: Int32) -> String { names.keys[Int(id)] }
}

/// Entries in first-seen order, found by key: the values lie together in one array, so the
/// builder's many updates go through a compact index instead of a hash table of large entries
/// (which made the build wait on memory more than it computed).
private struct KeyedTable<Key: Hashable, Value> {
    private var slots: [Key: Int]
    private(set) var keys: [Key] = []
    var values: [Value] = []

    init(capacity: Int = 0) {
        slots = Dictionary(minimumCapacity: capacity)
        keys.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    /// The position of `key`, added with the value `empty` when new.
    mutating func slot(_ key: Key, empty: @autoclosure () -> Value) -> Int {
        if let slot = slots[key] { return slot }
        slots[key] = keys.count
        keys.append(key)
        values.append(empty())
        return keys.count - 1
    }
}

/// The periods of one build as small integers, with the day numbers the totals compare.
private struct PeriodTable {
    private var periods = KeyedTable<Period, (start: Int, end: Int)>()

    mutating func id(_ period: Period) -> Int32 {
        Int32(periods.slot(period, empty: (period.start.dayNumber, period.end.dayNumber)))
    }

    subscript(id: Int32) -> Period { periods.keys[Int(id)] }
    func startDay(_ id: Int32) -> Int { periods.values[Int(id)].start }
    func endDay(_ id: Int32) -> Int { periods.values[Int(id)].end }
}

/// Hashed as two integers: the builder looks a key up several times for every observation.
private struct CellKey: Hashable {
    let dims: Int32
    let area: Int32
    let period: Int32

    func hash(into hasher: inout Hasher) {
        hasher.combine(UInt64(UInt32(bitPattern: dims)) << 32 | UInt64(UInt32(bitPattern: area)))
        hasher.combine(period)
    }
}

private struct GrainKey: Hashable {
    let cell: CellKey
    let grain: Int32

    func hash(into hasher: inout Hasher) {
        hasher.combine(UInt64(UInt32(bitPattern: cell.dims)) << 32 | UInt64(UInt32(bitPattern: cell.area)))
        hasher.combine(Int64(cell.period) << 8 | Int64(grain))
    }
}

/// One area's figure for one period, before regions combine it.
private struct UnitFigure {
    var value: Double?
    var n: Double?
    var provisional: Bool
    var suppressed: Bool
    var complete: Bool
    /// The observation delivered for exactly this period, not a combination of finer ones.
    var delivered = false
}

/// Sums of optional numbers as SQL computes them: nil until a value arrives.
private func adding(_ total: Double?, _ value: Double?) -> Double? {
    guard let value else { return total }
    return (total ?? 0) + value
}

private func ratio(_ numerator: Double?, _ denominator: Double?) -> Double? {
    guard let numerator, let denominator, denominator != 0 else { return nil }
    return numerator / denominator
}

/// Counts and sums as SQL's aggregates compute them: a missing value is counted, never added as zero.
private struct Totals {
    var count = 0
    var values = 0
    var sum = 0.0
    var n: Double?
    var weighted: Double?
    var provisional = false
    var suppressed = false

    var anyMissing: Bool { values < count }

    mutating func add(value: Double?, n: Double?, provisional: Bool, suppressed: Bool) {
        count += 1
        if let value {
            values += 1
            sum += value
            if let n { weighted = adding(weighted, value * n) }
        }
        self.n = adding(self.n, n)
        self.provisional = self.provisional || provisional
        self.suppressed = self.suppressed || suppressed
    }
}

/// The sub-periods of one area, dimension and grain inside one target period.
private struct TimeTotals {
    var totals = Totals()
    /// The latest sub-period added (by start) and its value, for `last` and a single figure.
    var last: (period: Int32, start: Int, value: Double?)?

    mutating func add(_ observation: RollupObservation, period: Int32, start: Int) {
        totals.add(value: observation.value, n: observation.n, provisional: observation.provisional,
                   suppressed: observation.suppressed)
        if last.map({ $0.start < start }) ?? true { last = (period, start, observation.value) }
    }

    func figure(_ time: TimeAggregation, grain: Int, window: Period, periods: PeriodTable) -> UnitFigure {
        let value: Double?
        let complete: Bool
        switch time {
        case .sum: value = totals.anyMissing ? nil : totals.sum
        case .average: value = totals.anyMissing ? nil : totals.sum / Double(totals.count)
        case .last: value = last?.value
        case .weighted:
            value = totals.anyMissing ? nil : totals.count == 1 ? last?.value : ratio(totals.weighted, totals.n)
        case .none: value = totals.count == 1 ? last?.value : nil
        }
        switch time {
        case .last: complete = last.map { periods.endDay($0.period) } == window.end.dayNumber
        case .none: complete = true
        default: complete = grain == 0 || totals.count * grain == window.grain.months
        }
        return UnitFigure(value: value, n: totals.n, provisional: totals.provisional, suppressed: totals.suppressed,
                          complete: complete)
    }
}

/// A region's own delivered figure, the totals over its members, and the real member areas'
/// figures its member statistics compare.
private struct AreaTotals {
    var own: UnitFigure?
    var members = MemberTotals()
    var compared: [UnitFigure] = []

    /// `required`: a real area (not Onbekend or Buiten regio), which member statistics compare.
    mutating func add(member figure: UnitFigure, required: Bool) {
        members.add(figure, required: required)
        if required { compared.append(figure) }
    }
}

private struct MemberTotals {
    var totals = Totals()
    var allComplete = true
    var required = 0
    var single: Double?

    mutating func add(_ figure: UnitFigure, required isRequired: Bool) {
        totals.add(value: figure.value, n: figure.n, provisional: figure.provisional, suppressed: figure.suppressed)
        single = figure.value
        allComplete = allComplete && figure.complete
        required += isRequired ? 1 : 0
    }

    func value(_ rule: GeoAggregation) -> Double? {
        guard !totals.anyMissing else { return nil }
        switch rule {
        case .sum: return totals.sum
        case .weighted: return totals.count == 1 ? single : ratio(totals.weighted, totals.n)
        case .none: return nil
        }
    }
}

/// Which regions an area belongs to, and how many real areas a region needs, per period (the
/// latter cached: a year of data asks it for every region cell).
private struct MembershipIndex {
    private let byMember: [String: [Membership]]
    private let byRegion: [String: [Membership]]
    private let kinds: [String: GeoKind]
    private var requiredCache: [CodePeriod: Int] = [:]

    init(_ geography: Geography) {
        byMember = Dictionary(grouping: geography.memberships, by: \.member)
        byRegion = Dictionary(grouping: geography.memberships, by: \.region)
        kinds = geography.units.mapValues(\.kind)
    }

    func kind(of code: String) -> GeoKind? { kinds[code] }

    /// Uncached: `build` asks once per area and period and keeps the answer with the area's id.
    func regions(of member: String, during period: Period) -> [String] {
        Array(Set((byMember[member] ?? []).filter { $0.overlaps(period) }.map(\.region)))
    }

    /// Real areas (not Onbekend or Buiten regio) that must all deliver for a member sum to be a total.
    mutating func requiredMembers(of region: String, during period: Period) -> Int {
        let key = CodePeriod(code: region, period: period)
        if let cached = requiredCache[key] { return cached }
        let members = (byRegion[region] ?? []).filter { $0.overlaps(period) && kinds[$0.member] == .area }
        let count = Set(members.map(\.member)).count
        requiredCache[key] = count
        return count
    }
}

private struct CodePeriod: Hashable {
    let code: String
    let period: Period
}

private struct AreaPeriod: Hashable {
    let area: Int32
    let period: Int32
}
