
/// Whether an indicator's data exists yet; anything but `available` is stated on every row.
public enum PlanningStatus: String, CaseIterable, Sendable {
    case available, expected, planned
    case notArranged = "not_arranged"
}
