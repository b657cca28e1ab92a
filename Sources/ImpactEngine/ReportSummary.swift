import ImpactCore
import ImpactLanguage

/// The answer on the report's first screen: how many indicators improved, worsened, stayed the same
/// or cannot be compared (and why), and where each target stands. Pure: computed from the entries.
public struct ReportSummary: Sendable {
    /// One target with its status, so the reader sees value, goal and verdict in one line.
    public struct TargetLine: Sendable {
        public let indicator: IndicatorDeclaration
        public let value: Double?
        public let target: Target
        public let status: TargetStatus
        /// The value the current trend reaches by the target's date; nil when there is no trend.
        public let projected: Double?
    }

    /// Indicators that cannot be compared for the same reason, counted together.
    public struct Incomparable: Sendable, Equatable {
        public let reason: DiffReason?
        public let count: Int
    }

    public let improved: Int
    public let worsened: Int
    public let unchanged: Int
    /// Moved, but the indicator has no better direction.
    public let changed: Int
    public let notComparable: [Incomparable]
    public let targets: [TargetLine]
    /// Dated milestones: met or not, as no trend leads to them.
    public let milestones: [TargetLine]

    public init(entries: [ReportData.Entry], milestones: [ReportData.Milestone] = [], period: Period) {
        let verdicts = entries.compactMap(\.diff?.verdict)
        improved = verdicts.filter { $0 == .improved }.count
        worsened = verdicts.filter { $0 == .worsened }.count
        unchanged = verdicts.filter { $0 == .unchanged }.count
        changed = verdicts.filter { $0 == .changed }.count
        notComparable = Self.group(entries.compactMap(\.diff).filter { $0.verdict == .notComparable })
        targets = entries.compactMap { entry in
            entry.target.map { Self.line(entry, target: $0, period: period) }
        }
        self.milestones = milestones.map { milestone in
            let value = milestone.result?.value
            let remaining = Double(milestone.target.due.dayNumber - period.end.dayNumber)
            return TargetLine(indicator: milestone.indicator, value: value, target: milestone.target,
                              status: Self.status(value: value, projected: nil, target: milestone.target,
                                                  remaining: remaining),
                              projected: nil)
        }
    }

    public var notComparableCount: Int { notComparable.reduce(0) { $0 + $1.count } }

    /// Reasons grouped by their first cause; the statuses behind a missing figure do not split a group,
    /// except that a case measure the data cannot judge yet is not "no figure".
    static func group(_ diffs: [DiffResult]) -> [Incomparable] {
        var order: [DiffReason?] = []
        var counts: [Int] = []
        for diff in diffs {
            let reason = diff.reasons.first.map(Self.cause)
            if let index = order.firstIndex(of: reason) { counts[index] += 1 } else {
                order.append(reason)
                counts.append(1)
            }
        }
        return zip(order, counts).map { Incomparable(reason: $0, count: $1) }
    }

    private static func cause(_ reason: DiffReason) -> DiffReason {
        guard case .missing(let periods, let statuses) = reason else { return reason }
        let unjudged = statuses.filter(DiffReason.unjudged.contains).prefix(1)
        return .missing(periods: periods, statuses: Array(unjudged))
    }

    static func line(_ entry: ReportData.Entry, target: Target, period: Period) -> TargetLine {
        let value = entry.current?.value
        let rate = currentRate(entry.history)
        let due = target.due
        let remaining = Double(due.dayNumber - period.end.dayNumber)
        let projected = value.flatMap { value in rate.map { value + $0 * max(0, remaining) } }
        return TargetLine(indicator: entry.indicator, value: value, target: target,
                          status: status(value: value, projected: projected, target: target, remaining: remaining),
                          projected: projected)
    }

    /// Met when the value meets it now; else the trend decides while time remains, and a passed date
    /// without the target met is off track.
    static func status(value: Double?, projected: Double?, target: Target, remaining: Double) -> TargetStatus {
        guard let value else { return .notAssessable }
        if target.comparison.holds(value, target.value) { return .met }
        if remaining <= 0 { return .offTrack }
        guard let projected else { return .notAssessable }
        return target.comparison.holds(projected, target.value) ? .onTrack : .offTrack
    }

    /// Change per day over the current run of changes in one direction (the trend the scorecard
    /// shows); nil with fewer than two figures.
    static func currentRate(_ history: [IndicatorResult]) -> Double? {
        let points = history.compactMap { result -> (day: Int, value: Double)? in
            guard let value = result.value, let period = try? Period.parse(result.period).period else { return nil }
            return (period.end.dayNumber, value)
        }
        guard points.count >= 2 else { return nil }
        let changes = zip(points, points.dropFirst()).map { $1.value > $0.value ? 1 : ($1.value < $0.value ? -1 : 0) }
        let last = changes.last!
        let run = changes.reversed().prefix { $0 == last }.count
        let start = points[points.count - 1 - run], end = points[points.count - 1]
        guard end.day > start.day else { return nil }
        return (end.value - start.value) / Double(end.day - start.day)
    }
}

extension Target {
    /// The day by which the target should be met: the end of its period, or its deadline.
    public var due: CivilDate {
        switch when {
        case .period(let period): return period.end
        case .deadline(let date): return date
        }
    }
}

extension ReportData {
    /// The first screen's answer, from the entries.
    public var summary: ReportSummary { ReportSummary(entries: entries, milestones: milestones, period: period) }
}
