
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
    /// Joins, as `o`, the observation whose id the scalar subquery `id` finds, looked up only for rows
    /// where `condition` holds (a figure's fallback when its rollup has no row).
    func observationFallback(id: String, when condition: String) -> String
    /// Whether stores of this engine keep case events (only SQLite stores do in this version).
    var keepsCaseEvents: Bool { get }
}
