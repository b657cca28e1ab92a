import ImpactCore
import ImpactLanguage

/// Everything one reference case consists of, as plain values: a geography, series declarations,
/// deliveries in batches, and indicators. The engine gets it as files; the reference reads it here.
struct ReferenceWorld {
    struct Area {
        let code: String
        let kind: String
        let level: String
    }

    /// `member` belongs to `region` from the first of January of `from` until that of `until`.
    struct Member {
        let region: String
        let member: String
        let from: Int?
        let until: Int?

        func overlaps(_ period: Period) -> Bool {
            (from.map { CivilDate(year: $0, month: 1, day: 1) < period.end } ?? true)
                && (until.map { period.start < CivilDate(year: $0, month: 1, day: 1) } ?? true)
        }
    }

    struct Series {
        let key: String
        let unit: String
        let time: TimeAggregation
        let geo: GeoAggregation
        let minimumCell: Int?
        let hasDimension: Bool
    }

    /// One delivered cell; `melder` nil is the total over the dimension.
    struct Row {
        let series: String
        let geo: String
        let period: Period
        let melder: String?
        var value: Double?
        var suppressed = false
        var provisional = false

        var key: String { "\(series) \(geo) \(period.code) \(melder ?? "")" }
    }

    var areas: [Area] = []
    var members: [Member] = []
    var series: [Series] = []
    var batches: [[Row]] = []
    var indicators: [ReferenceIndicator] = []

    /// The current vintage: per cell the row of the latest batch that delivered it.
    var current: [Row] {
        var latest: [String: Row] = [:]
        for batch in batches { for row in batch { latest[row.key] = row } }
        return Array(latest.values)
    }

    func kind(of code: String) -> String { areas.first { $0.code == code }?.kind ?? "area" }

    func declaration(_ key: String) -> Series { series.first { $0.key == key }! }

    /// Members of `region` at any moment of `period`, each once.
    func members(of region: String, during period: Period) -> [String] {
        Array(Set(members.filter { $0.region == region && $0.overlaps(period) }.map(\.member))).sorted()
    }
}
