import ImpactCore

/// A judgement of a change that respects the indicator's polarity.
public enum Verdict: String, Sendable, CaseIterable {
    case improved, worsened, unchanged
    /// The value moved, but the indicator has no better direction (`better none`).
    case changed
    case notComparable = "not_comparable"

    /// An arrow for human formats.
    public var arrow: String {
        switch self {
        case .improved: return "▲ beter"
        case .worsened: return "▼ slechter"
        case .unchanged: return "= gelijk"
        case .changed: return "↕ anders"
        case .notComparable: return "≠ niet vergelijkbaar"
        }
    }
}

/// Which test stands behind a significance statement.
public enum SignificanceTest: String, Sendable {
    /// Exact conditional binomial test of two Poisson rates (counts per period length or population).
    case poissonExact = "poisson_exact"
    /// Pooled two-proportion z-test with a Newcombe interval for the difference.
    case twoProportion = "two_proportion"
    /// No sampling model (scores without n, milestones): no test, so never "significant".
    case none
}

/// Why a comparison is not (or only partly) what it seems; rendered in the reader's language.
public enum DiffReason: Sendable, Equatable {
    case differentLengths(Period, Period)
    case seriesBreak(series: String, date: CivilDate, note: String)
    /// The area does not exist in both periods and no succession maps it.
    case noCrosswalk(geo: String, name: String)
    case missing(periods: [String], statuses: [String])
    case suppressed
    /// Predecessors were combined into their successor (informational unless `detail` says otherwise).
    case boundaryMapped(from: String, to: String, code: String, detail: String?)

    public var english: String {
        switch self {
        case .differentLengths(let a, let b): return "different period lengths: \(a.code) is a \(a.grain.name), \(b.code) a \(b.grain.name)"
        case .seriesBreak(let series, let date, let note): return "series break in \(series) on \(date.iso): \(note)"
        case .noCrosswalk(let geo, let name): return "\(name) (\(geo)) does not exist in both periods and no succession maps it"
        case .missing(let periods, let statuses): return "no value for " + periods.joined(separator: " and ") + " (" + statuses.joined(separator: ", ") + ")"
        case .suppressed: return "suppressed: small numbers"
        case .boundaryMapped(let from, let to, let code, let detail): return "\(from) mapped onto \(to) (\(code)) by succession weights" + (detail.map { "; \($0)" } ?? "")
        }
    }
}

/// One indicator × area compared between two periods.
public struct DiffResult: Sendable {
    public var indicator: String
    public var geo: String
    public var periodA: String
    public var periodB: String
    public var valueA: Double?
    public var valueB: Double?
    public var verdict: Verdict
    public var test: SignificanceTest = .none
    public var pValue: Double?
    /// Confidence interval of the difference (percentage points for percentages).
    public var intervalLow: Double?
    public var intervalHigh: Double?
    public var significant: Bool?
    public var reasons: [DiffReason] = []
    public var reason: String? { reasons.isEmpty ? nil : reasons.map(\.english).joined(separator: "; ") }
    public var flags: [String] = []

    public var absoluteChange: Double? {
        guard let valueA, let valueB else { return nil }
        return valueB - valueA
    }

    public var relativeChange: Double? {
        guard let valueA, let valueB, valueA != 0 else { return nil }
        return (valueB - valueA) / abs(valueA)
    }

    public static let columns = ["indicator", "geo", "period_a", "period_b", "value_a", "value_b", "change", "relative_change",
                                 "verdict", "test", "p_value", "ci_low", "ci_high", "significant", "reason", "flags"]

    /// A comparison that is not valid makes no significance claim either.
    mutating func withdrawTest() {
        test = .none
        pValue = nil
        intervalLow = nil
        intervalHigh = nil
        significant = nil
    }

    /// Human formats show arrows, percentages and "< 0.0001" instead of a rounded-away p of 0.
    public func row(human: Bool, locale: NumberLocale = .nl) -> [DataTable.Cell] {
        let significance: DataTable.Cell = significant.map { .text($0 ? "yes" : "no") } ?? .text(test == .none ? "no test" : "")
        let relative: DataTable.Cell = human ? DataTable.Cell(relativeChange.map { locale.format($0 * 100, decimals: 1) + " %" }) : DataTable.Cell(relativeChange)
        let p: DataTable.Cell = human ? DataTable.Cell(pValue.map { $0 < 0.0001 ? "< " + locale.format(0.0001) : locale.format($0, decimals: 4) }) : DataTable.Cell(pValue)
        return [.text(indicator), .text(geo), .text(periodA), .text(periodB), DataTable.Cell(valueA), DataTable.Cell(valueB),
                DataTable.Cell(absoluteChange), relative, .text(human ? verdict.arrow : verdict.rawValue),
                .text(test.rawValue), p, DataTable.Cell(intervalLow), DataTable.Cell(intervalHigh),
                significance, DataTable.Cell(reason), .text(flags.joined(separator: "|"))]
    }
}
