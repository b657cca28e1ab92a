/// One observation as a data source delivers it, before the store assigns ids and vintages.
public struct ObservationRecord: Sendable, Equatable {
    public var series: String
    public var geo: String
    public var period: Period
    /// Dimension name → value; a dimension that is absent means "total over that dimension".
    public var dimensions: [String: String]
    /// nil means missing — never read as zero.
    public var value: Double?
    public var n: Double?
    public var provisional: Bool
    public var suppressed: Bool
    /// Where the record came from, for diagnostics raised after parsing (unknown geo, duplicates).
    public var location: SourceLocation

    public init(series: String, geo: String, period: Period, dimensions: [String: String] = [:], value: Double?,
                n: Double? = nil, provisional: Bool = false, suppressed: Bool = false, location: SourceLocation) {
        self.series = series
        self.geo = geo
        self.period = period
        self.dimensions = dimensions
        self.value = value
        self.n = n
        self.provisional = provisional
        self.suppressed = suppressed
        self.location = location
    }

    /// Canonical JSON of the dimensions with sorted keys, so equal keys compare equal in SQL.
    public var dimensionsJSON: String {
        "{" + dimensions.keys.sorted().map { JSONText.quote($0) + ":" + JSONText.quote(dimensions[$0]!) }.joined(separator: ",") + "}"
    }

    public var dimensionKeys: String { dimensions.keys.sorted().joined(separator: ",") }
}

/// Where in an input a record or field is: file, line, and the column of each relevant field.
public struct SourceLocation: Sendable, Equatable {
    public var file: String
    public var line: Int
    public var geoColumn: Int
    public var periodColumn: Int

    public init(file: String, line: Int, geoColumn: Int = 1, periodColumn: Int = 1) {
        self.file = file
        self.line = line
        self.geoColumn = geoColumn
        self.periodColumn = periodColumn
    }
}

/// Minimal JSON string quoting, shared by every writer of JSON text.
public enum JSONText {
    public static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case let control where control.value < 0x20:
                result += "\\u" + pad(Int(control.value), 4, radix: 16)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// A JSON array of strings, in the given order.
    public static func array(_ values: [String]) -> String {
        "[" + values.map(quote).joined(separator: ",") + "]"
    }

    private static func pad(_ value: Int, _ width: Int, radix: Int) -> String {
        let digits = String(value, radix: radix)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
