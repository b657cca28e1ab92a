import ImpactCore
import ImpactLanguage
import ImpactStore

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

public struct SQLiteDialect: SQLDialect {
    public init() {}
    public var name: String { "sqlite" }
    public func parameter(_ number: Int) -> String { "?\(number)" }
    public func jsonArrayElements(_ parameter: String) -> String { "json_each(\(parameter))" }
    public func jsonText(_ json: String, path: String) -> String { "json_extract(\(json), \(path))" }
    public func median(_ expression: String) -> String { "median(\(expression))" }
    public func divide(_ numerator: String, _ denominator: String) -> String { "\(real(numerator)) / NULLIF(\(denominator), 0)" }
    public func real(_ expression: String) -> String { "CAST(\(expression) AS REAL)" }
}
