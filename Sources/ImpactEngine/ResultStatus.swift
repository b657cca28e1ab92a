/// The status every produced number carries.
public enum ResultStatus: String, CaseIterable, Sendable, Codable {
    case ok, missing, incomplete
    case divisionByZero = "division_by_zero", insufficientN = "insufficient_n"
    case provisional, suppressed
}
