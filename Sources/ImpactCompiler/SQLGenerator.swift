import ImpactLanguage
import ImpactStore

/// Renders a placed `IndicatorPlan` as one SQL statement for all requested areas and periods, in
/// a dialect. It decides nothing: where each input reads is in the plan (`ReadSource`), and every
/// value — filter values, series keys, number literals — is a bound parameter.
public struct SQLGenerator {
    public let dialect: any SQLDialect

    public init(dialect: any SQLDialect = SQLiteDialect()) { self.dialect = dialect }

    /// The generator for the SQL the store speaks.
    public init(engine: DatabaseEngine) {
        self.init(dialect: engine == .postgresql ? PostgreSQLDialect() : SQLiteDialect())
    }

    /// Column layout of the result: cell, value, fraction, division flag, then per input its columns.
    public static let cellColumns = ["geo", "period", "value", "numerator", "denominator", "div0"]
    public static let inputColumns = ["value", "n", "provisional", "suppressed", "complete", "partial", "present",
                                      "direct"]
    /// The cell and unit every per-unit row of an input carries.
    private static let unitColumns = "u.geo, u.period, u.unit, u.direct, u.required, u.required_members"

    public func compile(_ plan: IndicatorPlan, vintage: Vintage = .current) -> CompiledQuery {
        if let cases = plan.cases { return CaseSQL(dialect: dialect).compile(cases, vintage: vintage) }
        var builder = Builder(dialect: dialect)
        _ = builder.bind(.null)
        _ = builder.bind(.null)
        let reads = inputReads(plan, vintage: vintage, builder: &builder)
        let ctes = requestCTEs(plan) + reads.flatMap(\.ctes)
        var columns = resultColumns(plan, builder: &builder)
        for index in plan.inputs.indices {
            columns += Self.inputColumns.map { "c.i\(index)_\($0) AS i\(index)_\($0)" }
        }
        let perCell = (["c.*"] + reads.flatMap(\.columns)).joined(separator: ",\n         ")
        let joins = reads.flatMap(\.joins).map { "\n  " + $0 }.joined()
        let sql = "WITH\n" + ctes.joined(separator: ",\n") + "\nSELECT " + columns.joined(separator: ",\n       ")
            + "\nFROM (\n  SELECT \(perCell)\n  FROM cell AS c\(joins)) AS c\nORDER BY c.geo_order, c.period_order"
        return CompiledQuery(sql: sql, fixedParameters: Array(builder.parameters.dropFirst(2)),
                             inputCount: plan.inputs.count)
    }

    /// How the statement reads one input: the CTEs it needs, its joins from the cell, and its
    /// columns per cell (named `i<n>_<column>`, in the order of `inputColumns`).
    private struct InputRead {
        var ctes: [String] = []
        var joins: [String]
        var columns: [String]

        /// An input computed in CTEs, the last of them `i<n>` with one row per cell that has a figure.
        init(ctes: [String], index: Int) {
            self.ctes = ctes
            joins = ["LEFT JOIN i\(index) ON i\(index).geo = c.geo AND i\(index).period = c.period"]
            columns = SQLGenerator.inputColumns.map { "i\(index).\($0) AS i\(index)_\($0)" }
        }

        /// An input read by joins straight from the cell.
        init(joins: [String], columns: [String]) {
            self.joins = joins
            self.columns = columns
        }
    }

    /// Every input, from wherever the plan placed it.
    private func inputReads(_ plan: IndicatorPlan, vintage: Vintage, builder: inout Builder) -> [InputRead] {
        plan.inputs.enumerated().map { index, input in
            let window = plan.shiftIndex(input.shift)
            switch input.source {
            case .observations:
                return InputRead(ctes: observationCTEs(input, index: index, window: window, vintage: vintage,
                                                      builder: &builder), index: index)
            case .rollup(let dims):
                return rollupRead(input, dims: dims, index: index, window: window, builder: &builder)
            case .memberRollups(let dims):
                return InputRead(ctes: memberRollupCTEs(input, dims: dims, index: index, window: window,
                                                       builder: &builder), index: index)
            case .memberStatistics(let dims):
                return InputRead(ctes: memberStatisticsCTEs(input, dims: dims, index: index, window: window,
                                                           builder: &builder), index: index)
            }
        }
    }

    /// The leading result columns. The value is rendered first, so the fraction and zero checks
    /// reuse the placeholders of its number literals.
    private func resultColumns(_ plan: IndicatorPlan, builder: inout Builder) -> [String] {
        let value = expression(plan.expression, &builder)
        let zeroChecks = plan.expression.denominators.map { "(\(expression($0, &builder))) = 0" }
        let numerator = plan.fraction.map { expression($0.numerator, &builder) } ?? "NULL"
        let denominator = plan.fraction.map { expression($0.denominator, &builder) } ?? "NULL"
        let divisionByZero = zeroChecks.isEmpty
            ? "0 AS div0"
            : "CASE WHEN \(zeroChecks.joined(separator: " OR ")) THEN 1 ELSE 0 END AS div0"
        return ["c.geo", "c.period", "\(value) AS value", "\(numerator) AS numerator", "\(denominator) AS denominator",
                divisionByZero]
    }

    /// The request: `?1` is a JSON array of area codes, `?2` a JSON array of periods, each with its
    /// code, length in months and the [start, end) window for every shift the plan uses. The periods
    /// are read from JSON once each, then crossed with the areas: read per cell, the JSON was parsed
    /// again for every area (a fifth of a simple statement's time).
    private func requestCTEs(_ plan: IndicatorPlan) -> [String] {
        func field(_ path: String) -> String { dialect.jsonText("p.value", path: "'$.\(path)'") }
        let months = dialect.jsonInteger("p.value", path: "'$.m'")
        let windows = plan.shifts.indices.map { index in
            "\(field("w[\(2 * index)]")) AS s\(index), \(field("w[\(2 * index + 1)]")) AS e\(index)"
        }.joined(separator: ", ")
        let windowNames = plan.shifts.indices.map { "p.s\($0), p.e\($0)" }.joined(separator: ", ")
        let areas = dialect.jsonArrayElements(dialect.parameter(1))
        let periods = dialect.jsonArrayElements(dialect.parameter(2))
        return ["""
            request_period AS MATERIALIZED (
              SELECT \(field("p")) AS period, p.key AS period_order, \(months) AS months, \(windows)
              FROM \(periods) AS p)
            """, """
            cell AS MATERIALIZED (
              SELECT g.value AS geo, g.key AS geo_order, p.period, p.period_order, p.months, \(windowNames)
              FROM \(areas) AS g CROSS JOIN request_period AS p)
            """]
    }

    /// The cell's figure from the rollup, joined straight to the cell: the same columns the raw chain
    /// computes, NULL where neither exists. An area's figure for exactly the period it was delivered
    /// for is not copied into the rollups; it is read from the observation itself, sought only for
    /// cells without a rollup row. The cells stay the outer loop (SQLite keeps LEFT JOIN order): left
    /// to the planner, an earlier form scanned the series' whole history and probed the cells, so
    /// evaluation time grew with stored history. Joined rather than read through a CTE per input,
    /// which SQLite materialized and indexed again in every statement (a quarter of its time).
    private func rollupRead(_ input: SeriesInput, dims: String, index: Int, window: Int,
                            builder: inout Builder) -> InputRead {
        let (series, dimensions, keys) = rollupKeys(input, dims: dims, builder: &builder)
        let (r, o) = ("r\(index)", "o\(index)")
        let figure = FigureLookup(series: series, dims: dimensions, keys: keys, rollup: r, observation: o)
        let joins = figure.joins(self, unit: "c.geo", start: "c.s\(window)", end: "c.e\(window)", direct: false)
        let found = "\(r).geo IS NOT NULL OR \(o).id IS NOT NULL"
        let values = [
            "CASE WHEN \(r).geo IS NOT NULL THEN \(r).value ELSE \(o).value END",
            "CASE WHEN \(r).geo IS NOT NULL THEN \(r).n ELSE \(o).n END",
            "coalesce(\(r).provisional, \(o).provisional)",
            "coalesce(\(r).suppressed, \(o).suppressed)",
            "CASE WHEN \(found) THEN coalesce(\(r).complete, 1) END",
            "CASE WHEN \(found) THEN coalesce(\(r).partial, 0) END",
            "CASE WHEN \(found) THEN 1 END",
            "CASE WHEN \(found) THEN coalesce(\(r).direct, 1) END",
        ]
        return InputRead(joins: [joins],
                         columns: zip(values, Self.inputColumns).map { "\($0) AS i\(index)_\($1)" })
    }

    /// The bound series id, dimensions JSON and dimension names both rollup readers look up by.
    private func rollupKeys(_ input: SeriesInput, dims: String,
                            builder: inout Builder) -> (series: String, dims: String, keys: String) {
        let series = "(SELECT id FROM series WHERE key = \(builder.bind(.text(input.key))))"
        return (series, builder.bind(.text(dims)), builder.bind(.text(input.dimensionKeys)))
    }

    /// The current observation of an area for exactly one window (the rows rollups leave out).
    private func ownObservation(series: String, keys: String, dims: String, geo: String, start: String,
                                end: String, alias o: String = "o") -> String {
        "\(o).series_id = \(series) AND \(o).dim_keys = \(keys) AND \(o).geo = \(geo) AND \(o).period_start = \(start) "
            + "AND \(o).period_end = \(end) AND \(o).dims = \(dims) AND \(o).superseded_by IS NULL"
    }

    /// How both rollup readers find the rollup `r` of one series, dimensions and window.
    private func rollupRow(series: String, dims: String, start: String, end: String, alias r: String) -> String {
        "\(r).series_id = \(series) AND \(r).period_start = \(start) AND \(r).period_end = \(end) "
            + "AND \(r).dims = \(dims)"
    }

    /// Every unit row carries its cell's window, so observations are joined without going back to
    /// the cell list (which would be a quadratic join over the request). Onbekend and Buiten regio
    /// count in totals when they deliver, but are not required to: `required_members` counts the
    /// real areas a complete member sum needs.
    private func unitsCTE(_ i: String, start: String, end: String) -> String {
        let requiredCount = "sum(CASE WHEN direct = 0 AND required = 1 THEN 1 ELSE 0 END)"
        let window = "\(start) AS window_start, \(end) AS window_end"
        return """
        \(i)_unit AS (
          SELECT *, \(requiredCount) OVER (PARTITION BY geo, period) AS required_members FROM (
            SELECT geo, period, geo AS unit, 1 AS direct, 1 AS required, \(window), months AS cell_months
            FROM cell AS c
            UNION
            SELECT c.geo, c.period, m.member, 0, CASE WHEN g.kind = 'area' THEN 1 ELSE 0 END, \(start), \(end), c.months
            FROM cell AS c JOIN membership AS m ON m.region = c.geo
              AND m.valid_from < \(end) AND (m.valid_until IS NULL OR m.valid_until > \(start))
            JOIN geo_unit AS g ON g.code = m.member) AS units)
        """
    }

    /// Comparisons across member areas (median, avg, …) from the members' own rollups: each member's
    /// value for the window is read instead of aggregated from its observations (from the
    /// observation itself when it was delivered for exactly that window, looked up only when the
    /// rollup has no row). One pass from cell to member to figure, grouped per cell: no unit list
    /// materialized, no window functions, no union to dedupe — which made a member statistic cost
    /// as much as thirty plain sums.
    private func memberRollupCTEs(_ input: SeriesInput, dims: String, index: Int, window: Int,
                                  builder: inout Builder) -> [String] {
        let (series, dimensions, keys) = rollupKeys(input, dims: dims, builder: &builder)
        let figure = FigureLookup(series: series, dims: dimensions, keys: keys)
        let (start, end) = ("c.s\(window)", "c.e\(window)")
        let members = """
            \(FigureLookup.rows(own: 0))
                JOIN member_area AS a ON \(Self.memberArea(start: start, end: end))
                  AND (a.earlier_until IS NULL OR a.earlier_until <= \(start))
                \(figure.joins(self, unit: "a.member", start: start, end: end))
                UNION ALL
            """
        return ["""
            i\(index) AS (
              \(compared(input, rows: members + "\n    " + itself(figure, start: start, end: end))))
            """]
    }

    /// Comparisons across members from the statistics the import keeps per region and window: one
    /// row per cell instead of one per member. An area without real members compares with itself,
    /// as on the members' rollups.
    private func memberStatisticsCTEs(_ input: SeriesInput, dims: String, index: Int, window: Int,
                                      builder: inout Builder) -> [String] {
        let (series, dimensions, keys) = rollupKeys(input, dims: dims, builder: &builder)
        let figure = FigureLookup(series: series, dims: dimensions, keys: keys)
        let (start, end) = ("c.s\(window)", "c.e\(window)")
        let statistic: String
        switch input.aggregate {
        case .avg: statistic = "s.mean"
        case .median: statistic = "s.median"
        case .min: statistic = "s.minimum"
        case .max: statistic = "s.maximum"
        case .count: statistic = "CASE WHEN s.compared > 0 THEN s.compared END"
        case .sum, .last, nil: statistic = "NULL"
        }
        return ["""
            i\(index) AS (
              SELECT c.geo, c.period, s.n, s.provisional, s.suppressed, s.complete,
                     CASE WHEN s.compared > 0 AND s.compared < s.members THEN 1 ELSE 0 END AS partial,
                     1 AS present, 0 AS direct, CASE WHEN s.complete = 1 THEN \(statistic) END AS value
              FROM cell AS c
              JOIN member_rollup AS s ON s.series_id = \(series) AND s.period_start = \(start)
                AND s.period_end = \(end) AND s.dims = \(dimensions) AND s.geo = c.geo
              UNION ALL
              \(compared(input, rows: itself(figure, start: start, end: end))))
            """]
    }

    /// An area's own figure as the one member it compares, for an area without real members whose
    /// other members (Onbekend, Buiten regio) have no figure either.
    private func itself(_ figure: FigureLookup, start: String, end: String) -> String {
        let overlapping = Self.overlapping("m", start: start, end: end)
        let other = figure.conditions(self, unit: "m.member", start: start, end: end)
        return """
            \(FigureLookup.rows(own: 1))
                \(figure.joins(self, unit: "c.geo", start: start, end: end))
                WHERE NOT EXISTS (SELECT 1 FROM member_area AS a WHERE \(Self.memberArea(start: start, end: end)))
                  AND NOT EXISTS (SELECT 1 FROM membership AS m WHERE \(overlapping)
                                  AND (EXISTS (SELECT 1 FROM rollup AS r WHERE \(other.rollup))
                                       OR EXISTS (SELECT 1 FROM observation AS o WHERE \(other.observation))))
            """
    }

    /// The comparison per cell over `rows` (one per member, with its figure).
    private func compared(_ input: SeriesInput, rows: String) -> String {
        let flags = "max(b.provisional) AS provisional, max(b.suppressed) AS suppressed, min(b.complete) AS complete"
        let partial = "CASE WHEN \(Self.compared) > 0 AND \(Self.compared) < sum(1 - b.own) THEN 1 ELSE 0 END"
        return """
            SELECT b.geo, b.period, sum(b.n) AS n, \(flags),
                     \(partial) AS partial, 1 AS present, max(b.own) AS direct,
                     CASE WHEN min(b.complete) = 1 THEN \(geoValue(input)) END AS value
              FROM (
                \(rows)) AS b
              GROUP BY b.geo, b.period HAVING max(b.found) = 1
            """
    }

    /// A real member area `a` of the cell's area during part of the window (`member_area`).
    private static func memberArea(start: String, end: String) -> String {
        "a.region = c.geo AND a.valid_from < \(end) AND (a.valid_until IS NULL OR a.valid_until > \(start))"
    }

    /// A membership row `alias` of the cell's area valid during part of the window. The region set
    /// leads the membership key: naming every set lets SQLite seek by region instead of scanning.
    private static func overlapping(_ alias: String, start: String, end: String) -> String {
        "\(alias).region_set IN (SELECT id FROM region_set) AND \(alias).region = c.geo "
            + "AND \(alias).valid_from < \(end) AND (\(alias).valid_until IS NULL OR \(alias).valid_until > \(start))"
    }

    /// How an area finds its figure for a window: its rollup, or the observation delivered for
    /// exactly the window (the two never both exist: rollups leave delivered figures out).
    private struct FigureLookup {
        let series: String, dims: String, keys: String
        /// The aliases the rollup row and the fallback observation are joined as.
        var rollup = "r", observation = "o"

        /// `direct`: only the area's own rollup (a member's), not one summed from its members.
        func conditions(_ generator: SQLGenerator, unit: String, start: String, end: String,
                        direct: Bool = true) -> (rollup: String, observation: String) {
            (generator.rollupRow(series: series, dims: dims, start: start, end: end, alias: rollup)
                + " AND \(rollup).geo = \(unit)" + (direct ? " AND \(rollup).direct = 1" : ""),
             generator.ownObservation(series: series, keys: keys, dims: dims, geo: unit, start: start, end: end))
        }

        /// The rollup, else the observation. The observation is found by a subquery that runs only
        /// when the rollup has no row: a join condition on `r` would not spare SQLite the seek.
        func joins(_ generator: SQLGenerator, unit: String, start: String, end: String,
                   direct: Bool = true) -> String {
            let row = conditions(generator, unit: unit, start: start, end: end, direct: direct).rollup
            let own = generator.ownObservation(series: series, keys: keys, dims: dims, geo: unit,
                                               start: start, end: end, alias: "x")
            return "LEFT JOIN rollup AS \(rollup) ON \(row)\n    " + generator.dialect.observationFallback(
                id: "(SELECT x.id FROM observation AS x WHERE \(own))", when: "\(rollup).geo IS NULL",
                alias: observation)
        }

        /// One row per unit and cell with the unit's figure; `own`: the cell's area itself.
        static func rows(own: Int) -> String {
            """
            SELECT c.geo, c.period, \(own) AS own,
                       CASE WHEN r.geo IS NOT NULL OR o.id IS NOT NULL THEN 1 ELSE 0 END AS found,
                       CASE WHEN r.geo IS NOT NULL THEN r.value ELSE o.value END AS value,
                       CASE WHEN r.geo IS NOT NULL THEN r.n ELSE o.n END AS n,
                       coalesce(r.provisional, o.provisional) AS provisional,
                       coalesce(r.suppressed, o.suppressed) AS suppressed,
                       CASE WHEN r.geo IS NOT NULL THEN r.complete WHEN o.id IS NOT NULL THEN 1 END AS complete
                FROM cell AS c
            """
        }
    }

    /// Units, their observations, one value per unit and grain, the best grain per unit, and the cell.
    private func observationCTEs(_ input: SeriesInput, index: Int, window: Int, vintage: Vintage,
                                 builder: inout Builder) -> [String] {
        let i = "i\(index)"
        let units = unitsCTE(i, start: "c.s\(window)", end: "c.e\(window)")
        let conditions = observationConditions(input, vintage: vintage, builder: &builder)
        return [units, observationsCTE(input, i, conditions: conditions), grainCTE(input, i), bestCTE(input, i),
                cellCTE(input, i)]
    }

    /// The join of units to observations: the input's series, dimensions, filters and vintage,
    /// within the unit's window.
    private func observationConditions(_ input: SeriesInput, vintage: Vintage, builder: inout Builder) -> [String] {
        var conditions = [
            "o.series_id = (SELECT id FROM series WHERE key = \(builder.bind(.text(input.key))))",
            "o.geo = u.unit",
            "o.dim_keys = \(builder.bind(.text(input.dimensionKeys)))",
            "o.period_start >= u.window_start", "o.period_end <= u.window_end",
        ]
        if input.time == .none { conditions.append("o.months = u.cell_months") }
        // ISO weeks straddle months, quarters and years: weekly figures answer weeks only, on this
        // path as in the rollups (docs/indicator-language.md, "Time").
        if input.time != .none { conditions.append("(o.months > 0 OR u.cell_months = 0)") }
        for filter in input.filters {
            let path = builder.bind(.text("$." + filter.dimension))
            let values = filter.values.map { builder.bind(.text($0)) }.joined(separator: ", ")
            let field = dialect.jsonText("o.dims", path: path)
            conditions.append("\(field) \(filter.negated ? "NOT IN" : "IN") (\(values))")
        }
        switch vintage {
        case .current: conditions.append("o.superseded_by IS NULL")
        case .asOfBatch(let batch):
            let parameter = builder.bind(.integer(Int64(batch)))
            conditions.append(
                "o.batch_id <= \(parameter) AND (o.superseded_by IS NULL OR o.superseded_by > \(parameter))")
        }
        return conditions
    }

    private func observationsCTE(_ input: SeriesInput, _ i: String, conditions: [String]) -> String {
        let subPeriod = "o.months AS grain, o.period AS sub, o.dims AS category, o.period_start, o.period_end"
        let lastStart = input.time == .last
            ? "max(o.period_start) OVER (PARTITION BY u.geo, u.period, u.unit, u.direct, o.dims, o.months)"
            : "NULL"
        return """
            \(i)_obs AS (
              SELECT \(Self.unitColumns), \(subPeriod), u.window_end,
                     u.cell_months, o.value, o.n, o.provisional, o.suppressed,
                     \(lastStart) AS last_start
              FROM \(i)_unit AS u
              JOIN observation AS o ON \(conditions.joined(separator: "\n                AND ")))
            """
    }

    /// One value per unit, dimension value and grain: sub-periods combined by the input's time rule.
    private func grainCTE(_ input: SeriesInput, _ i: String) -> String {
        let value = timeValue(input.time)
        let complete = timeComplete(input.time)
        return """
            \(i)_grain AS (
              SELECT geo, period, unit, direct, required, required_members, category, grain, \(value) AS value,
                     sum(n) AS n, max(provisional) AS provisional, max(suppressed) AS suppressed,
                     \(complete) AS complete
              FROM \(i)_obs GROUP BY geo, period, unit, direct, required, required_members, category, grain)
            """
    }

    /// Per unit and dimension value the coarsest grain delivered; the values an `in (…)` filter
    /// selects combined per unit (each complete on its own); per cell whether its own figure or its
    /// members' are used.
    private func bestCTE(_ input: SeriesInput, _ i: String) -> String {
        let rank = "row_number() OVER (PARTITION BY geo, period, unit, direct, category ORDER BY grain DESC)"
        let flags = "max(provisional) AS provisional, max(suppressed) AS suppressed, min(complete) AS complete"
        return """
            \(i)_best AS (
              SELECT *, \(input.prefersMembers ? "min" : "max")(direct) OVER (PARTITION BY geo, period) AS chosen FROM (
                SELECT geo, period, unit, direct, required, required_members, \(categoryValue(input.geo)) AS value,
                       sum(n) AS n, \(flags)
                FROM (SELECT *, \(rank) AS rank FROM \(i)_grain) AS ranked
                WHERE rank = 1 GROUP BY geo, period, unit, direct, required, required_members) AS combined)
            """
    }

    /// Dimension values combine within an area as areas do: summed, weighted by n, or (distinct
    /// persons, who may fall in several values) only when there is one.
    private func categoryValue(_ geo: GeoAggregation) -> String {
        switch geo {
        case .sum: return "CASE WHEN count(value) < count(*) THEN NULL ELSE sum(value) END"
        case .weighted:
            let weighted = dialect.divide("sum(value * n)", "sum(n)")
            return "CASE WHEN count(value) < count(*) THEN NULL WHEN count(*) = 1 THEN max(value) ELSE \(weighted) END"
        case .none: return "CASE WHEN count(*) = 1 THEN max(value) END"
        }
    }

    /// Combines the chosen units of each cell into the input's value with its flags.
    private func cellCTE(_ input: SeriesInput, _ i: String) -> String {
        // A sum over member areas is only a total when every member delivered; a comparison
        // across members (avg, median, …) is still meaningful and is flagged as partial instead,
        // and compares real areas only, not the Onbekend and Buiten regio buckets.
        let allMembers = "sum(b.required) = max(b.required_members)"
        let usable = input.prefersMembers
            ? "min(b.complete) = 1"
            : "min(b.complete) = 1 AND (max(b.direct) = 1 OR \(allMembers))"
        let flags = "max(b.provisional) AS provisional, max(b.suppressed) AS suppressed, min(b.complete) AS complete"
        let partial = input.prefersMembers
            ? "CASE WHEN \(Self.compared) > 0 AND \(Self.compared) < max(b.required_members) THEN 1 ELSE 0 END"
            : "CASE WHEN max(b.direct) = 0 AND NOT \(allMembers) THEN 1 ELSE 0 END"
        return """
            \(i) AS (
              SELECT b.geo, b.period, sum(b.n) AS n, \(flags),
                     \(partial) AS partial, 1 AS present, max(b.direct) AS direct,
                     CASE WHEN \(usable) THEN \(geoValue(input)) END AS value
              FROM \(i)_best AS b
              WHERE b.direct = b.chosen\(memberFilter(input)) GROUP BY b.geo, b.period)
            """
    }

    /// A comparison across members reads real member areas only; an area's own figure stands in
    /// only for an area that has no members (a municipality compares with itself), never for a
    /// region whose members did not deliver. Distinct persons (`geo none`) cannot be combined from
    /// members at all, so an area without its own figure reads nothing and is plainly missing.
    private func memberFilter(_ input: SeriesInput) -> String {
        if input.prefersMembers { return " AND b.required = 1 AND (b.direct = 0 OR b.required_members = 0)" }
        return input.geo == .none ? " AND b.direct = 1" : ""
    }

    /// Members a statistic compares: those with a figure for the whole period. Members without one
    /// are left out (flagged `partial_members`); with none left the statistic is missing.
    private static let compared = "count(CASE WHEN b.complete = 1 THEN b.value END)"

    /// Combines sub-periods (and categories) within one area; any missing value makes it missing.
    private func timeValue(_ time: TimeAggregation) -> String {
        let anyMissing = "count(value) < count(*)"
        switch time {
        case .sum: return "CASE WHEN \(anyMissing) THEN NULL ELSE sum(value) END"
        case .average:
            return "CASE WHEN \(anyMissing) THEN NULL ELSE \(dialect.real("sum(value)")) / count(DISTINCT sub) END"
        case .last:
            let lastValue = "CASE WHEN period_start = last_start THEN value END"
            let lastRow = "CASE WHEN period_start = last_start THEN 1 END"
            return "CASE WHEN count(\(lastValue)) < count(\(lastRow)) THEN NULL ELSE sum(\(lastValue)) END"
        case .weighted:
            let weighted = dialect.divide("sum(value * n)", "sum(n)")
            return "CASE WHEN \(anyMissing) THEN NULL WHEN count(*) = 1 THEN max(value) ELSE \(weighted) END"
        case .none: return "CASE WHEN count(*) = 1 THEN max(value) END"
        }
    }

    /// A coarser period is only answered from finer data when every sub-period is present.
    private func timeComplete(_ time: TimeAggregation) -> String {
        switch time {
        case .last: return "CASE WHEN max(period_end) = max(window_end) THEN 1 ELSE 0 END"
        case .none: return "1"
        default: return "CASE WHEN grain = 0 OR count(DISTINCT sub) * grain = max(cell_months) THEN 1 ELSE 0 END"
        }
    }

    private func geoValue(_ input: SeriesInput) -> String {
        let anyMissing = "count(b.value) < count(*)"
        switch input.aggregate {
        case .avg: return "avg(b.value)"
        case .median: return dialect.median("b.value")
        case .min: return "min(b.value)"
        case .max: return "max(b.value)"
        case .count: return "CASE WHEN \(Self.compared) > 0 THEN \(Self.compared) END"
        case .sum, .last, nil: break
        }
        switch input.geo {
        case .sum: return "CASE WHEN \(anyMissing) THEN NULL ELSE sum(b.value) END"
        case .weighted:
            let weighted = dialect.divide("sum(b.value * b.n)", "sum(b.n)")
            return "CASE WHEN \(anyMissing) THEN NULL WHEN count(*) = 1 THEN max(b.value) ELSE \(weighted) END"
        case .none: return "CASE WHEN max(b.direct) = 1 AND count(*) = 1 THEN max(b.value) END"
        }
    }

    /// Number literals are bound like every other value: exact to the last bit, never text in the SQL.
    private func expression(_ expression: PlanExpression, _ builder: inout Builder) -> String {
        switch expression {
        case .number(let value): return builder.bind(.real(value))
        case .input(let index): return "c.i\(index)_value"
        case .negate(let operand): return "(-\(self.expression(operand, &builder)))"
        case .binary(.divide, let left, let right):
            return "(\(dialect.divide(self.expression(left, &builder), self.expression(right, &builder))))"
        case .binary(let op, _, _):
            return chain(expression, op, &builder)
        case .percent(let left, let right):
            return "(100.0 * \(dialect.divide(self.expression(left, &builder), self.expression(right, &builder))))"
        case .per(let left, let factor, let right):
            let ratio = dialect.divide(self.expression(left, &builder), self.expression(right, &builder))
            return "(\(builder.bind(.real(factor))) * \(ratio))"
        case .coalesce(let operands):
            return coalesce(operands[...], &builder)
        }
    }

    /// `coalesce` stands in for a missing argument (or a division by zero), never for one that is
    /// incomplete or suppressed: that figure exists, and a fallback such as 0 would publish a wrong
    /// number as `ok`. Such an argument ends the search without a value.
    private func coalesce(_ operands: ArraySlice<PlanExpression>, _ builder: inout Builder) -> String {
        guard let first = operands.first else { return "NULL" }
        let value = expression(first, &builder)
        guard operands.count > 1 else { return value }
        let blocked = first.inputs.sorted().map { index in
            "(c.i\(index)_present = 1 AND (c.i\(index)_complete = 0 OR c.i\(index)_partial = 1 "
                + "OR c.i\(index)_suppressed = 1))"
        }
        let rest = coalesce(operands.dropFirst(), &builder)
        guard !blocked.isEmpty else { return "coalesce(\(value), \(rest))" }
        return "(CASE WHEN \(value) IS NOT NULL THEN \(value) WHEN \(blocked.joined(separator: " OR ")) THEN NULL "
            + "ELSE \(rest) END)"
    }

    /// A chain of `+`/`-` or of `*`, read without recursion along its left side. Short chains keep a
    /// pair of parentheses per operator; a chain longer than `ExpressionLimits.nestedChain` is written
    /// flat, because SQLite's parser gives up after about 100 nested parentheses. SQL evaluates the
    /// flat form left to right too, so the value is the same to the last bit.
    private func chain(_ expression: PlanExpression, _ op: BinaryOperator, _ builder: inout Builder) -> String {
        var links: [(BinaryOperator, PlanExpression)] = []
        var node = expression
        while case .binary(let other, let left, let right) = node, other != .divide,
              (other == .multiply) == (op == .multiply) {
            links.append((other, right))
            node = left
        }
        let nested = links.count <= ExpressionLimits.nestedChain
        var sql = self.expression(node, &builder)
        for (other, right) in links.reversed() {
            sql += " \(other.rawValue) \(self.expression(right, &builder))"
            if nested { sql = "(\(sql))" }
        }
        return nested ? sql : "(\(sql))"
    }

    /// Collects bound parameters and hands out their placeholders.
    /// A number literal written once but rendered twice (in the value and in a denominator check)
    /// gets one placeholder.
    struct Builder {
        let dialect: any SQLDialect
        var parameters: [SQLValue] = []

        mutating func bind(_ value: SQLValue) -> String {
            if case .real = value, let existing = parameters.firstIndex(of: value) {
                return dialect.parameter(existing + 1)
            }
            parameters.append(value)
            return dialect.parameter(parameters.count)
        }
    }
}
