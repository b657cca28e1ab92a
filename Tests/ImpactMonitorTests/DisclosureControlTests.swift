import Testing
import TestHarness
@testable import ImpactEngine

@Suite(.scratch) struct DisclosureControlTests {
    let control = DisclosureControl()

    /// Plain counts, all judged by the default minimum cell of 5.
    func counts(_ values: [String: [Double?]]) -> [String: [ProtectedCount]] {
        values.mapValues { $0.map { ProtectedCount($0, minimumCell: 5) } }
    }

    @Test func primarySuppressionOfSmallCountsButNotZero() {
        let hidden = control.suppressed(counts: counts(["a": [3], "b": [0], "c": [5], "d": [nil]]), groups: [])
        #expect(hidden == ["a"])
    }

    @Test func complementarySuppressionProtectsASingleSmallPart() {
        let values: [String: [Double?]] = ["R": [100], "A": [3], "B": [40], "C": [57]]
        let hidden = control.suppressed(counts: counts(values), groups: [.init(total: "R", parts: ["A", "B", "C"])])
        #expect(hidden == ["A", "B"])
    }

    @Test func anyProtectedCountTriggers() {
        let hidden = control.suppressed(counts: counts(["x": [40, 3]]), groups: [])
        #expect(hidden == ["x"])
    }

    /// Property: in random tables, absent parts included, no suppressed cell can be recovered by
    /// subtraction within a group — every group has zero or at least two suppressed cells among its
    /// total and parts.
    @Test func noSuppressedCellIsDerivableBySubtraction() {
        var generator = SeededGenerator(seed: 99)
        for _ in 0..<2000 {
            let partCount = Int.random(in: 1...6, using: &generator)
            let parts = (0..<partCount).map { "P\($0)" }
            var counts: [String: [Double?]] = [:]
            // About one part in five is absent (no figure at all): it adds nothing to the total.
            for part in parts {
                let absent = Int.random(in: 0..<5, using: &generator) == 0
                counts[part] = [absent ? nil : Double(Int.random(in: 0...12, using: &generator))]
            }
            counts["R"] = [parts.reduce(0) { $0 + (counts[$1]![0] ?? 0) }]
            var groups = [DisclosureControl.Group(total: "R", parts: parts)]
            if partCount >= 3 {
                let subset = Array(parts.shuffled(using: &generator).prefix(2))
                counts["S"] = [subset.reduce(0) { $0 + (counts[$1]![0] ?? 0) }]
                groups.append(.init(total: "S", parts: subset))
            }
            let hidden = control.suppressed(counts: self.counts(counts), groups: groups)
            for (cell, values) in counts where ProtectedCount(values[0], minimumCell: 5).isSmall { #expect(hidden.contains(cell)) }
            for group in groups {
                let suppressedInGroup = ([group.total] + group.parts).filter(hidden.contains).count
                #expect(suppressedInGroup != 1, "group \(group.total) with \(counts) exposes one cell: \(hidden)")
            }
        }
    }
}

extension DisclosureControlTests {
    /// Each count is judged by its own threshold: 4 passes a series with `min_cell 3`, not one with 5.
    @Test func eachCountHasItsOwnThreshold() {
        let counts = ["a": [ProtectedCount(4, minimumCell: 3)], "b": [ProtectedCount(40, minimumCell: 3), ProtectedCount(4, minimumCell: 5)]]
        #expect(control.suppressed(counts: counts, groups: []) == ["b"])
    }

    /// An absent part adds nothing to a published total, so it does not protect a suppressed part:
    /// total − published parts would give it away (an absent Buiten-regio bucket, issue case).
    @Test func anAbsentPartDoesNotProtectTheSuppressedOne() {
        let values: [String: [Double?]] = ["R": [100], "A": [3], "B": [nil], "C": [57], "D": [40]]
        let hidden = control.suppressed(counts: counts(values), groups: [.init(total: "R", parts: ["A", "B", "C", "D"])])
        #expect(hidden == ["A", "D"])
    }

    /// A total without a figure already hides its parts' sum: no complement is needed.
    @Test func anUnpublishedTotalNeedsNoComplement() {
        let values: [String: [Double?]] = ["R": [nil], "A": [3], "C": [57]]
        #expect(control.suppressed(counts: counts(values), groups: [.init(total: "R", parts: ["A", "C"])]) == ["A"])
    }
}
