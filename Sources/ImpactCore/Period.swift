/// A calendar period: a year, half-year, quarter, month or ISO week.
/// Canonical codes: `2018`, `2018-H1`, `2018-Q3`, `2018-03`, `2018-W05`.
public struct Period: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let grain: Grain
    /// Position within the year, starting at 1 (always 1 for a year).
    public let index: Int

    /// Creates a period; nil when `index` does not exist in that year for that grain.
    public init?(year: Int, grain: Grain, index: Int) {
        guard (1...9999).contains(year), index >= 1, index <= Period.count(of: grain, in: year) else { return nil }
        self.year = year
        self.grain = grain
        self.index = index
    }

    public static func year(_ year: Int) -> Period { Period(year: year, grain: .year, index: 1)! }

    /// Number of periods of `grain` in `year`; ISO years have 52 or 53 weeks.
    public static func count(of grain: Grain, in year: Int) -> Int {
        grain == .week ? isoWeeks(in: year) : grain.perYear
    }

    /// An ISO year has 53 weeks when it starts on a Thursday, or on a Wednesday in a leap year.
    public static func isoWeeks(in year: Int) -> Int {
        let januaryFirst = CivilDate(year: year, month: 1, day: 1).isoWeekday
        return januaryFirst == 4 || (januaryFirst == 3 && CivilDate.isLeap(year)) ? 53 : 52
    }

    public var code: String {
        switch grain {
        case .year: return pad(year, 4)
        case .half: return pad(year, 4) + "-H\(index)"
        case .quarter: return pad(year, 4) + "-Q\(index)"
        case .month: return pad(year, 4) + "-" + pad(index, 2)
        case .week: return pad(year, 4) + "-W" + pad(index, 2)
        }
    }

    public var description: String { code }

    /// First day of the period.
    public var start: CivilDate {
        if grain == .week {
            let january4 = CivilDate(year: year, month: 1, day: 4)
            return january4.adding(days: 1 - january4.isoWeekday + (index - 1) * 7)
        }
        return CivilDate(year: year, month: (index - 1) * grain.months + 1, day: 1)
    }

    /// First day after the period (exclusive end), so lengths and containment need no "last day" logic.
    public var end: CivilDate {
        if grain == .week { return start.adding(days: 7) }
        let monthAfter = index * grain.months + 1
        return monthAfter > 12
            ? CivilDate(year: year + 1, month: 1, day: 1)
            : CivilDate(year: year, month: monthAfter, day: 1)
    }

    public var dayCount: Int { end.dayNumber - start.dayNumber }

    /// One integer per period: the rollup builder and writer hash a period for every row, and the
    /// derived hash would hash the grain's one-letter raw value as a string.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(year << 10 | grain.months << 6 | index)
    }

    public static func < (lhs: Period, rhs: Period) -> Bool {
        (lhs.start, lhs.grain.months) < (rhs.start, rhs.grain.months)
    }

    public func contains(_ other: Period) -> Bool {
        start <= other.start && other.end <= end
    }

    /// The period `steps` periods later (negative: earlier), of the same grain.
    public func shifted(by steps: Int) -> Period {
        guard grain == .week else {
            let absolute = year * grain.perYear + (index - 1) + steps
            let newYear = absolute >= 0 ? absolute / grain.perYear : (absolute - grain.perYear + 1) / grain.perYear
            return Period(year: newYear, grain: grain, index: absolute - newYear * grain.perYear + 1)!
        }
        let monday = start.adding(days: 7 * steps)
        return Period.isoWeek(containing: monday)
    }

    public var previous: Period { shifted(by: -1) }
    public var next: Period { shifted(by: 1) }

    /// The same period one year earlier; for week 53 that is week 52 of the previous year.
    public var sameLastYear: Period {
        if grain == .week {
            return Period(year: year - 1, grain: .week, index: min(index, Period.isoWeeks(in: year - 1)))!
        }
        return Period(year: year - 1, grain: grain, index: index)!
    }

    public static func isoWeek(containing date: CivilDate) -> Period {
        let thursday = date.adding(days: 4 - date.isoWeekday)
        let week = (thursday.dayNumber - CivilDate(year: thursday.year, month: 1, day: 1).dayNumber) / 7 + 1
        return Period(year: thursday.year, grain: .week, index: week)!
    }

    /// The period of coarser `grain` containing this one; nil when grains do not nest (weeks).
    public func converted(to target: Grain) -> Period? {
        guard target.nests(grain) else { return nil }
        if target == grain { return self }
        let monthIndex = (index - 1) * grain.months
        return Period(year: year, grain: target, index: monthIndex / target.months + 1)
    }

    /// All periods of a finer `grain` inside this one, in order; empty when grains do not nest.
    public func subperiods(_ finer: Grain) -> [Period] {
        guard grain.nests(finer) else { return [] }
        let first = ((index - 1) * grain.months) / finer.months + 1
        let count = grain.months / finer.months
        return (first..<(first + count)).map { Period(year: year, grain: finer, index: $0)! }
    }
}
