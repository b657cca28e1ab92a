import ImpactEngine

/// The disclosure invariant checked on published output, from the documented rule: no count from
/// 1 up to the minimum cell of the series it comes from is shown, whatever the row's status.
struct ReferenceDisclosure {
    let world: ReferenceWorld

    func leaks(_ indicator: ReferenceIndicator, _ published: [IndicatorResult]) -> [String] {
        let all = threshold(indicator.expression)
        var numerator = all, denominator = all
        switch indicator.expression {
        case .divide(let top, let bottom), .percent(let top, let bottom), .per(let top, _, let bottom):
            numerator = threshold(top)
            denominator = threshold(bottom)
        default: break
        }
        let countValued = ["count", "persons"].contains(indicator.unit)
        return published.flatMap { row -> [String] in
            let shown: [(String, Double?, Double)] = [("value", countValued ? row.value : nil, all),
                                                      ("numerator", row.numerator, numerator),
                                                      ("denominator", row.denominator, denominator),
                                                      ("n", row.n, all)]
            return shown.compactMap { name, count, minimum in
                guard let count, count > 0, count < minimum else { return nil }
                return "\(indicator.id) \(row.geo) \(row.period) publishes \(name) \(count) below \(minimum)"
            }
        }
    }

    /// The largest minimum cell of the series an expression reads (5 where none is declared).
    private func threshold(_ expression: ReferenceExpression) -> Double {
        let declared = world.series.filter { expression.text.contains($0.key) }.map { Double($0.minimumCell ?? 5) }
        return declared.max() ?? 5
    }
}
