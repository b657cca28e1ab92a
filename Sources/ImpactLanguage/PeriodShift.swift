import ImpactCore

/// `previous(x)`, `last_year(x)`, `lag(x, n)`: read the inputs of `x` from an earlier period.
public struct PeriodShift: Hashable, Sendable {
    /// Periods of the requested grain to step back.
    public var periods: Int
    /// Whole years to step back (same period last year).
    public var years: Int

    public static let none = PeriodShift(periods: 0, years: 0)

    public func combined(with other: PeriodShift) -> PeriodShift {
        PeriodShift(periods: periods + other.periods, years: years + other.years)
    }

    public func apply(to period: Period) -> Period {
        var shifted = period.shifted(by: -periods)
        for _ in 0..<years { shifted = shifted.sameLastYear }
        return shifted
    }
}
