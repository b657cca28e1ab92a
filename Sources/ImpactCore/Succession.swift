/// `weight` of old unit `oldCode` went into `newCode` on `effective` (a merger has weight 1,
/// a split divides the old unit over several new ones).
public struct Succession: Hashable, Sendable {
    public let oldCode: String
    public let newCode: String
    public let effective: CivilDate
    public let weight: Double

    public init(oldCode: String, newCode: String, effective: CivilDate, weight: Double) {
        self.oldCode = oldCode
        self.newCode = newCode
        self.effective = effective
        self.weight = weight
    }
}
