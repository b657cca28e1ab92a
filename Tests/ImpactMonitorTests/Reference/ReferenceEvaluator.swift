import ImpactCore
import ImpactLanguage

/// A second, deliberately plain implementation of `docs/indicator-language.md` ("Semantics" and
/// "Semantics in detail"): loops over the rows of a `ReferenceWorld`, no SQL, no rollups. It
/// exists to disagree with the engine; when it does, the documentation decides which is wrong.
struct ReferenceEvaluator {
    let world: ReferenceWorld
    private let rows: [String: [ReferenceWorld.Row]]

    init(world: ReferenceWorld) {
        self.world = world
        rows = Dictionary(grouping: world.current) { "\($0.series) \($0.geo)" }
    }

    /// One area's figure: its rows of one series inside the window, each dimension value at its
    /// coarsest delivered grain and complete on its own, values combined as areas combine.
    struct Figure {
        var value: Double?
        var provisional = false
        var suppressed = false
        var complete = true
        var partial = false
    }

    /// A read input leaf in a shifted period, or nil when nothing was read.
    func input(_ leaf: ReferenceLeaf, _ geo: String, _ window: Period) -> Figure? {
        leaf.statistic == nil ? total(leaf, geo, window) : statistic(leaf, geo, window)
    }

    func evaluate(_ indicator: ReferenceIndicator, geo: String, period: Period) -> ReferenceCell {
        ReferenceCell(evaluator: self, expression: indicator.expression, geo: geo, period: period)
    }

    /// The area's own figure when delivered; else (not for distinct persons) the sum over its
    /// members, which needs every real member and every delivered figure.
    private func total(_ leaf: ReferenceLeaf, _ geo: String, _ window: Period) -> Figure? {
        if var own = figure(leaf, geo, window) {
            if !own.complete { own.value = nil }
            return own
        }
        let series = world.declaration(leaf.key)
        let members = world.members(of: geo, during: window)
        guard series.geo != .none, !members.isEmpty else { return nil }
        let delivered = members.compactMap { code in figure(leaf, code, window).map { (code, $0) } }
        guard !delivered.isEmpty else { return nil }
        let required = members.filter { world.kind(of: $0) == "area" }.count
        let all = delivered.filter { world.kind(of: $0.0) == "area" }.count == required
        var result = merged(delivered.map(\.1))
        result.partial = !all
        let values = delivered.compactMap(\.1.value)
        result.value = result.complete && all && values.count == delivered.count ? values.reduce(0, +) : nil
        return result
    }

    /// avg/median/min/max/count over the real members with a complete figure; an area without
    /// real members compares with itself.
    private func statistic(_ leaf: ReferenceLeaf, _ geo: String, _ window: Period) -> Figure? {
        let real = world.members(of: geo, during: window).filter { world.kind(of: $0) == "area" }
        let figures = (real.isEmpty ? [geo] : real).compactMap { figure(leaf, $0, window) }
        guard !figures.isEmpty else { return nil }
        var result = merged(figures)
        let compared = figures.filter(\.complete).compactMap(\.value)
        result.partial = !compared.isEmpty && compared.count < real.count
        result.value = result.complete ? Self.statistic(leaf.statistic!, compared) : nil
        return result
    }

    static func statistic(_ name: String, _ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        switch name {
        case "avg": return values.reduce(0, +) / Double(values.count)
        case "min": return sorted.first
        case "max": return sorted.last
        case "count": return Double(values.count)
        default:
            let middle = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        }
    }

    private func merged(_ figures: [Figure]) -> Figure {
        Figure(value: nil, provisional: figures.contains(where: \.provisional),
               suppressed: figures.contains(where: \.suppressed), complete: figures.allSatisfy(\.complete))
    }

    /// The area's own rows: per dimension value, the coarsest grain, combined over time.
    private func figure(_ leaf: ReferenceLeaf, _ geo: String, _ window: Period) -> Figure? {
        let series = world.declaration(leaf.key)
        let read = (rows["\(leaf.key) \(geo)"] ?? []).filter { row in
            window.start <= row.period.start && row.period.end <= window.end
                && (series.time != .none || row.period.grain == window.grain)
                && (leaf.values.map { values in row.melder.map(values.contains) ?? false } ?? (row.melder == nil))
        }
        guard !read.isEmpty else { return nil }
        let categories = Dictionary(grouping: read) { $0.melder ?? "" }.values.map { category in
            let grain = category.map(\.period.grain.months).max()!
            return overTime(series.time, category.filter { $0.period.grain.months == grain }, window)
        }
        var result = merged(categories)
        let values = categories.compactMap(\.value)
        if values.count == categories.count {
            result.value = series.geo == .none ? (values.count == 1 ? values[0] : nil) : values.reduce(0, +)
        }
        return result
    }

    /// Sub-periods of one grain: a flow needs them all, a stock its last, distinct persons exactly one.
    private func overTime(_ time: TimeAggregation, _ rows: [ReferenceWorld.Row], _ window: Period) -> Figure {
        var figure = Figure(provisional: rows.contains(where: \.provisional),
                            suppressed: rows.contains(where: \.suppressed))
        let values = rows.compactMap(\.value)
        switch time {
        case .last:
            let start = rows.map(\.period.start).max()!
            let last = rows.filter { $0.period.start == start }
            figure.value = last.allSatisfy { $0.value != nil } ? last.compactMap(\.value).reduce(0, +) : nil
            figure.complete = rows.map(\.period.end).max()! == window.end
        case .none:
            figure.value = rows.count == 1 ? rows[0].value : nil
        default:
            figure.value = values.count == rows.count ? values.reduce(0, +) : nil
            figure.complete = Set(rows.map(\.period)).count * rows[0].period.grain.months == window.grain.months
        }
        return figure
    }
}
