
/// `indicator ID { … }`: one outcome criterion or output indicator as the programme defines it —
/// titles (Dutch, English), where it sits in the programme tree, unit and polarity, the value
/// expression (absent while the data is only planned), targets, alert rules and thresholds.
/// The planner turns its value into an `IndicatorPlan`; the report and catalogue read the rest.
public struct IndicatorDeclaration: Sendable {
    public let id: Located<String>
    public var title: String?
    public var titleEnglish: String?
    public var description: String?
    public var criterion: Criterion?
    public var programme: Located<String>?
    public var line: Located<String>?
    /// The outcome criterion this output indicator serves.
    public var outcome: Located<String>?
    public var unit: Located<Unit>?
    public var polarity: Polarity?
    public var value: Expression?
    public var source: String?
    public var status: PlanningStatus = .available
    public var statusNote: String?
    public var owner: String?
    public var minimumN: Double?
    public var minimumCell: Int?
    public var targets: [Target] = []
    public var alerts: [AlertRule] = []
    public var cites: [String] = []
    /// Every field written in the block, even one whose value had an error (reported by the parser),
    /// so the checker does not also report the field as missing.
    public var writtenFields: Set<String> = []
}
