/// Where one input of a plan reads its rows. The choice is part of the plan, so `impact explain`
/// shows the statement `impact eval` runs, and the SQL generator only renders what was decided.
public enum ReadSource: Hashable, Sendable, CustomStringConvertible {
    /// The current (or as-of) observations, aggregated over sub-periods and member areas.
    case observations
    /// The series' maintained rollup: one row per cell for exactly these dimensions (JSON).
    case rollup(dimensions: String)
    /// The members' rollups, for comparisons across member areas (median, avg, …).
    case memberRollups(dimensions: String)
    /// The region's maintained comparison across its members: one row per cell.
    case memberStatistics(dimensions: String)

    public var description: String {
        switch self {
        case .observations: return "reads observations"
        case .rollup: return "reads the series' rollup"
        case .memberRollups: return "reads the members' rollups"
        case .memberStatistics: return "reads the maintained member statistics"
        }
    }
}
