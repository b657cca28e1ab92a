import Foundation

/// Axis bounds and tick values that are round numbers (1, 2, 2.5 or 5 times a power of ten).
public struct NiceScale: Equatable, Sendable {
    public let lower: Double
    public let upper: Double
    public let step: Double

    /// `includeZero` keeps bars honest: a bar that does not start at zero exaggerates.
    public init(minimum: Double, maximum: Double, ticks: Int = 5, includeZero: Bool = false) {
        var low = includeZero ? min(0, minimum) : minimum
        var high = includeZero ? max(0, maximum) : maximum
        if low == high {
            low -= low == 0 ? 0 : abs(low) * 0.1
            high += high == 0 ? 1 : abs(high) * 0.1
        }
        let rough = (high - low) / Double(max(1, ticks - 1))
        let magnitude = pow(10, floor(log10(rough)))
        let step = [1, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= rough } ?? 10 * magnitude
        self.step = step
        self.lower = (low / step).rounded(.down) * step
        self.upper = (high / step).rounded(.up) * step
    }

    public var ticks: [Double] {
        let count = Int(((upper - lower) / step).rounded()) + 1
        return (0..<count).map { lower + Double($0) * step }
    }

    /// Position of `value` on an axis from `start` (at `lower`) to `end` (at `upper`).
    public func position(_ value: Double, from start: Double, to end: Double) -> Double {
        start + (value - lower) / (upper - lower) * (end - start)
    }
}
