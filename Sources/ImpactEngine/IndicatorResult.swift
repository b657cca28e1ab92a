import ImpactCore

/// One evaluated cell: an indicator for one area and one period.
public struct IndicatorResult: Sendable, Equatable {
    public let indicator: String
    public let geo: String
    public let period: String
    public var value: Double?
    public var numerator: Double?
    public var denominator: Double?
    public var n: Double?
    public var status: ResultStatus
    public var flags: [String]

    public static let columns = ["indicator", "geo", "period", "value", "numerator", "denominator", "n", "status",
                                 "flags"]

    public var row: [DataTable.Cell] {
        [.text(indicator), .text(geo), .text(period), DataTable.Cell(value), DataTable.Cell(numerator),
         DataTable.Cell(denominator), DataTable.Cell(n), .text(status.rawValue), .list(flags)]
    }
}

/// What the SQL returned for one input of one cell.
struct InputCell {
    var value: Double?
    var n: Double?
    var provisional = false
    var suppressed = false
    var complete = true
    var partial = false
    var present = false
}

extension IndicatorResult {
    /// Derives status and flags from the inputs: a missing number is never shown as zero, and the
    /// most serious reason wins.
    init(indicator: String, geo: String, period: String, value: Double?, numerator: Double?, denominator: Double?,
         divisionByZero: Bool, inputs: [InputCell], minimumN: Double?, hasFraction: Bool) {
        // Loops, not `map`s into new arrays: an evaluation builds thousands of these.
        var surveyN: Double?
        for input in inputs {
            if let n = input.n, surveyN.map({ n < $0 }) ?? true { surveyN = n }
        }
        let n = surveyN ?? (hasFraction ? denominator : nil)
        var flags: [String] = []
        if inputs.contains(where: \.provisional) { flags.append("provisional") }
        if inputs.contains(where: \.partial) { flags.append("partial_members") }
        if inputs.contains(where: { $0.present && !$0.complete }) { flags.append("incomplete_period") }
        if inputs.contains(where: \.suppressed) { flags.append("suppressed_at_source") }
        let status: ResultStatus
        let infinite = { (number: Double?) in number.map { !$0.isFinite } ?? false }
        if infinite(value) || infinite(numerator) || infinite(denominator)
            || inputs.contains(where: { infinite($0.value) }) {
            status = .overflow
        } else if value == nil {
            if divisionByZero { status = .divisionByZero }
            else if inputs.contains(where: \.suppressed) { status = .suppressed }
            else if inputs.contains(where: { $0.present && (!$0.complete || $0.partial) }) { status = .incomplete }
            else { status = .missing }
        } else if let minimumN, let n, n < minimumN {
            status = .insufficientN
            flags.append("low_n")
        } else if inputs.contains(where: \.provisional) {
            status = .provisional
        } else {
            status = .ok
        }
        let shown = status == .ok || status == .provisional || status == .insufficientN
        let finite = { (number: Double?) in number.flatMap { $0.isFinite ? $0 : nil } }
        self.init(indicator: indicator, geo: geo, period: period, value: shown ? value : nil,
                  numerator: finite(numerator), denominator: finite(denominator), n: finite(n), status: status,
                  flags: flags)
    }
}
