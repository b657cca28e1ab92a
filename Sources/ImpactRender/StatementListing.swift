import ImpactEngine

/// An indicator's statement as `impact explain` prints it and `impact eval --trace-sql` logs it:
/// the SQL, then every bound parameter by number, so the two can be compared character for character.
public enum StatementListing {
    public static func text(_ bound: BoundQuery, dialect: String) -> String {
        text(sql: bound.query.sql, parameters: bound.arguments.map(\.description), dialect: dialect)
    }

    /// `parameters`: the text after `?N = `, in order (a value, or what a request will bind there).
    public static func text(sql: String, parameters: [String], dialect: String) -> String {
        var lines = ["-- SQL (\(dialect))", sql + ";", "", "-- parameters"]
        for (offset, value) in parameters.enumerated() { lines.append("?\(offset + 1) = \(value)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
