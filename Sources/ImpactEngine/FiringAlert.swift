import ImpactLanguage

/// An alert firing now, with what a reader needs beside the ids: the indicator and rule as declared
/// (for the title and the rule in words) where the definitions still hold them.
public struct FiringAlert: Sendable {
    public let indicatorID: String
    public let ruleName: String
    public let indicator: IndicatorDeclaration?
    public let rule: AlertRule?
    public let geo: String
    public let period: String
    public let value: Double?
    /// The period of the latest change to firing; nil when the store kept no transition for it.
    public let sincePeriod: String?
    /// When that change was recorded (an ISO timestamp).
    public let sinceAt: String?
}
