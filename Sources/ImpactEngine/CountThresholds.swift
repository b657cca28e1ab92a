/// The minimum cell of each count a published row can show: the value of a count indicator, the
/// numerator and denominator of a fraction, and n. Nil for a value that is not a count.
struct CountThresholds {
    let value: Double?
    let numerator: Double
    let denominator: Double
    let n: Double

    /// Every count of the row, each with the threshold of the series it comes from, whatever the
    /// row's status: a fraction without a value still must not show a small numerator.
    func counts(of result: IndicatorResult) -> [ProtectedCount] {
        var counts = [ProtectedCount(result.numerator, minimumCell: numerator),
                      ProtectedCount(result.denominator, minimumCell: denominator),
                      ProtectedCount(result.n, minimumCell: n)]
        if let value { counts.insert(ProtectedCount(result.value, minimumCell: value), at: 0) }
        return counts
    }
}
