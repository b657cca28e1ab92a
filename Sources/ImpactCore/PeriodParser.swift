import Foundation

extension Period {
    /// Parses a canonical code (`2018`, `2018-H1`, `2018-Q3`, `2018-03`, `2018-W05`) or a CBS
    /// StatLine code (`2018JJ00`, `2018HJ01`, `2018KW03`, `2018MM03`), optionally followed by `*`.
    public static func parse(_ raw: String) throws(PeriodError) -> ParsedPeriod {
        var text = raw.trimmingCharacters(in: .whitespaces)
        let provisional = text.hasSuffix("*")
        if provisional { text.removeLast() }
        let characters = Array(text)
        guard characters.count >= 4, characters.prefix(4).allSatisfy(\.isASCIIDigit),
              let year = Int(String(characters.prefix(4))) else {
            throw PeriodError(text: raw, reason: "expected a four-digit year first, "
                                  + "as in 2018, 2018-H1, 2018-Q3, 2018-03, 2018-W05 or 2018JJ00")
        }
        let rest = String(characters.dropFirst(4))
        let period: Period
        if rest.first == "-" || rest.isEmpty {
            period = try canonical(year: year, rest: rest, raw: raw)
        } else if rest.first?.isLetter == true {
            period = try statline(year: year, rest: rest, raw: raw)
        } else {
            throw PeriodError(text: raw, reason: forms)
        }
        return ParsedPeriod(period: period, provisional: provisional)
    }

    /// Every form a period can take: the reason when a text is not recognisably any one of them.
    static let forms = "not a period; write a year (2018), half-year (2018-H1), quarter (2018-Q3), month (2018-03), "
        + "week (2018-W05) or CBS code (2018JJ00)"

    private static func canonical(year: Int, rest: String, raw: String) throws(PeriodError) -> Period {
        if rest.isEmpty { return .year(year) }
        let body = String(rest.dropFirst())
        let (grain, digits): (Grain, String)
        switch body.first {
        case "H": (grain, digits) = (.half, String(body.dropFirst()))
        case "Q": (grain, digits) = (.quarter, String(body.dropFirst()))
        case "W": (grain, digits) = (.week, String(body.dropFirst()))
        case let first? where first.isASCIIDigit: (grain, digits) = (.month, body)
        default: throw PeriodError(text: raw, reason: forms)
        }
        let expectedWidth = grain == .month || grain == .week ? 2 : 1
        guard digits.count == expectedWidth, digits.allSatisfy(\.isASCIIDigit), let index = Int(digits) else {
            throw PeriodError(text: raw, reason: "expected \(example(grain)) for a \(grain.name)")
        }
        return try make(year: year, grain: grain, index: index, raw: raw)
    }

    private static func statline(year: Int, rest: String, raw: String) throws(PeriodError) -> Period {
        guard rest.count == 4, let index = Int(rest.suffix(2)), rest.suffix(2).allSatisfy(\.isASCIIDigit) else {
            throw PeriodError(text: raw, reason: "a CBS period code is a year, two letters and two digits, "
                                  + "as in 2018JJ00 or 2018KW03")
        }
        switch rest.prefix(2) {
        case "JJ":
            guard index == 0 else { throw PeriodError(text: raw, reason: "a CBS year code ends in 00 (\(year)JJ00)") }
            return .year(year)
        case "HJ": return try make(year: year, grain: .half, index: index, raw: raw)
        case "KW": return try make(year: year, grain: .quarter, index: index, raw: raw)
        case "MM": return try make(year: year, grain: .month, index: index, raw: raw)
        case let type:
            throw PeriodError(text: raw, reason: "CBS period type '\(type)' is not supported; "
                                  + "use JJ (year), HJ (half-year), KW (quarter) or MM (month)")
        }
    }

    private static func make(year: Int, grain: Grain, index: Int, raw: String) throws(PeriodError) -> Period {
        guard let period = Period(year: year, grain: grain, index: index) else {
            let limit = count(of: grain, in: year)
            throw PeriodError(text: raw,
                              reason: "\(grain.name) \(index) does not exist; \(year) has \(grain.name)s 1 to \(limit)")
        }
        return period
    }

    private static func example(_ grain: Grain) -> String {
        switch grain {
        case .year: return "2018"
        case .half: return "2018-H1 or 2018-H2"
        case .quarter: return "2018-Q1 … 2018-Q4"
        case .month: return "2018-01 … 2018-12"
        case .week: return "2018-W01 … 2018-W52 (two digits)"
        }
    }

    /// Parses a single period or a range `2019..2021` (both ends of the same grain) into its periods.
    public static func parseRange(_ text: String) throws(PeriodError) -> [Period] {
        let parts = text.components(separatedBy: "..")
        if parts.count == 1 { return [try parse(text).period] }
        guard parts.count == 2 else {
            throw PeriodError(text: text, reason: "a range is written FIRST..LAST, as in 2019..2021")
        }
        let first = try parse(parts[0]).period
        let last = try parse(parts[1]).period
        return try range(from: first, to: last, text: text)
    }

    /// Distinct period codes in time order (codes read back from the store are always valid).
    public static func chronological<Codes: Sequence>(_ codes: Codes) -> [String] where Codes.Element == String {
        Set(codes).compactMap { try? parse($0).period }.sorted().map(\.code)
    }

    /// Every period from `first` to `last` inclusive.
    public static func range(from first: Period, to last: Period, text: String? = nil) throws(PeriodError) -> [Period] {
        let label = text ?? "\(first)..\(last)"
        guard first.grain == last.grain else {
            let grains = "\(first.grain.name) vs \(last.grain.name)"
            throw PeriodError(text: label, reason: "both ends of a range must have the same grain (\(grains))")
        }
        guard first <= last else { throw PeriodError(text: label, reason: "the range ends before it starts") }
        var periods: [Period] = []
        var current = first
        while current <= last {
            periods.append(current)
            guard periods.count <= 10_000 else {
                throw PeriodError(text: label, reason: "the range is longer than 10000 periods")
            }
            current = current.next
        }
        return periods
    }
}

extension Character {
    package var isASCIIDigit: Bool { isASCII && isNumber }
}
