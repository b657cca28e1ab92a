import Foundation
import ImpactCommandLine
import ImpactCore
import ImpactCompiler
import ImpactEngine
import ImpactLanguage
import ImpactRender
import ImpactStore

/// `impact explain ID`: the plan and the statement `impact eval` runs for it.
enum ExplainCommand: Command {
    static let spec = CommandSpec(
        name: "explain",
        summary: "print an indicator's evaluation plan and the SQL statement eval runs for it, with its parameters",
        discussion: """
            The plan says where each input reads: the observations, the series' rollup or the members' rollups,
            as the store holds them. The statement and its parameters are exactly what 'impact eval' runs for the
            same request (--geo/--level/--region-set, --period/--from/--to, --as-of, --no-suppress): ?1 is the JSON
            array of area codes (with disclosure control, the whole hierarchy around the requested areas), ?2 the
            JSON array of periods with their windows. Without a store (and with no --store, areas, periods or
            --as-of asked for), or on a store without observations and no --period, the statement reads
            observations and ?1/?2 are described instead.
            """,
        positionals: [.init("INDICATOR", help: "indicator id")],
        options: PeriodOptions.all + AreaOptions.all + [VintageOption.option] + DisclosureOptions.all
            + [OutputOption.option, DefinitionsOption.option],
        examples: ["impact explain wb_adviezen_per_melding",
                   "impact explain wb_adviezen_per_melding --geo VTWB --period 2018"])

    struct Options {
        let indicator: String
        let periods: PeriodOptions
        let areas: AreaOptions
        let vintage: VintageOption
        let disclosure: DisclosureOptions
        let output: OutputOption.Destination
        /// `--indicators` as given; the context resolves it when the command runs.
        let definitions: String?

        /// Whether any option names areas, periods or a vintage.
        var asksForARequest: Bool {
            periods.periods != nil || !areas.geos.isEmpty || areas.level != nil || areas.regionSet != nil
                || vintage.text != nil
        }
    }

    static func options(_ arguments: ParsedArguments) throws -> Options {
        Options(indicator: arguments.positionals[0], periods: try PeriodOptions(arguments),
                areas: try AreaOptions(arguments), vintage: try VintageOption(arguments),
                disclosure: try DisclosureOptions(arguments), output: try OutputOption.decode(arguments),
                definitions: DefinitionsOption.flag(arguments))
    }

    static func run(_ options: Options, context: CommandContext) throws -> Int32 {
        try context.send(to: options.output)
        let definitions = try context.loadDefinitions(options.definitions)
        guard definitions.indicator(options.indicator) != nil else {
            throw UsageError("unknown indicator '\(options.indicator)' for 'impact explain'",
                             hint: Suggestions.hint(for: options.indicator,
                                                    among: definitions.indicators.map(\.id.value))
                                ?? "list them with: impact catalogue")
        }
        do {
            guard try needsStore(options, context: context) else {
                return try withoutStore(options, definitions, context)
            }
            let session = EvaluationSession(store: try context.openStore(), definitions: definitions)
            if options.periods.periods == nil, try ObservationSummary(store: session.store).yearsWithData() == nil {
                return try withoutStore(options, definitions, context)
            }
            let request = try RequestResolver.request(periods: options.periods, areas: options.areas,
                                                      vintage: options.vintage, session: session)
            let publication = try options.disclosure.publication(Evaluator(session: session))
            let bound = try session.boundQuery(options.indicator, publication.evaluatedRequest(request))
            let listing = StatementListing.text(bound, dialect: session.generator.dialect.name)
            context.write(bound.plan.description + "\n\n" + listing)
        } catch let error as Planner.PlanError {
            throw CommandFailure(message: error.description, exitCode: ExitCode.findings)
        }
        return ExitCode.success
    }

    /// A request for areas, periods or a vintage, or a store named on purpose, is answered from the
    /// store; a missing one is then an error, not a silent switch to the plan without a store.
    private static func needsStore(_ options: Options, context: CommandContext) throws -> Bool {
        try options.asksForARequest || context.storeNamed || FileManager.default.fileExists(atPath: context.storePath)
    }

    /// The statement for a store without rollups, with the request parameters described.
    private static func withoutStore(_ options: Options, _ definitions: DefinitionSet,
                                     _ context: CommandContext) throws -> Int32 {
        let plan = try Planner(definitions: definitions).plan(options.indicator)
        let generator = SQLGenerator()
        let query = generator.compile(plan)
        let request = ["area codes (JSON array)",
                       "periods (JSON array of {p: code, m: months, w: [start, end, …] per shift})"]
        let parameters = request + query.fixedParameters.map(\.description)
        context.write(plan.description + "\n\n"
                      + StatementListing.text(sql: query.sql, parameters: parameters, dialect: generator.dialect.name))
        return ExitCode.success
    }
}
