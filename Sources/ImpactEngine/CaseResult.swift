import ImpactCompiler
import ImpactLanguage
import ImpactStore

extension IndicatorResult {
    /// A row of a case statement (`CaseSQL.columns`) with its status: the data's coverage first,
    /// then whether any case could be assessed, then the thresholds as for any figure. Cases left
    /// out because their window reaches past the data are flagged, never counted as "no recurrence".
    init(caseRow row: Row, indicator: String, plan: CasePlan, minimumN: Double?, planning: PlanningStatus) {
        let (value, numerator, denominator, n) = (row.double(2), row.double(3), row.double(4), row.double(5))
        let coverage = row.string(6) ?? "", excluded = row.int(7) ?? 0, censored = row.int(8) ?? 0
        var flags: [String] = []
        if excluded > 0 { flags.append(plan.excludedStatus) }
        if censored > 0 { flags.append("censored") }
        if plan.synthetic != nil { flags.append("synthetic") }
        if planning != .available { flags.append("planning_\(planning.rawValue)") }
        let status: ResultStatus
        if coverage == "missing" {
            status = .missing
        } else if coverage == "incomplete" {
            status = .incomplete
            flags.append("incomplete_period")
        } else if value != nil {
            if let minimumN, let n, n < minimumN {
                status = .insufficientN
                flags.append("low_n")
            } else {
                status = .ok
            }
        } else {
            status = Self.statusWithoutValue(plan, denominator: denominator, n: n, excluded: excluded)
        }
        self.init(indicator: indicator, geo: row.string(0)!, period: row.string(1)!,
                  value: status == .ok || status == .insufficientN ? value : nil,
                  numerator: numerator, denominator: denominator, n: n, status: status, flags: flags)
    }

    private static func statusWithoutValue(_ plan: CasePlan, denominator: Double?, n: Double?,
                                           excluded: Int) -> ResultStatus {
        if plan.isShare {
            guard excluded > 0 else { return .divisionByZero }
            return ResultStatus(rawValue: plan.excludedStatus) ?? .notAssessable
        }
        guard let n, n > 0 else { return .missing }
        if case .duration(_, _, .mean) = plan.measure { return .notAssessable }
        return .notReached
    }
}
