import ImpactCore
import ImpactLanguage

/// A random reference case from a seed: geography (regions, buckets, sometimes a merger), three
/// series of different kinds delivered at mixed grains with gaps, empty and suppressed cells and
/// provisional rows, a second batch of revisions, and random indicators over them.
struct ReferenceScenario {
    private(set) var world = ReferenceWorld()
    private var random: SeededGenerator

    init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
        makeGeography()
        world.series = [
            .init(key: "x.flow", unit: "count", time: .sum, geo: .sum,
                  minimumCell: [nil, 3, 7].randomElement(using: &random)!, hasDimension: true),
            .init(key: "x.pop", unit: "persons", time: .last, geo: .sum,
                  minimumCell: [nil, 4].randomElement(using: &random)!, hasDimension: false),
            .init(key: "x.dist", unit: "persons", time: .none, geo: .none, minimumCell: nil, hasDimension: false),
        ]
        makeBatches()
        world.indicators = (0..<6).map { makeIndicator("i\($0)") }
    }

    var areaCodes: [String] { world.areas.map(\.code) }

    private mutating func chance(_ probability: Double) -> Bool {
        Double.random(in: 0..<1, using: &random) < probability
    }

    private mutating func makeGeography() {
        let count = Int.random(in: 2...4, using: &random)
        var municipalities = (1...count).map { "GM0\($0)" }
        var members: [ReferenceWorld.Member] = []
        let merged = chance(0.4)
        if merged {
            municipalities += ["GM0M"]
            members += ["GM01", "GM02"].map { .init(region: "RA", member: $0, from: nil, until: 2019) }
            members.append(.init(region: "RA", member: "GM0M", from: 2019, until: nil))
        }
        let plain = municipalities.filter { !merged || !["GM01", "GM02", "GM0M"].contains($0) }
        members += plain.map { .init(region: "RA", member: $0, from: nil, until: nil) }
        world.areas = municipalities.map { .init(code: $0, kind: "area", level: "gemeente") }
        for (code, kind) in [("RA-ONB", "unknown"), ("RA-BUI", "outside")] where chance(0.6) {
            world.areas.append(.init(code: code, kind: kind, level: "gemeente"))
            members.append(.init(region: "RA", member: code, from: nil, until: nil))
        }
        world.areas.append(.init(code: "RA", kind: "area", level: "regio"))
        if chance(0.5) {
            world.areas.append(.init(code: "RB", kind: "area", level: "provincie"))
            members += plain.filter { _ in chance(0.7) }.map { .init(region: "RB", member: $0, from: nil, until: nil) }
        }
        world.members = members
    }

    /// The geography as the engine's reference files.
    var geographyFiles: [String: String] {
        let until = Dictionary(world.members.compactMap { m in m.until.map { (m.member, $0) } }) { a, _ in a }
        let from = Dictionary(world.members.compactMap { m in m.from.map { (m.member, $0) } }) { a, _ in a }
        func date(_ year: Int?) -> String { year.map { "\($0)-01-01" } ?? "" }
        let units = world.areas.map { "\($0.code),\($0.code),\($0.level),\($0.kind),\(date(from[$0.code])),"
            + "\(date(until[$0.code]))\n" }.joined()
        let memberships = world.members.map { "vt,\($0.region),\($0.member),\(date($0.from)),\(date($0.until))\n" }
        return ["units.csv": "code,name,level,kind,valid_from,valid_until\n" + units,
                "sets.csv": "set,name\nvt,VT\n",
                "memberships.csv": "set,region,member,valid_from,valid_until\n" + memberships.joined()]
    }

    private mutating func makeBatches() {
        var first: [ReferenceWorld.Row] = []
        for series in world.series {
            for area in world.areas where area.level == "gemeente" || chance(0.3) {
                for melder in series.hasDimension ? [nil, "A", "B"] : [nil] as [String?] {
                    for year in 2018...2019 { first += deliveries(series, area.code, melder, year) }
                }
            }
        }
        var second: [ReferenceWorld.Row] = []
        for var row in first where chance(0.15) {
            row.value = Double(Int.random(in: 0...20, using: &random))
            row.suppressed = false
            row.provisional = chance(0.3)
            second.append(row)
        }
        world.batches = [first, second]
    }

    /// One area's deliveries for one year: nothing, the year, quarters or months (some missing).
    private mutating func deliveries(_ series: ReferenceWorld.Series, _ geo: String, _ melder: String?,
                                     _ year: Int) -> [ReferenceWorld.Row] {
        let grains: [Grain] = series.time == .none ? [.year, .quarter] : [.year, .quarter, .month]
        guard chance(0.7) else { return [] }
        let grain = grains.randomElement(using: &random)!
        let periods = Period.year(year).subperiods(grain)
        let dropEach = chance(0.3) ? 0.3 : 0.0
        return periods.compactMap { period in
            guard !chance(dropEach) else { return nil }
            var row = ReferenceWorld.Row(series: series.key, geo: geo, period: period, melder: melder, value: nil)
            let roll = Double.random(in: 0..<1, using: &random)
            if roll < 0.05 { row.suppressed = true } else if roll >= 0.1 {
                row.value = Double(Int.random(in: 0...20, using: &random))
            }
            row.provisional = chance(0.15)
            return row
        }
    }

    /// The canonical CSV of one batch.
    func csv(_ rows: [ReferenceWorld.Row]) -> String {
        "series,geo,period,melder,value,status\n" + rows.map { row in
            let value = row.suppressed ? "." : row.value.map { String(Int($0)) } ?? ""
            return "\(row.series),\(row.geo),\(row.period.code),\(row.melder ?? ""),\(value),"
                + "\(row.provisional ? "provisional" : "")\n"
        }.joined()
    }

    var seriesDefinitions: String {
        world.series.map { series in
            let dimension = series.hasDimension ? "  dimension melder {\n    \"A\"\n    \"B\"\n  }\n" : ""
            let cell = series.minimumCell.map { "  min_cell \($0)\n" } ?? ""
            return "series \(series.key) {\n  title \"\(series.key)\"\n  unit \(series.unit)\n"
                + "  time \(series.time.rawValue)\n  geo \(series.geo.rawValue)\n\(dimension)\(cell)}\n"
        }.joined()
    }

    private mutating func makeIndicator(_ id: String) -> ReferenceIndicator {
        let pop = ReferenceExpression.leaf(ReferenceLeaf(key: "x.pop", values: nil, statistic: nil))
        switch Int.random(in: 0..<6, using: &random) {
        case 0:
            let denominator = chance(0.5) ? pop : count(0)
            return ReferenceIndicator(id: id, unit: "ratio", expression: .divide(count(1), denominator))
        case 1: return ReferenceIndicator(id: id, unit: "percent", expression: .percent(count(1), count(0)))
        case 2: return ReferenceIndicator(id: id, unit: "rate_per_1000", expression: .per(count(0), 1000, pop))
        case 3: return ReferenceIndicator(id: id, unit: "persons", expression: persons())
        default: return ReferenceIndicator(id: id, unit: "count", expression: count(2))
        }
    }

    private mutating func persons() -> ReferenceExpression {
        let dist = ReferenceExpression.leaf(ReferenceLeaf(key: "x.dist", values: nil, statistic: nil))
        let pop = ReferenceExpression.leaf(ReferenceLeaf(key: "x.pop", values: nil, statistic: nil))
        return [dist, pop, .previous(pop), .coalesce([dist, pop]), .lastYear(dist)].randomElement(using: &random)!
    }

    private mutating func count(_ depth: Int) -> ReferenceExpression {
        if depth > 0 && chance(0.5) {
            switch Int.random(in: 0..<5, using: &random) {
            case 0: return .add(count(depth - 1), count(depth - 1))
            case 1: return .subtract(count(depth - 1), count(depth - 1))
            case 2: return .previous(count(depth - 1))
            case 3: return .lastYear(count(depth - 1))
            default: return .coalesce([count(depth - 1), chance(0.5) ? .number(0) : count(depth - 1)])
            }
        }
        let values = [nil, ["A"], ["A", "B"]].randomElement(using: &random)!
        let statistic = chance(0.25) ? ["avg", "median", "min", "max", "count"].randomElement(using: &random) : nil
        return .leaf(ReferenceLeaf(key: "x.flow", values: values, statistic: statistic))
    }
}
