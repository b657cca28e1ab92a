import Foundation
import Testing
import TestHarness
@testable import ImpactCompiler
@testable import ImpactLanguage

/// Golden snapshots of the one statement each case measure compiles to, for SQLite and for
/// PostgreSQL side by side (`Golden/sql/cases/NAME.ENGINE.sql`). A change to a snapshot is a change
/// to what the engine computes: review the diff, then regenerate with IMPACT_UPDATE_GOLDEN=1.
@Suite(.scratch) struct CaseSQLTests {
    static let measures: [(name: String, unit: String, value: String)] = [
        ("distinct_persons", "persons", "distinct_persons(rc[role = \"kind\"])"),
        ("distinct_cases", "count", "distinct_cases(rc[leeftijd in (\"0-3\", \"4-11\")], melding, start)"),
        ("recurrence_back", "percent", "recurrence(rc, melding, back 12 months)"),
        ("recurrence_forward", "percent", "recurrence(rc, melding, forward 6 months after afsluiting)"),
        ("duration_median", "days", "duration(rc, start to einde, median)"),
        ("duration_mean", "days", "duration(rc, start to einde, mean)"),
        ("exceeding", "percent", "exceeding(rc, t1)"),
    ]

    static let definitions = definitions(replacing: "", with: "")

    /// The measures' definitions, with one piece of their text replaced.
    static func definitions(replacing piece: String, with replacement: String) -> DefinitionSet {
        let cases = """
            cases rc {
              title "cases"
              events melding start einde afsluiting
              dimension leeftijd { "0-3" "4-11" "12-17" }
              term t1 start to einde 10 weeks
            }

            """
        var text = cases + measures.map { CaseReferenceTests.indicator($0.name, $0.unit, $0.value) }.joined()
        if !piece.isEmpty { text = text.replacingOccurrences(of: piece, with: replacement) }
        let loaded = DefinitionLoader.load(sources: [SourceFile(path: "cases.ind", text: text)])
        precondition(!loaded.hasErrors, "\(loaded.diagnostics)")
        return loaded.definitions
    }

    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden/sql/cases").path

    @Test(arguments: measures.map(\.name), ["sqlite", "postgresql"])
    func sqlSnapshot(name: String, engine: String) throws {
        let plan = try Planner(definitions: Self.definitions).plan(name)
        let dialect: any SQLDialect = engine == "postgresql" ? PostgreSQLDialect() : SQLiteDialect()
        // The recurrence look-back also as of a batch: the vintage condition is part of every read.
        let vintage: Vintage = name == "recurrence_back" ? .asOfBatch(4) : .current
        try Self.expectGolden(plan, dialect: dialect, vintage: vintage, file: "\(name).\(engine).sql")
    }

    /// The measures whose index events, look-backs and ends of spells come from the kept case days
    /// when the store keeps them (`ReadPlanner`); the others compile as above.
    @Test(arguments: ["recurrence_back", "recurrence_forward", "duration_median", "exceeding"],
          ["sqlite", "postgresql"])
    func keptCaseDaysSnapshot(name: String, engine: String) throws {
        let plan = ReadPlanner.place(try Planner(definitions: Self.definitions).plan(name), rollups: nil,
                                     vintage: .current, caseDays: ["rc"])
        #expect(plan.cases?.readsCaseDays == true)
        let dialect: any SQLDialect = engine == "postgresql" ? PostgreSQLDialect() : SQLiteDialect()
        try Self.expectGolden(plan, dialect: dialect, vintage: .current, file: "\(name).kept.\(engine).sql")
    }

    /// The statement that keeps a measure's rows at import and the one that reads them back.
    @Test(arguments: ["sqlite", "postgresql"])
    func keptResultsSnapshot(engine: String) throws {
        var plan = try Planner(definitions: Self.definitions).plan("exceeding")
        let dialect: any SQLDialect = engine == "postgresql" ? PostgreSQLDialect() : SQLiteDialect()
        let statements = CaseResultSQL(dialect: dialect)
        let measure = statements.measureKey(plan.cases!)
        try Self.expectGolden(statements.keep(plan.cases!, measure: measure), dialect: dialect,
                              file: "exceeding.keep.\(engine).sql")
        plan.cases?.keptResults = measure
        try Self.expectGolden(plan, dialect: dialect, vintage: .current, file: "exceeding.read.\(engine).sql")
    }

    /// A measure's digest names what it computes: the same whichever way or engine the store reads
    /// it with, another for another term or filter.
    @Test func theMeasureDigestFollowsTheDefinition() throws {
        let planner = Planner(definitions: Self.definitions)
        let sqlite = CaseResultSQL(dialect: SQLiteDialect())
        var plan = try planner.plan("exceeding").cases!
        let key = sqlite.measureKey(plan)
        plan.readsCaseDays = true
        plan.keptResults = "earlier"
        #expect(sqlite.measureKey(plan) == key)
        #expect(CaseResultSQL(dialect: PostgreSQLDialect()).measureKey(plan) == key)
        let longer = Planner(definitions: Self.definitions(replacing: "10 weeks", with: "11 weeks"))
        #expect(sqlite.measureKey(try longer.plan("exceeding").cases!) != key)
        let persons = try planner.plan("distinct_persons").cases!
        let others = Planner(definitions: Self.definitions(replacing: "role = \"kind\"",
                                                                 with: "role = \"ouder\""))
        #expect(sqlite.measureKey(try others.plan("distinct_persons").cases!) != sqlite.measureKey(persons))
    }

    /// Neither a filtered measure, nor distinct counts, nor an earlier vintage reads the case days.
    @Test func filteredDistinctAndAsOfMeasuresReadTheEvents() throws {
        for (name, vintage) in [("distinct_persons", Vintage.current), ("distinct_cases", .current),
                                ("recurrence_back", .asOfBatch(4))] {
            let plan = ReadPlanner.place(try Planner(definitions: Self.definitions).plan(name), rollups: nil,
                                         vintage: vintage, caseDays: ["rc"])
            #expect(plan.cases?.readsCaseDays == false, "\(name)")
            #expect(!SQLGenerator().compile(plan, vintage: vintage).sql.contains("case_day"), "\(name)")
        }
    }

    static func expectGolden(_ plan: IndicatorPlan, dialect: any SQLDialect, vintage: Vintage, file: String) throws {
        try expectGolden(SQLGenerator(dialect: dialect).compile(plan, vintage: vintage), dialect: dialect, file: file)
    }

    static func expectGolden(_ query: CompiledQuery, dialect: any SQLDialect, file: String) throws {
        let parameters = query.fixedParameters.enumerated()
            .map { "\(dialect.parameter($0.offset + 3)) = \($0.element)" }
        let text = query.sql + ";\n\n-- parameters\n" + parameters.joined(separator: "\n") + "\n"
        let path = goldenDirectory + "/" + file
        if ProcessInfo.processInfo.environment["IMPACT_UPDATE_GOLDEN"] == "1" {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == golden, "SQL differs from \(path)")
    }

    /// No SQLite-only construct reaches PostgreSQL's statements.
    @Test(arguments: measures.map(\.name))
    func postgresStatementsHoldNoSQLiteFunctions(name: String) throws {
        let plan = try Planner(definitions: Self.definitions).plan(name)
        let sql = SQLGenerator(dialect: PostgreSQLDialect()).compile(plan).sql
        for construct in ["julianday", "strftime", "'start of month'", "date(", "CROSS JOIN case_event", "?"] {
            #expect(!sql.contains(construct), "\(name): \(construct)")
        }
    }
}
