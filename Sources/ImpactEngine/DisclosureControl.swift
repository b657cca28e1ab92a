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

    /// Cells to suppress, given each cell's protected counts (value, numerator, n…) and the
    /// additive groups among them. The complementary cell is the smallest published part, so as
    /// little as possible is hidden; groups are revisited until nothing changes.
    public func suppressed(counts: [String: [ProtectedCount]], groups: [Group]) -> Set<String> {
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
