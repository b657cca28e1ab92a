import ImpactStore


/// Everything that differs between SQL engines, in one place: SQLite (`SQLiteDialect`) and
/// PostgreSQL (`PostgreSQLDialect`) render the same plans.
public protocol SQLDialect: Sendable {
    var name: String { get }
    /// A placeholder for the `number`-th bound parameter (1-based).
    func parameter(_ number: Int) -> String
    /// A table of the elements of a JSON array parameter: columns `value` (text) and `key` (its position).
    func jsonArrayElements(_ parameter: String) -> String
    /// A scalar field of a JSON value (`path` is a bound parameter holding a path such as `$.melder`).
    func jsonText(_ json: String, path: String) -> String
    /// A whole-number field of a JSON value, comparable with integer columns.
    func jsonInteger(_ json: String, path: String) -> String
    func median(_ expression: String) -> String
    /// Division that gives NULL instead of an error when the divisor is zero.
    func divide(_ numerator: String, _ denominator: String) -> String
    func real(_ expression: String) -> String
    /// Joins, as `alias`, the observation whose id the scalar subquery `id` finds, looked up only for
    /// rows where `condition` holds (a figure's fallback when its rollup has no row).
    func observationFallback(id: String, when condition: String, alias: String) -> String
    /// A join the planner keeps in the written order where it can (SQLite: `CROSS JOIN … ON`, which
    /// PostgreSQL does not take; its planner orders joins itself).
    var orderedJoin: String { get }
    /// The smaller of two values (SQLite's two-argument `min`, PostgreSQL's `LEAST`).
    func least(_ first: String, _ second: String) -> String

    // Dates are ISO text (`YYYY-MM-DD`) in both stores; these return ISO text too.

    /// The first day of the month of `date`.
    func monthStart(_ date: String) -> String
    /// The last day of the month of `date`.
    func monthEnd(_ date: String) -> String
    func dayBefore(_ date: String) -> String
    func dayAfter(_ date: String) -> String
    /// The bound value that `shifted(_:months:)` takes for a move by `months` whole months.
    func monthShift(_ months: Int) -> SQLValue
    /// `date` moved by the months of a bound `monthShift`, clamped to the last day of the month
    /// (31 March minus one month is 28 February).
    func shifted(_ date: String, months parameter: String) -> String
    /// Whole days from `start` to `end`.
    func days(from start: String, to end: String) -> String
}
