import ImpactCompiler
import ImpactCore
import ImpactLanguage

/// The case measures in plain Swift over an array of events, written from the rules in
/// docs/indicator-language.md ("Case measures") without SQL, to check `CaseSQL` against.
struct CaseReference {
    struct Event {
        let caseID: String
        let person: String
        let role: String
        let type: String
        let date: CivilDate
        let geo: String
        let dims: [String: String]
    }

    /// What one cell should show.
    struct Cell: Equatable, CustomStringConvertible {
        var value: Double?
        var numerator: Double?
        var denominator: Double?
        var n: Double?
        var status: String

        var description: String {
            "value \(value.map { "\($0)" } ?? "–") num \(numerator.map { "\($0)" } ?? "–") "
                + "den \(denominator.map { "\($0)" } ?? "–") n \(n.map { "\($0)" } ?? "–") \(status)"
        }
    }

    let events: [Event]
    let geography: Geography

    var firstDay: CivilDate? {
        events.map(\.date).min().map { CivilDate(year: $0.year, month: $0.month, day: 1) }
    }

    var lastDay: CivilDate? {
        events.map(\.date).max().map { CivilDate(year: $0.year, month: $0.month,
                                                 day: CivilDate.daysIn(month: $0.month, year: $0.year)) }
    }

    func inArea(_ geo: String, _ area: String, on date: CivilDate) -> Bool {
        geo == area || geography.members(of: area, on: date).contains(geo)
    }

    /// Whole months later (negative: earlier), on the same day or the month's last day.
    static func shift(_ date: CivilDate, months: Int) -> CivilDate {
        let total = date.year * 12 + date.month - 1 + months
        let year = total >= 0 ? total / 12 : (total - 11) / 12
        let month = total - year * 12 + 1
        return CivilDate(year: year, month: month, day: min(date.day, CivilDate.daysIn(month: month, year: year)))
    }

    func coverage(_ period: Period) -> String {
        guard let first = firstDay, let last = lastDay else { return "missing" }
        if period.end <= first || period.start > last { return "missing" }
        if period.start < first || period.end > last.adding(days: 1) { return "incomplete" }
        return ""
    }

    func passes(_ event: Event, _ filters: [PlanFilter]) -> Bool {
        filters.allSatisfy { filter in
            let field = filter.dimension == "role" ? event.role : event.dims[filter.dimension] ?? ""
            return filter.values.contains(field) != filter.negated
        }
    }

    func evaluate(_ plan: CasePlan, geo: String, period: Period) -> Cell {
        let covered = coverage(period)
        guard covered.isEmpty else {
            return Cell(value: nil, numerator: nil, denominator: nil, n: nil, status: covered)
        }
        switch plan.measure {
        case .distinct(let persons, let types):
            let keys = events.filter { event in
                period.start <= event.date && event.date < period.end && inArea(event.geo, geo, on: event.date)
                    && passes(event, plan.filters) && types.contains(event.type)
                    && (!persons || !event.person.isEmpty)
            }.map { persons ? $0.person : $0.caseID }
            return Cell(value: Double(Set(keys).count), status: "ok")
        case .recurrenceBack(let event, let months, let byPerson):
            return recurrence(plan, index: event, recurring: event, months: -months, byPerson: byPerson, geo, period)
        case .recurrenceForward(let event, let months, let after, let byPerson):
            return recurrence(plan, index: after, recurring: event, months: months, byPerson: byPerson, geo, period)
        case .duration(let start, let end, let statistic):
            return duration(plan, start: start, end: end, statistic: statistic, geo, period)
        case .exceeding(let start, let end, let days):
            let spells = self.spells(plan, start: start, end: end, geo, period)
            let numerator = spells.filter { $0.days > days }.count
            let denominator = spells.filter { $0.ended || $0.days > days }.count
            let excluded = spells.count - denominator
            return share(numerator, denominator, excluded: excluded, status: "follow_up_incomplete")
        }
    }

    /// Each case's first event of `type` in the period, when it lies in the area.
    func indexEvents(_ plan: CasePlan, type: String, _ geo: String, _ period: Period) -> [Event] {
        let candidates = events.filter { $0.type == type && period.start <= $0.date && $0.date < period.end
            && passes($0, plan.filters) }
        let first = Dictionary(grouping: candidates, by: \.caseID).values.map { events in
            events.min { ($0.date, $0.geo) < ($1.date, $1.geo) }!
        }
        return first.filter { inArea($0.geo, geo, on: $0.date) }
    }

    func recurrence(_ plan: CasePlan, index: String, recurring: String, months: Int, byPerson: Bool,
                    _ geo: String, _ period: Period) -> Cell {
        var hits = 0, assessed = 0, excluded = 0
        for event in indexEvents(plan, type: index, geo, period) {
            let edge = Self.shift(event.date, months: months)
            if months < 0 ? edge < firstDay! : edge > lastDay! {
                excluded += 1
                continue
            }
            assessed += 1
            let persons = Set(events.filter { $0.caseID == event.caseID && !$0.person.isEmpty }.map(\.person))
            let found = events.contains { other in
                let inWindow = months < 0 ? other.date < event.date && other.date >= edge
                    : other.date > event.date && other.date <= edge
                let same = byPerson ? persons.contains(other.person) : other.caseID == event.caseID
                return other.type == recurring && inWindow && same
            }
            if found { hits += 1 }
        }
        return share(hits, assessed, excluded: excluded,
                     status: months < 0 ? "not_assessable" : "follow_up_incomplete")
    }

    func share(_ numerator: Int, _ denominator: Int, excluded: Int, status: String) -> Cell {
        guard denominator > 0 else {
            return Cell(value: nil, numerator: 0, denominator: 0, n: 0,
                        status: excluded > 0 ? status : "division_by_zero")
        }
        return Cell(value: 100 * Double(numerator) / Double(denominator), numerator: Double(numerator),
                    denominator: Double(denominator), n: Double(denominator), status: "ok")
    }

    struct Spell {
        let days: Int
        let ended: Bool
    }

    func spells(_ plan: CasePlan, start: String, end: String, _ geo: String, _ period: Period) -> [Spell] {
        let cut = min(period.end.adding(days: -1), lastDay!)
        return indexEvents(plan, type: start, geo, period).map { index in
            let stop = events.filter { $0.caseID == index.caseID && $0.type == end && $0.date >= index.date }
                .map(\.date).min()
            if let stop, stop <= cut { return Spell(days: stop.dayNumber - index.date.dayNumber, ended: true) }
            return Spell(days: cut.dayNumber - index.date.dayNumber, ended: false)
        }
    }

    func duration(_ plan: CasePlan, start: String, end: String, statistic: DurationStatistic,
                  _ geo: String, _ period: Period) -> Cell {
        let spells = self.spells(plan, start: start, end: end, geo, period)
        guard !spells.isEmpty else { return Cell(value: nil, n: 0, status: "missing") }
        let value: Double?
        switch statistic {
        case .mean:
            value = spells.contains { !$0.ended } ? nil
                : Double(spells.map(\.days).reduce(0, +)) / Double(spells.count)
        case .median: value = Self.kaplanMeier(spells, level: 0.5)
        case .percentile(let p): value = Self.kaplanMeier(spells, level: 1 - Double(p) / 100)
        }
        let status = value != nil ? "ok" : (statistic == .mean ? "not_assessable" : "not_reached")
        return Cell(value: value, n: Double(spells.count), status: status)
    }

    /// The first event time at which the product-limit survival is at most `level`.
    static func kaplanMeier(_ spells: [Spell], level: Double) -> Double? {
        var survival = 1.0
        for time in Set(spells.map(\.days)).sorted() {
            let atRisk = spells.filter { $0.days >= time }.count
            let ended = spells.filter { $0.days == time && $0.ended }.count
            guard ended > 0 else { continue }
            survival *= 1 - Double(ended) / Double(atRisk)
            if survival <= level + 1e-9 { return Double(time) }
        }
        return nil
    }
}
