/// The status every produced number carries. `overflow`: an input or an intermediate sum went
/// beyond the range of a Double, so any number shown would be wrong (a ratio over an infinite
/// denominator reads 0); none is shown.
public enum ResultStatus: String, CaseIterable, Sendable, Codable {
    case ok, missing, incomplete, overflow
    case divisionByZero = "division_by_zero", insufficientN = "insufficient_n"
    case provisional, suppressed
    /// Case measures: no case could be assessed — its look-back reaches before the data
    /// (`not_assessable`, also a mean over censored cases), its follow-up window past them
    /// (`follow_up_incomplete`), or a Kaplan–Meier percentile was not reached.
    case notAssessable = "not_assessable", followUpIncomplete = "follow_up_incomplete", notReached = "not_reached"
}
