import ImpactEngine

/// An indicator's statement as `impact explain` prints it and `impact eval --trace-sql` logs it:
/// the SQL, then every bound parameter by number, so the two can be compared character for character.
public enum StatementListing {
    public static func text(_ bound: BoundQuery, dialect: String) -> String {
        var lines = ["-- SQL (\(dialect))", bound.query.sql + ";", "", "-- parameters"]
        for (offset, value) in bound.arguments.enumerated() { lines.append("?\(offset + 1) = \(value)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
