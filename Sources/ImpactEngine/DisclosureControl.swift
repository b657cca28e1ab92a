/// Small-cell protection for everything published. Counts from 1 up to their series' minimum cell
/// (and anything computed from them) are suppressed; then, wherever a total is published and exactly one
/// of its parts is suppressed, a second part is suppressed too, so no cell can be recovered as the
/// total minus the other parts. Zero is published: "no reports" identifies no one.
public struct DisclosureControl: Sendable {
    /// A total and the areas that add up to it (a region and its members in one period).
    public struct Group: Hashable, Sendable {
        public let total: String
        public let parts: [String]

        public init(total: String, parts: [String]) {
            self.total = total
            self.parts = parts
        }
    }

    public init() {}

    /// Cells to suppress, given each cell's protected counts (value, numerator, denominator, n — in
    /// the same order for every cell) and the additive groups among them. Each kind of count is
    /// protected on its own, with the complement chosen by that count: so an indicator showing `x.b`
    /// and a fraction over `x.b` hide the same areas' `x.b`, and one output never shows in one row
    /// what another row hides. A union of closed sets is closed, so the combination stays safe.
    public func suppressed(counts: [String: [ProtectedCount]], groups: [Group]) -> Set<String> {
        let kinds = counts.values.map(\.count).max() ?? 0
        return (0..<kinds).reduce(into: Set<String>()) { hidden, kind in
            let component = counts.compactMapValues { $0.indices.contains(kind) ? [$0[kind]] : nil }
            hidden.formUnion(suppressed(component: component, groups: groups))
        }
    }

    /// One kind of count: primary suppression, then complements until every group is safe. The
    /// complementary cell is the smallest published part, so as little as possible is hidden.
    private func suppressed(component counts: [String: [ProtectedCount]], groups: [Group]) -> Set<String> {
        var hidden = Set(counts.filter { $0.value.contains(where: \.isSmall) }.map(\.key))
        // Cells without any figure are not published. A total without one hides its parts' sum; a
        // part without one adds nothing to a published total (an absent Buiten-regio bucket, a
        // member the region's own figure already covers), so it is no unknown that protects another.
        let unpublished = Set(counts.filter { $0.value.allSatisfy { $0.value == nil } }.map(\.key))
        var changed = true
        while changed {
            changed = false
            for group in groups where counts[group.total] != nil {
                let members = [group.total] + group.parts.filter { counts[$0] != nil }
                let unknowns = members.filter { hidden.contains($0) || ($0 == group.total && unpublished.contains($0)) }
                guard unknowns.count == 1, hidden.contains(unknowns[0]) else { continue }
                let candidates = group.parts.filter {
                    counts[$0] != nil && !hidden.contains($0) && !unpublished.contains($0)
                }
                let smallest = candidates.min {
                    size(counts[$0]) < size(counts[$1]) || (size(counts[$0]) == size(counts[$1]) && $0 < $1)
                }
                let complement = smallest
                    ?? (hidden.contains(group.total) || unpublished.contains(group.total) ? nil : group.total)
                if let complement {
                    hidden.insert(complement)
                    changed = true
                }
            }
        }
        return hidden
    }

    private func size(_ counts: [ProtectedCount]?) -> Double {
        counts?.compactMap(\.value).max() ?? 0
    }
}
