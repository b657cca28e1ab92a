import ImpactStore

/// SQLite: JSON through `json_each`/`json_extract`, `median` registered by the store.
public struct SQLiteDialect: SQLDialect {
    public init() {}
    public var name: String { "sqlite" }
    public func parameter(_ number: Int) -> String { "?\(number)" }
    public func jsonArrayElements(_ parameter: String) -> String { "json_each(\(parameter))" }
    public func jsonText(_ json: String, path: String) -> String { "json_extract(\(json), \(path))" }
    public func jsonInteger(_ json: String, path: String) -> String { jsonText(json, path: path) }
    public func median(_ expression: String) -> String { "median(\(expression))" }
    public func divide(_ numerator: String, _ denominator: String) -> String {
        "\(real(numerator)) / NULLIF(\(denominator), 0)"
    }
    public func real(_ expression: String) -> String { "CAST(\(expression) AS REAL)" }
    /// The subquery inside the join condition: SQLite seeks `o` by id only when `condition` holds.
    public func observationFallback(id: String, when condition: String, alias: String) -> String {
        "LEFT JOIN observation AS \(alias) ON \(alias).id = CASE WHEN \(condition) THEN \(id) END"
    }
    public var orderedJoin: String { "CROSS JOIN" }
    public func least(_ first: String, _ second: String) -> String { "min(\(first), \(second))" }
    public func monthStart(_ date: String) -> String { "date(\(date), 'start of month')" }
    public func monthEnd(_ date: String) -> String { "date(\(date), 'start of month', '+1 month', '-1 day')" }
    public func dayBefore(_ date: String) -> String { "date(\(date), '-1 day')" }
    public func dayAfter(_ date: String) -> String { "date(\(date), '+1 day')" }
    public func monthShift(_ months: Int) -> SQLValue { .text((months < 0 ? "" : "+") + "\(months) months") }
    public func shifted(_ date: String, months parameter: String) -> String {
        "min(date(\(date), 'start of month', \(parameter), '+1 month', '-1 day'), "
            + "date(\(date), 'start of month', \(parameter), '+' || (CAST(strftime('%d', \(date)) AS INTEGER) - 1) "
            + "|| ' days'))"
    }
    public func days(from start: String, to end: String) -> String {
        "CAST(julianday(\(end)) - julianday(\(start)) AS INTEGER)"
    }
}
