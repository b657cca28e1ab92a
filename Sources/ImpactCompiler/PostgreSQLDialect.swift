/// PostgreSQL: the request arrives as two `jsonb` arrays, dimension and window fields are read
/// with SQL/JSON paths (the same `$.name` paths SQLite uses, still bound as parameters), `median`
/// is the aggregate the PostgreSQL store's schema defines, and `double precision` is SQLite's REAL.
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
    public func observationFallback(id: String, when condition: String) -> String {
        "LEFT JOIN LATERAL (SELECT y.* FROM observation AS y WHERE \(condition) AND y.id = \(id) LIMIT 1) AS o ON true"
    }
    public var keepsCaseEvents: Bool { false }
}
