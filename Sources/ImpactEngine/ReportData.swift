import ImpactCore
import ImpactLanguage

/// Everything a steering-group report shows, gathered from the store through disclosure control.
/// Rendering (HTML, Markdown) is separate and never touches the store.
public struct ReportData: Sendable {
    public struct Trend: Sendable {
        /// +1 rising, −1 falling, 0 flat or unknown.
        public let direction: Int
        /// For how many consecutive changes the direction has held.
        public let periods: Int
    }

    public struct Entry: Sendable {
        public let indicator: IndicatorDeclaration
        public let current: IndicatorResult?
        public let prior: IndicatorResult?
        public let diff: DiffResult?
        public let target: Target?
        public let trend: Trend
        public let history: [IndicatorResult]
        public let members: [IndicatorResult]
        /// A fraction's minimum publishable denominator: a ratio over fewer cases is not charted.
        public let minimumDenominator: Double?
    }

    /// A dated target ("every municipality has a local plan by end 2020") with the share achieved.
    public struct Milestone: Sendable {
        public let indicator: IndicatorDeclaration
        public let deadline: CivilDate
        public let target: Target
        public let result: IndicatorResult?
    }

    public struct Batch: Sendable {
        public let id: Int
        public let source: String
        public let origin: String
        public let finished: String
    }

    /// A case event source the report's indicators read: its current deliveries and the months
    /// they cover, so the reader sees what case figures rest on and whether they are synthetic.
    public struct EventDelivery: Sendable {
        public let source: String
        /// The `cases` block's title: the reader sees it instead of the source's id.
        public let title: String?
        public let batches: [Batch]
        public let first: CivilDate
        public let last: CivilDate
        /// The `cases` block's note when the events are synthetic.
        public let synthetic: String?
    }

    public let region: GeoUnit
    public let period: Period
    public let compare: Period?
    public let programme: ProgrammeDeclaration?
    public let batches: [Batch]
    public let eventDeliveries: [EventDelivery]
    public let entries: [Entry]
    public let milestones: [Milestone]
    public let firing: [FiringAlert]
    public let catalogue: DataTable
    public let geography: Geography
    public let suppressionApplied: Bool
    /// When the period has no figure: the nearest periods that have one for the region (empty otherwise).
    public let periodsWithFigures: [Period]
}

extension ReportData {
    /// Whether any indicator has a figure for the report period: a report without one says so first.
    public var hasFigures: Bool { entries.contains { $0.current?.value != nil } }

    /// Whether an indicator belongs under an action line of the report's programme: line ids such as
    /// `al1` repeat across programmes, so the programme must match too.
    public func places(_ indicator: IndicatorDeclaration, on line: ActionLine) -> Bool {
        indicator.line?.value == line.id.value && indicator.programme?.value == programme?.id.value
    }
}
