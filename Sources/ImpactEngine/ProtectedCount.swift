/// A published count that can point at a family, with the minimum cell of the series it comes from.
/// Each count carries its own threshold: in `x.a / x.b` the denominator is judged by `x.b`'s
/// `min_cell`, never by the numerator's, so a cell hidden in one row cannot appear in another.
public struct ProtectedCount: Hashable, Sendable {
    public let value: Double?
    public let minimumCell: Double

    public init(_ value: Double?, minimumCell: Double) {
        self.value = value
        self.minimumCell = minimumCell
    }

    /// From 1 up to the minimum cell; zero identifies no one and is published.
    public var isSmall: Bool { value.map { $0 > 0 && $0 < minimumCell } ?? false }
}
