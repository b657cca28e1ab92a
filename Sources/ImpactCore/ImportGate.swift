/// An import gate: an expectation a delivery must meet (Soda-style), at warn or fail level.
public struct ImportGate: Sendable {
    public enum Kind: Sendable, Equatable {
        /// Every listed area delivers at least one figure.
        case regions([String])
        /// Every listed period is delivered.
        case periods([Period])
        /// No negative values (counts cannot be negative).
        case noNegative
        /// Where a batch holds a total and its parts, they agree within the tolerance.
        case partsSum(tolerance: Double, relative: Bool)
        /// The newest period ends no longer ago than this many months.
        case freshness(months: Int)

        /// The word after `expect` that declares this kind of gate, as messages name it.
        public var keyword: String {
            switch self {
            case .regions: return "regions"
            case .periods: return "periods"
            case .noNegative: return "no_negative"
            case .partsSum: return "parts_sum"
            case .freshness: return "fresh"
            }
        }
    }
    public enum Level: String, CaseIterable, Sendable { case warn, fail }

    public let kind: Kind
    public let level: Level
    public let range: SourceRange

    package init(kind: Kind, level: Level, range: SourceRange) {
        self.kind = kind
        self.level = level
        self.range = range
    }
}
