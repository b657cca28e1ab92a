import ImpactCore

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

    public static let columns = ["indicator", "geo", "period_a", "period_b", "value_a", "value_b", "change",
                                 "relative_change", "verdict", "test", "p_value", "ci_low", "ci_high", "significant",
                                 "reason", "flags"]

    /// A comparison that is not valid makes no significance claim either.
    mutating func withdrawTest() {
        test = .none
        pValue = nil
        intervalLow = nil
        intervalHigh = nil
        significant = nil
    }

    /// Human formats show arrows, percentages and "< 0.0001" instead of a rounded-away p of 0, and
    /// the reasons in `reasonText`'s language.
    public func row(human: Bool, locale: NumberLocale = .nl,
                    reasonText: (DiffReason) -> String = \.english) -> [DataTable.Cell] {
        // People read "no test" where no sampling model applies; machines read a boolean or null.
        let significance: DataTable.Cell = significant.map { .boolean($0) }
            ?? (human && test == .none ? .text("no test") : .empty)
        let relative = human ? DataTable.Cell(relativeChange.map { locale.format($0 * 100, decimals: 1) + " %" })
            : DataTable.Cell(relativeChange)
        let p = human ? DataTable.Cell(pValue.map { Self.shownP($0, locale: locale) }) : DataTable.Cell(pValue)
        return [.text(indicator), .text(geo), .text(periodA), .text(periodB), DataTable.Cell(valueA),
                DataTable.Cell(valueB), DataTable.Cell(absoluteChange), relative,
                .text(verdict.rawValue),
                .text(test.rawValue), p, DataTable.Cell(intervalLow), DataTable.Cell(intervalHigh),
                significance, DataTable.Cell(human ? shownReason(reasonText) : reason), .list(flags)]
    }

    private func shownReason(_ reasonText: (DiffReason) -> String) -> String? {
        reasons.isEmpty ? nil : reasons.map(reasonText).joined(separator: "; ")
    }

    private static func shownP(_ p: Double, locale: NumberLocale) -> String {
        p < 0.0001 ? "< " + locale.format(0.0001) : locale.format(p, decimals: 4)
    }
}
