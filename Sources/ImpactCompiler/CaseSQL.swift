import ImpactLanguage
import ImpactStore

/// Renders a `CasePlan` as one SQL statement over the case events (or the case days the import
/// keeps from them, when the plan says so) for all requested areas and periods, with the same
/// request parameters as `SQLGenerator` (`?1` areas, `?2` periods).
///
/// Every statement yields per cell: value, numerator, denominator, n, the data's coverage of the
/// period (`missing`, `incomplete` or empty), cases excluded because their window reaches past the
/// data, and censored cases. The data cover whole months from the first to the last event's month.
/// An event counts for an area when its area is the area or a member of it on the event's date;
/// a case belongs to the area of its index event (its first event of the type in the period).
/// Month arithmetic clamps to the month's last day (31 March minus one month is 28 February).
/// What differs between engines (date arithmetic, join order, casts) comes from the `SQLDialect`.
public struct CaseSQL {
    public let dialect: any SQLDialect

    public init(dialect: any SQLDialect = SQLiteDialect()) { self.dialect = dialect }

    public static let columns = ["geo", "period", "value", "numerator", "denominator", "n", "coverage", "excluded",
                                 "censored"]

    public func compile(_ plan: CasePlan, vintage: Vintage = .current) -> CompiledQuery {
        if let measure = plan.keptResults, vintage == .current {
            return CaseResultSQL(dialect: dialect).read(plan, measure: measure)
        }
        var builder = SQLGenerator.Builder(dialect: dialect)
        _ = builder.bind(.null)
        _ = builder.bind(.null)
        var context = Context(plan: plan, source: builder.bind(.text(plan.source)), builder: builder)
        context.asOf = vintage.batch.map { context.builder.bind(.integer(Int64($0))) }
        let body = context.measureCTEs()
        let sql = "WITH\n" + (context.commonCTEs() + body.ctes).joined(separator: ",\n") + "\n" + body.select
        return CompiledQuery(sql: sql, fixedParameters: Array(context.builder.parameters.dropFirst(2)), inputCount: 0)
    }

    /// The statement under construction: its bound parameters and the pieces every measure shares.
    struct Context {
        let plan: CasePlan
        let source: String
        var builder: SQLGenerator.Builder
        var asOf: String?

        init(plan: CasePlan, source: String, builder: SQLGenerator.Builder) {
            self.plan = plan
            self.source = source
            self.builder = builder
        }

        var dialect: any SQLDialect { builder.dialect }
        var join: String { dialect.orderedJoin }

        mutating func bind(_ text: String) -> String { builder.bind(.text(text)) }

        /// The current rows of the source, or those valid as of a batch.
        func events(_ alias: String) -> String {
            let current = asOf.map { "\(alias).batch_id <= \($0) AND (\(alias).superseded_by IS NULL "
                + "OR \(alias).superseded_by > \($0))" } ?? "\(alias).superseded_by IS NULL"
            return "\(alias).source_id = \(source) AND \(current)"
        }

        func commonCTEs() -> [String] {
            func field(_ path: String) -> String { dialect.jsonText("p.value", path: "'$.\(path)'") }
            let areas = dialect.jsonArrayElements(dialect.parameter(1))
            let periods = dialect.jsonArrayElements(dialect.parameter(2))
            return ["""
                cell AS MATERIALIZED (
                  SELECT g.value AS geo, g.key AS geo_order, \(field("p")) AS period, p.key AS period_order,
                         \(field("w[0]")) AS s, \(field("w[1]")) AS e
                  FROM \(areas) AS g CROSS JOIN \(periods) AS p)
                """, """
                bounds AS MATERIALIZED (
                  SELECT \(dialect.monthStart("(SELECT min(x.event_date) FROM case_event AS x WHERE \(events("x")))"))
                           AS first_day,
                         \(dialect.monthEnd("(SELECT max(x.event_date) FROM case_event AS x WHERE \(events("x")))"))
                           AS last_day)
                """, """
                covered AS MATERIALIZED (
                  SELECT c.*, \(coverage) AS coverage FROM cell AS c CROSS JOIN bounds AS b)
                """, """
                area AS MATERIALIZED (
                  SELECT area, unit, valid_from, valid_until,
                         max(coalesce(valid_until, '9999-12-31')) OVER (
                           PARTITION BY area, unit ORDER BY valid_from
                           ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS earlier_until
                  FROM (SELECT DISTINCT geo AS area, geo AS unit, '0000-01-01' AS valid_from, NULL AS valid_until
                        FROM cell
                        UNION
                        SELECT m.region, m.member, m.valid_from, m.valid_until
                        FROM membership AS m WHERE m.region IN (SELECT geo FROM cell)) AS listed)
                """]
        }

        /// `date` moved by whole months (negative: back), clamped to the last day of the month.
        mutating func shifted(_ date: String, months: Int) -> String {
            dialect.shifted(date, months: builder.bind(dialect.monthShift(months)))
        }

        /// An event of `alias` placed in the cell's area on its own date, through one `area` row only:
        /// the first (by start) of the area's listings of the unit that holds on the date (an earlier
        /// one has ended by then), so a unit listed twice for an area (two region sets) counts once.
        func inArea(_ alias: String, date: String) -> String {
            "a.unit = \(alias).geo AND \(date) >= a.valid_from AND (a.valid_until IS NULL OR \(date) < a.valid_until)"
                + " AND (a.earlier_until IS NULL OR a.earlier_until <= \(date))"
        }

        mutating func filterConditions(_ alias: String) -> [String] {
            var conditions: [String] = []
            for filter in plan.filters {
                var column = "\(alias).role"
                if filter.dimension != "role" {
                    let path = bind("$." + filter.dimension)
                    column = "coalesce(\(dialect.jsonText("\(alias).dims", path: path)), '')"
                }
                let values = filter.values.map { bind($0) }.joined(separator: ", ")
                conditions.append("\(column) \(filter.negated ? "NOT IN" : "IN") (\(values))")
            }
            return conditions
        }

        /// `missing` when the period lies outside the data, `incomplete` when it overlaps their edge
        /// (the `covered` cells carry it).
        var coverage: String {
            """
            CASE WHEN b.first_day IS NULL OR c.e <= b.first_day OR c.s > b.last_day THEN 'missing'
                 WHEN c.s < b.first_day OR c.e > \(dialect.dayAfter("b.last_day")) THEN 'incomplete' ELSE '' END
            """
        }

        /// Per period and case its first event of `event` (the index event) with its area, then
        /// the cells whose area holds that area on that date.
        mutating func indexCTEs(_ event: String) -> [String] {
            let type = bind(event)
            let kept = plan.readsCaseDays ? ", i.previous_date, i.person_previous_date" : ""
            return ["""
                per AS MATERIALIZED (SELECT DISTINCT period, s, e FROM cell)
                """, plan.readsCaseDays ? keptIndexEvents(type: type) : indexEvents(type: type), """
                unit AS MATERIALIZED (
                  SELECT c.geo, c.period, i.case_key, i.d\(kept)
                  FROM ix AS i \(join) area AS a ON \(inArea("i", date: "i.d"))
                  \(join) cell AS c ON c.geo = a.area AND c.period = i.period)
                """]
        }

        /// The index events from the events: the first row of each case in the period by date and area.
        mutating func indexEvents(type: String) -> String {
            let filters = filterConditions("x").map { " AND " + $0 }.joined()
            return """
                ix AS MATERIALIZED (
                  SELECT period, case_key, d, geo FROM (
                    SELECT p.period, x.case_key, x.event_date AS d, x.geo,
                           row_number() OVER (PARTITION BY p.period, x.case_key ORDER BY x.event_date, x.geo) AS nr
                    FROM per AS p JOIN case_event AS x
                      ON \(events("x")) AND x.event_type = \(type)
                     AND x.event_date >= p.s AND x.event_date < p.e\(filters)) AS first_events
                  WHERE nr = 1)
                """
        }

        /// The index events from the kept case days: a day in the period whose previous day of the
        /// case, if any, lies before the period's start (the day's first area by code, as above).
        func keptIndexEvents(type: String) -> String {
            """
            ix AS MATERIALIZED (
              SELECT p.period, x.case_key, x.event_date AS d, x.geo, x.previous_date, x.person_previous_date
              FROM per AS p JOIN case_day AS x
                ON x.source_id = \(source) AND x.event_type = \(type)
               AND x.event_date >= p.s AND x.event_date < p.e
               AND (x.previous_date IS NULL OR x.previous_date < p.s))
            """
        }

        mutating func measureCTEs() -> (ctes: [String], select: String) {
            switch plan.measure {
            case .distinct(let persons, let types): return distinct(persons: persons, types: types)
            case .recurrenceBack(let event, let months, let byPerson):
                return recurrence(index: event, recurring: event, months: -months, byPerson: byPerson)
            case .recurrenceForward(let event, let months, let after, let byPerson):
                return recurrence(index: after, recurring: event, months: months, byPerson: byPerson)
            case .duration(let start, let end, let statistic):
                return duration(start: start, end: end, statistic: statistic)
            case .exceeding(let start, let end, let days):
                return exceeding(start: start, end: end, days: days)
            }
        }

        /// Distinct persons or cases over every event in the area and period: never a sum of parts.
        mutating func distinct(persons: Bool, types: [String]) -> (ctes: [String], select: String) {
            let key = persons ? "x.person_key" : "x.case_key"
            var conditions = filterConditions("x")
            let listed = types.map { bind($0) }.joined(separator: ", ")
            if persons { conditions.append("x.person_key <> ''") }
            let hit = """
                hit AS (
                  SELECT DISTINCT c.geo, c.period, \(key) AS k
                  FROM cell AS c \(join) area AS a ON a.area = c.geo
                  \(join) case_event AS x ON \(events("x")) AND x.geo = a.unit AND x.event_type IN (\(listed))
                   AND x.event_date >= c.s AND x.event_date < c.e AND \(inArea("x", date: "x.event_date"))
                  \(conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")))
                """
            let agg = "agg AS (SELECT geo, period, count(*) AS num, 0 AS den, 0 AS excluded, 0 AS censored FROM hit "
                + "GROUP BY geo, period)"
            return ([hit, agg], select(value: "coalesce(a.num, 0)", fraction: false, n: "NULL"))
        }

        /// The share of index cases with a recurring event within the window before (negative
        /// months) or after the index date; windows reaching past the data are excluded. The window's
        /// edge is computed once per index date, not per case.
        mutating func recurrence(index: String, recurring: String, months: Int,
                                 byPerson: Bool) -> (ctes: [String], select: String) {
            let ctes = indexCTEs(index)
            let edge = shifted("d", months: months)
            let outside = months < 0 ? "u.edge < b.first_day" : "u.edge > b.last_day"
            let match = recurs(recurring, back: months < 0, byPerson: byPerson)
            let flag = """
                shift AS MATERIALIZED (SELECT d, \(edge) AS edge FROM (SELECT DISTINCT d FROM unit) AS dates),
                edge AS (SELECT u.*, s.edge FROM unit AS u JOIN shift AS s ON s.d = u.d),
                flag AS MATERIALIZED (
                  SELECT u.geo, u.period, CASE WHEN \(outside) THEN NULL WHEN \(match) THEN 1 ELSE 0 END AS hit
                  FROM edge AS u CROSS JOIN bounds AS b)
                """
            let agg = """
                agg AS (
                  SELECT geo, period, coalesce(sum(hit), 0) AS num, count(hit) AS den,
                         sum(CASE WHEN hit IS NULL THEN 1 ELSE 0 END) AS excluded, 0 AS censored
                  FROM flag GROUP BY geo, period)
                """
            return (ctes + [flag, agg], select(value: shareValue, fraction: true, n: "coalesce(a.den, 0)"))
        }

        /// Whether the index case `u` has a `recurring` event of its persons or itself in the window
        /// between its date and `u.edge`. Looking back, the recurring type is the index type
        /// (`recurrenceBack`), whose latest earlier day the kept case days hold.
        mutating func recurs(_ recurring: String, back: Bool, byPerson: Bool) -> String {
            if plan.readsCaseDays && back {
                return "\(byPerson ? "u.person_previous_date" : "u.previous_date") >= u.edge"
            }
            let type = bind(recurring)
            let window = back ? "q.event_date < u.d AND q.event_date >= u.edge"
                : "q.event_date > u.d AND q.event_date <= u.edge"
            return byPerson ? """
                EXISTS (SELECT 1 FROM case_event AS o \(join) case_event AS q
                          ON \(events("q")) AND q.person_key = o.person_key AND q.event_type = \(type) AND \(window)
                        WHERE \(events("o")) AND o.case_key = u.case_key AND o.person_key <> '')
                """ : """
                EXISTS (SELECT 1 FROM case_event AS q
                        WHERE \(events("q")) AND q.case_key = u.case_key AND q.event_type = \(type) AND \(window))
                """
        }

        private var shareValue: String { "100.0 * \(dialect.divide("a.num", "a.den"))" }

        /// Per index case the days to its first end event on or after the index date, or, when none
        /// came by the end of the period or the data, the days until then (censored).
        mutating func spellCTEs(start: String, end: String) -> [String] {
            let ctes = indexCTEs(start)
            let type = bind(end)
            let spell = """
                obs AS (
                  SELECT u.geo, u.period, u.d, \(dialect.least(dialect.dayBefore("c.e"), "b.last_day")) AS cut,
                         (SELECT min(q.event_date) FROM \(plan.readsCaseDays ? "case_day" : "case_event") AS q
                          WHERE \(plan.readsCaseDays ? "q.source_id = \(source)" : events("q"))
                            AND q.case_key = u.case_key AND q.event_type = \(type) AND q.event_date >= u.d) AS stop
                  FROM unit AS u JOIN cell AS c ON c.geo = u.geo AND c.period = u.period CROSS JOIN bounds AS b)
                """
            let days = """
                spell AS (
                  SELECT geo, period, CASE WHEN stop <= cut THEN 1 ELSE 0 END AS ended,
                         \(dialect.days(from: "d", to: "CASE WHEN stop <= cut THEN stop ELSE cut END")) AS t
                  FROM obs)
                """
            return ctes + [spell, days]
        }

        /// Kaplan–Meier: S(t) = Π (1 − dᵢ/nᵢ) over the event times up to t, as exp(Σ ln(…)) in a
        /// window; a time at which every case at risk ends makes S zero from there on. A case censored
        /// at tᵢ is still at risk at tᵢ. The p-th percentile is the first event time with
        /// S(t) ≤ 1 − p (within 1e-9, so an exact 0.5 counts; lifelines' convention); none: not reached.
        mutating func duration(start: String, end: String,
                               statistic: DurationStatistic) -> (ctes: [String], select: String) {
            var ctes = spellCTEs(start: start, end: end)
            ctes.append("""
                stats AS (
                  SELECT geo, period, count(*) AS cases, sum(1 - ended) AS censored, avg(\(dialect.real("t"))) AS mean
                  FROM spell
                  GROUP BY geo, period)
                """)
            let value: String
            switch statistic {
            case .mean:
                value = "CASE WHEN st.censored = 0 THEN st.mean END"
            case .median, .percentile:
                let p = statistic == .median ? 50 : { if case .percentile(let p) = statistic { return p }; return 50 }()
                let level = builder.bind(.real(1 - Double(p) / 100 + 1e-9))
                let ended = dialect.real("d")
                ctes += ["""
                    times AS (SELECT geo, period, t, sum(ended) AS d, count(*) AS m FROM spell GROUP BY geo, period, t)
                    """, """
                    risk AS (
                      SELECT geo, period, t, d, sum(m) OVER (PARTITION BY geo, period ORDER BY t DESC) AS at_risk
                      FROM times)
                    """, """
                    km AS (
                      SELECT geo, period, t, d,
                             CASE WHEN max(CASE WHEN d = at_risk THEN 1 ELSE 0 END) OVER w = 1 THEN 0.0
                                  ELSE exp(sum(CASE WHEN d > 0 AND d < at_risk THEN ln(1.0 - \(ended) / at_risk)
                                                    ELSE 0.0 END) OVER w) END AS s
                      FROM risk WINDOW w AS (PARTITION BY geo, period ORDER BY t))
                    """, """
                    quantile AS (
                      SELECT geo, period, min(t) AS v FROM km WHERE d > 0 AND s <= \(level) GROUP BY geo, period)
                    """]
                value = "(SELECT v FROM quantile AS k WHERE k.geo = st.geo AND k.period = st.period)"
            }
            ctes.append("""
                agg AS (SELECT st.geo, st.period, \(value) AS num, 0 AS den, 0 AS excluded, st.censored, st.cases
                        FROM stats AS st)
                """)
            return (ctes, select(value: "a.num", fraction: false, n: "coalesce(a.cases, 0)"))
        }

        /// Cases past the term (ended after it, or still open beyond it) over cases whose outcome
        /// is known; open cases within the term are excluded (`follow_up_incomplete`).
        mutating func exceeding(start: String, end: String, days: Int) -> (ctes: [String], select: String) {
            let ctes = spellCTEs(start: start, end: end)
            let term = builder.bind(.integer(Int64(days)))
            let agg = """
                agg AS (
                  SELECT geo, period, sum(CASE WHEN t > \(term) THEN 1 ELSE 0 END) AS num,
                         sum(CASE WHEN ended = 1 OR t > \(term) THEN 1 ELSE 0 END) AS den,
                         sum(CASE WHEN ended = 0 AND t <= \(term) THEN 1 ELSE 0 END) AS excluded,
                         sum(1 - ended) AS censored
                  FROM spell GROUP BY geo, period)
                """
            return (ctes + [agg], select(value: shareValue, fraction: true, n: "coalesce(a.den, 0)"))
        }

        /// The result row of every cell; figures only where the data cover the period.
        func select(value: String, fraction: Bool, n: String) -> String {
            func covered(_ expression: String) -> String { "CASE WHEN c.coverage = '' THEN \(expression) END" }
            let numerator = fraction ? covered("coalesce(a.num, 0)") : "NULL"
            let denominator = fraction ? covered("coalesce(a.den, 0)") : "NULL"
            return """
                SELECT c.geo, c.period, \(covered(value)) AS value, \(numerator) AS numerator,
                       \(denominator) AS denominator, \(n == "NULL" ? "NULL" : covered(n)) AS n,
                       c.coverage, coalesce(a.excluded, 0) AS excluded, coalesce(a.censored, 0) AS censored
                FROM covered AS c
                LEFT JOIN agg AS a ON a.geo = c.geo AND a.period = c.period
                ORDER BY c.geo_order, c.period_order
                """
        }
    }
}

extension Vintage {
    /// The batch an `--as-of` reads; nil for the current data.
    var batch: Int? {
        if case .asOfBatch(let batch) = self { return batch }
        return nil
    }
}
