import ImpactCommandLine
import ImpactCore
import ImpactEngine
import ImpactStore

/// `impact publish`: every municipality's figures with disclosure control applied, written to the
/// PostgreSQL store's published figures, which region roles read for municipalities of other regions.
enum PublishCommand: Command {
    static let spec = CommandSpec(
        name: "publish",
        summary: "publish every municipality's disclosure-controlled figures for all region roles (PostgreSQL)",
        discussion: """
            Run by the owner or an import role, after an import. Evaluates the indicators for every municipality \
            with disclosure control (small cells and the cells that would reveal them suppressed) and stores the \
            rows; publishing a period again replaces its figures. A region role's eval shows them, flagged \
            published, for municipalities outside its regions, whose observations it cannot read.
            """,
        options: [IndicatorOption.option] + PeriodOptions.all + [DisclosureOptions.minimumCell,
                                                                  DefinitionsOption.option],
        examples: ["impact publish --period 2018 --store postgresql://importer@db/impact",
                   "impact publish --from 2015 --to 2018 --indicator wb_meldingen "
                       + "--store postgresql://owner@db/impact"])

    struct Options {
        let indicators: [String]
        let periods: PeriodOptions
        let disclosure: DisclosureOptions
        let definitions: String?
    }

    static func options(_ arguments: ParsedArguments) throws -> Options {
        Options(indicators: arguments.all(IndicatorOption.option), periods: try PeriodOptions(arguments),
                disclosure: try DisclosureOptions(arguments), definitions: DefinitionsOption.flag(arguments))
    }

    static func run(_ options: Options, context: CommandContext) throws -> Int32 {
        let store = try context.openStore(access: .readWrite)
        let figures: PublishedFigures
        do {
            figures = try PublishedFigures(store: store)
        } catch let error as StoreError {
            throw CommandFailure(message: error.message, hint: "publish on the shared PostgreSQL store")
        }
        let definitions = try context.loadDefinitions(context.definitionsDirectory(options.definitions))
        let session = EvaluationSession(store: store, definitions: definitions)
        let periods = try options.periods.resolve(store)
        let geography = try session.geography()
        let municipalities = Set(periods.flatMap { geography.units(at: .gemeente, in: $0) }.map(\.code)).sorted()
        let request = EvaluationRequest(geos: municipalities, periods: periods)
        let publication = try options.disclosure.publication(Evaluator(session: session))
        guard !publication.published.hidesMunicipalities else {
            throw CommandFailure(message: "a region role cannot publish: it does not read every municipality",
                                 hint: "publish as the owner or an import role (impact access grant --import)")
        }
        let ids = try IndicatorOption.resolve(options.indicators, definitions: session.definitions)
        var rows: [PublishedFigure] = []
        try store.database.readTransaction {
            for id in ids { rows += try publication.evaluate(id, request).map(\.publishedFigure) }
        }
        try figures.replace(rows, at: Timestamp.now())
        let suppressed = rows.filter { $0.status == ResultStatus.suppressed.rawValue }.count
        context.error("published \(rows.count) figures (\(suppressed) suppressed) of \(ids.count) indicators for "
                      + "\(municipalities.count) municipalities\n")
        return ExitCode.success
    }
}
