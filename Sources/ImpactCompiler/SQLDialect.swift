
/// Everything that differs between SQL engines, in one place. SQLite now; PostgreSQL later
/// implements the same requirements (`jsonb_array_elements`, `->>`, `percentile_cont`).
public protocol SQLDialect: Sendable {
    var name: String { get }
    /// A placeholder for the `number`-th bound parameter (1-based).
    func parameter(_ number: Int) -> String
    /// A table of the elements of a JSON array parameter, one column `value`.
    func jsonArrayElements(_ parameter: String) -> String
    /// A scalar field of a JSON value (`path` is a bound parameter holding a path such as `$.melder`).
    func jsonText(_ json: String, path: String) -> String
    func median(_ expression: String) -> String
    /// Division that gives NULL instead of an error when the divisor is zero.
    func divide(_ numerator: String, _ denominator: String) -> String
    func real(_ expression: String) -> String
}
