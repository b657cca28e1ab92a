import ImpactStore

/// PostgreSQL: the request arrives as two `jsonb` arrays, dimension and window fields are read
/// with SQL/JSON paths (the same `$.name` paths SQLite uses, still bound as parameters), `median`
/// is the aggregate the PostgreSQL store's schema defines, and `double precision` is SQLite's REAL.
/// Dates stay ISO text as in SQLite; date arithmetic casts to `date` and back.
public struct PostgreSQLDialect: SQLDialect {
    public init() {}
    public var name: String { "postgresql" }
    public func parameter(_ number: Int) -> String { "$\(number)" }
    public func jsonArrayElements(_ parameter: String) -> String {
        "(SELECT value, ordinality - 1 AS key FROM jsonb_array_elements_text(\(parameter)::jsonb) WITH ORDINALITY)"
    }
    public func jsonText(_ json: String, path: String) -> String {
        "(jsonb_path_query_first(\(json)::jsonb, \(path)::jsonpath) #>> '{}')"
    }
    public func jsonInteger(_ json: String, path: String) -> String { "\(jsonText(json, path: path))::integer" }
    public func median(_ expression: String) -> String { "median(\(expression))" }
    public func divide(_ numerator: String, _ denominator: String) -> String {
        "\(real(numerator)) / NULLIF(\(denominator), 0)"
    }
    public func real(_ expression: String) -> String { "CAST(\(expression) AS double precision)" }
    /// A lateral subquery kept apart by `LIMIT` (a flattened one, like the lookup inside a join
    /// condition, makes the planner hash the whole observation table): `condition` gates one
    /// index scan by id per row.
    public func observationFallback(id: String, when condition: String, alias: String) -> String {
        "LEFT JOIN LATERAL (SELECT y.* FROM observation AS y WHERE \(condition) AND y.id = \(id) LIMIT 1) "
            + "AS \(alias) ON true"
    }
    public var orderedJoin: String { "JOIN" }
    public func least(_ first: String, _ second: String) -> String { "LEAST(\(first), \(second))" }
    public func monthStart(_ date: String) -> String { iso("date_trunc('month', \(date)::timestamp)") }
    public func monthEnd(_ date: String) -> String {
        iso("date_trunc('month', \(date)::timestamp) + interval '1 month' - interval '1 day'")
    }
    public func dayBefore(_ date: String) -> String { iso("\(date)::date - 1") }
    public func dayAfter(_ date: String) -> String { iso("\(date)::date + 1") }
    public func monthShift(_ months: Int) -> SQLValue { .integer(Int64(months)) }
    /// PostgreSQL's month arithmetic clamps to the month's last day itself.
    public func shifted(_ date: String, months parameter: String) -> String {
        iso("\(date)::date + make_interval(months => \(parameter)::integer)")
    }
    public func days(from start: String, to end: String) -> String { "((\(end))::date - (\(start))::date)" }

    /// A date or timestamp as ISO text, whatever the session's `DateStyle`.
    private func iso(_ expression: String) -> String { "to_char((\(expression))::timestamp, 'YYYY-MM-DD')" }
}
