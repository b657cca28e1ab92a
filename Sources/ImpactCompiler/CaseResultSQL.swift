import ImpactCore
import ImpactStore

/// The statements around the case results the import keeps (`CaseResultStore`): the digest that
/// names a measure, the `INSERT` that keeps its rows for a request, and the read that answers a
/// request from them with the same columns as `CaseSQL` (`?1` areas, `?2` periods).
public struct CaseResultSQL {
    public let dialect: any SQLDialect

    public init(dialect: any SQLDialect = SQLiteDialect()) { self.dialect = dialect }

    /// A digest of the statement that computes the measure from the current events, with its
    /// parameters: the same for every plan that means the same, another one as soon as the
    /// definition or the compiler's rendering of the measure for either engine changes. The same on
    /// both engines, so results a store copy carries to the other are read there too (both give the
    /// same rows, `PostgresConformanceTests`).
    public func measureKey(_ plan: CasePlan) -> String {
        var definition = plan
        definition.readsCaseDays = false
        definition.keptResults = nil
        var digest = SHA256()
        for dialect in [SQLiteDialect(), PostgreSQLDialect()] as [any SQLDialect] {
            let query = CaseSQL(dialect: dialect).compile(definition)
            let parameters = query.fixedParameters.map(\.description).joined(separator: "\n")
            digest.update(Array((query.sql + "\n" + parameters + "\n").utf8))
        }
        return digest.finalize()
    }

    /// Inserts the rows `plan` yields for a request into `case_result` under `measure`.
    public func keep(_ plan: CasePlan, measure: String) -> CompiledQuery {
        let statement = CaseSQL(dialect: dialect).compile(plan)
        let parameters = statement.fixedParameters + [.text(plan.source), .text(measure)]
        let key = [dialect.parameter(parameters.count + 1), dialect.parameter(parameters.count + 2)]
        // A figure that is NULL throughout has no type in the statement; a server needs one here.
        let figures: Set = ["value", "numerator", "denominator", "n"]
        let row = CaseSQL.columns.map { figures.contains($0) ? dialect.real("r." + $0) : "r." + $0 }
            .joined(separator: ", ")
        let sql = """
            INSERT INTO case_result (\(CaseResultStore.columns.joined(separator: ", ")))
            SELECT \(key[0]), \(key[1]), \(row)
            FROM (\(statement.sql)) AS r
            """
        return CompiledQuery(sql: sql, fixedParameters: parameters, inputCount: 0)
    }

    /// The kept rows of every requested cell; a cell without one reads as outside the data.
    func read(_ plan: CasePlan, measure: String) -> CompiledQuery {
        var builder = SQLGenerator.Builder(dialect: dialect)
        _ = builder.bind(.null)
        _ = builder.bind(.null)
        let source = builder.bind(.text(plan.source)), key = builder.bind(.text(measure))
        let areas = dialect.jsonArrayElements(dialect.parameter(1))
        let periods = dialect.jsonArrayElements(dialect.parameter(2))
        let sql = """
            WITH cell AS MATERIALIZED (
              SELECT g.value AS geo, g.key AS geo_order, \(dialect.jsonText("p.value", path: "'$.p'")) AS period,
                     p.key AS period_order
              FROM \(areas) AS g CROSS JOIN \(periods) AS p)
            SELECT c.geo, c.period, r.value, r.numerator, r.denominator, r.n,
                   coalesce(r.coverage, 'missing') AS coverage, coalesce(r.excluded, 0) AS excluded,
                   coalesce(r.censored, 0) AS censored
            FROM cell AS c
            LEFT JOIN case_result AS r
              ON r.source_id = \(source) AND r.measure = \(key) AND r.geo = c.geo AND r.period = c.period
            ORDER BY c.geo_order, c.period_order
            """
        return CompiledQuery(sql: sql, fixedParameters: Array(builder.parameters.dropFirst(2)), inputCount: 0)
    }
}
