import Foundation
import ImpactAlerts
import ImpactCommandLine
import ImpactCore
import ImpactEngine
import ImpactLanguage
import ImpactSources
import ImpactStore

/// `impact demo`: the main job end to end on the shipped fixtures, in one screen.
enum DemoCommand: Command {
    static let spec = CommandSpec(
        name: "demo",
        summary: "run the main job on the embedded demo data "
            + "(West-Brabant, Midden-Brabant, Zuid-Limburg, Arnhem/Achterhoek)",
        discussion: """
            Creates a fresh store in a temporary directory (or at --store PATH, to explore it afterwards with the \
            other commands), imports the geography and the fixtures, and shows what they hold.
            """,
        options: [TablePresentation.wide],
        examples: ["impact demo", "impact demo --store demo.sqlite"])

    /// The demo's tables are English and fitted to the terminal unless `--wide`.
    static func options(_ arguments: ParsedArguments) throws -> TablePresentation {
        TablePresentation(language: .en, wide: arguments.has(TablePresentation.wide))
    }

    static func run(_ presentation: TablePresentation, context: CommandContext) throws -> Int32 {
        let project = try ProjectFiles.locate()
        let storePath = try context.storeOverride ?? temporaryStorePath()
        if FileManager.default.fileExists(atPath: storePath) {
            throw CommandFailure(message: "demo store '\(storePath)' already exists",
                                 hint: "the demo starts from an empty store; "
                                    + "remove the file or pass another --store PATH")
        }
        let store = try context.createStore(path: storePath)
        context.write("ImpactMonitor demo — store: \(storePath)\n\n")
        let loaded = try shippedDefinitions(project, context: context)
        let definitions = loaded.definitions
        try importFixtures(project, into: store, presentation: presentation, context: context)
        try DemoCases.importEvents(project, keeping: definitions, into: store, context: context)
        context.write("\nChecked \(definitions.indicators.count) indicators in \(loaded.files.count) "
                      + "definition files: no problems.\n")
        context.write("\nVeilig Thuis West-Brabant (VTWB), 2017 and 2018 — every figure with its status:\n")
        let session = EvaluationSession(store: store, definitions: definitions)
        let publication = try Publication(evaluator: Evaluator(session: session))
        try showFigures(publication, definitions: definitions, presentation: presentation, context: context)
        try showChanges(publication, definitions: definitions, presentation: presentation, context: context)
        try showCatalogue(session, presentation: presentation, context: context)
        try runAlertChecks(publication, store: store, context: context)
        let reportPath = reportPath(store: storePath)
        let html = try ReportCommand.write(store: store, publication: publication, region: "VTWB", period: .year(2018),
                                           compare: .year(2017), language: "nl", markdown: false)
        try OutputFile.write(html, to: reportPath, mode: OutputFile.mode(ofStore: storePath))
        context.write("\nSteering-group report (open in a browser): \(reportPath)\n")
        context.write("\nExplore further: impact eval --store \(storePath) --level gemeente --period 2018\n")
        return ExitCode.success
    }

    /// Beside a store file; a bare file name has no folder and a server store none at all, so the
    /// report then goes into the working folder.
    static func reportPath(store: String) -> String {
        let name = "report-VTWB-2018.html"
        guard !StoreLocation.isServer(store) else { return name }
        return ((store as NSString).deletingLastPathComponent as NSString).appendingPathComponent(name)
    }

    static func importFixtures(_ project: ProjectFiles, into store: Store, presentation: TablePresentation,
                               context: CommandContext) throws {
        let geography = try GeographyImport(paths: [project.fixtures + "/geography"]).run(into: store)
        let dataFiles = try project.fixtureDataFiles()
        let result = try CSVImport(paths: dataFiles).run(into: store)
        guard !geography.failed, !result.failed else {
            context.report(geography.diagnostics + result.diagnostics)
            throw CommandFailure(message: "the demo fixtures did not import; the checkout may be damaged")
        }
        context.write("Imported \(geography.contents.units.count) geography units and \(result.rows) observations "
                      + "from \(dataFiles.count) fixture files.\n\n")
        context.write("Coverage (number of areas with a figure, per series and period):\n")
        context.render(try Coverage(store: store).seriesByPeriod(), format: .table, presentation: presentation)
    }

    /// The shipped definitions, checked before anything is imported: the event import keeps the
    /// results of their case measures.
    static func shippedDefinitions(_ project: ProjectFiles, context: CommandContext) throws -> DefinitionLoader.Loaded {
        let loaded = DefinitionLoader.load(directory: project.indicators)
        guard !loaded.hasErrors else {
            context.report(loaded.diagnostics)
            throw CommandFailure(message: "the shipped definitions have errors; run: impact check")
        }
        return loaded
    }

    /// West-Brabant's available indicators: the fixtures hold their data.
    static func westBrabant(_ definitions: DefinitionSet) -> [IndicatorDeclaration] {
        definitions.indicators.filter { $0.programme?.value == "wb" && $0.status == .available }
    }

    static func showFigures(_ publication: Publication, definitions: DefinitionSet,
                            presentation: TablePresentation, context: CommandContext) throws {
        let request = EvaluationRequest(geos: ["VTWB"], periods: [.year(2017), .year(2018)])
        var table = DataTable(columns: IndicatorResult.columns)
        for indicator in westBrabant(definitions) {
            table.rows += try publication.evaluate(indicator.id.value, request).map(\.row)
        }
        context.render(table, format: .table, presentation: presentation, units: CommandContext.units(definitions))
    }

    static func showChanges(_ publication: Publication, definitions: DefinitionSet,
                            presentation: TablePresentation, context: CommandContext) throws {
        context.write("\nWhat changed from 2017 to 2018, and is it real? (verdicts follow each indicator's polarity)\n")
        let diff = PeriodDiff(publication: publication)
        var changes = DataTable(columns: ["indicator", "2017", "2018", "change", "verdict", "test", "p", "significant"])
        for indicator in westBrabant(definitions) {
            let results = try diff.diff(indicator.id.value, geos: ["VTWB"], from: .year(2017), to: .year(2018))
            for result in results where result.verdict != .notComparable {
                let cells = result.row(human: true)
                changes.rows.append([cells[0], cells[4], cells[5], cells[7], cells[8], cells[9], cells[10], cells[13]])
            }
        }
        context.render(changes, format: .table, presentation: presentation, units: CommandContext.units(definitions))
    }

    static func showCatalogue(_ session: EvaluationSession, presentation: TablePresentation,
                              context: CommandContext) throws {
        context.write("\nHart van Brabant catalogue (bijlage 1): "
                      + "criteria, method, planning and the data in the store:\n")
        let catalogue = try Catalogue(session: session).table(programme: "hvb")
        context.render(DataTable(columns: ["criterion", "indicator", "planning", "periods"],
                                 rows: catalogue.rows.map { [$0[2], $0[3], $0[6], $0[7]] }),
                       format: .table, presentation: presentation)
    }

    static func runAlertChecks(_ publication: Publication, store: Store, context: CommandContext) throws {
        let alertStore = AlertStore(store: store)
        context.write("\nScheduled alert check, run for 2017 and then 2018 "
                      + "(rule: police share above 80 % for 2 periods):\n")
        for year in [2017, 2018] {
            let check = try AlertCheck(publication: publication, alertStore: alertStore).run(period: .year(year))
            context.write("  \(year): \(check.transitions.count) transition(s), \(check.firing.count) firing\n")
            for transition in check.transitions {
                let change = "\(transition.from.rawValue) → \(transition.to.rawValue)"
                context.write("    \(transition.indicator).\(transition.rule) \(transition.geo): \(change)\n")
            }
        }
    }

    static func temporaryStorePath() throws -> String {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("impact-demo-" + UUID().uuidString.prefix(8))
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.appendingPathComponent("demo.sqlite").path
    }
}
