import ImpactAlerts
import ImpactCommandLine
import ImpactCompiler
import ImpactCore
import ImpactEngine
import ImpactLanguage
import ImpactRender
import ImpactSources
import ImpactStore

/// `impact explain ID`: the plan and the SQL of an indicator.
enum ExplainCommand: Command {
    static let spec = CommandSpec(
        name: "explain",
        summary: "print an indicator's evaluation plan and the SQL it compiles to",
        discussion: "?1 is the JSON array of area codes and ?2 the JSON array of periods with their windows; every other value is bound as a parameter, listed below the SQL.",
        positionals: [.init("INDICATOR", help: "indicator id")],
        options: [DefinitionsOption.option],
        examples: ["impact explain wb_adviezen_per_melding"])

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let definitions = try DefinitionsOption.loadChecked(arguments, context: context)
        let plan: IndicatorPlan
        do { plan = try Planner(definitions: definitions).plan(arguments.positionals[0]) } catch let error as Planner.PlanError {
            throw CommandFailure(message: error.description, exitCode: ExitCode.findings)
        }
        let query = SQLGenerator().compile(plan)
        context.write(plan.description + "\n\n-- SQL (\(SQLGenerator().dialect.name))\n" + query.sql + ";\n\n-- parameters\n")
        context.write("?1 = area codes (JSON array)\n?2 = periods (JSON array of {p: code, m: months, w: [start, end, …] per shift})\n")
        for (offset, value) in query.fixedParameters.enumerated() { context.write("?\(offset + 3) = \(value)\n") }
        return ExitCode.success
    }
}
