import ImpactCore

extension IndicatorDeclaration {
    /// The target for the period itself, or the latest deadline that has passed by its end.
    public func target(for period: Period) -> Target? {
        if let exact = targets.first(where: { $0.when == .period(period) }) { return exact }
        return targets.filter { target in
            guard case .deadline(let date) = target.when else { return false }
            return date < period.end
        }
            .max { lhs, rhs in
                guard case .deadline(let a) = lhs.when, case .deadline(let b) = rhs.when else { return false }
                return a < b
            }
    }
}
