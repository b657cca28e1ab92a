import Foundation
import ImpactAlerts
import ImpactCommandLine
import ImpactCompiler
import ImpactCore
import ImpactEngine
import ImpactLanguage
import ImpactRender
import ImpactSources
import ImpactStore

/// `impact report`: the steering group's page.
enum ReportCommand: Command {
    static let spec = CommandSpec(
        name: "report",
        summary: "write the steering-group report: scorecard, charts, municipalities, alerts, milestones, appendices",
        discussion: "One self-contained HTML file (inline CSS and SVG, no scripts, no external requests, prints on A4) or Markdown with the same content. Figures pass through disclosure control.",
        options: [
            .init("--period", value: "P", help: "report period (required)"),
            .init("--compare", value: "Q", help: "period to compare with (default: the period before)"),
            .init("--region", value: "CODE", help: "region (default: the region of the first programme)"),
            .init("--lang", value: "nl|en", help: "language of the report (default nl)"),
            .init("--out", value: "FILE", help: "FILE.html or FILE.md (default: report-REGION-PERIOD.html)"),
            DisclosureOptions.minimumCell, DisclosureOptions.noSuppress, DefinitionsOption.option,
        ],
        examples: ["impact report --period 2018 --region VTWB", "impact report --period 2018 --compare 2017 --lang en --out report.md"])

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        guard let periodText = arguments.value("--period") else { throw UsageError("'impact report' needs --period P", hint: "for example --period 2018") }
        let language = arguments.value("--lang") ?? "nl"
        guard ["nl", "en"].contains(language) else { throw UsageError("--lang must be nl or en, not '\(language)'") }
        let period = try parse(periodText, flag: "--period")
        let compare = try arguments.value("--compare").map { try parse($0, flag: "--compare") } ?? period.previous
        let definitions = try DefinitionsOption.loadChecked(arguments, context: context)
        let store = try context.openStore()
        let publication = try DisclosureOptions.publication(arguments, evaluator: Evaluator(store: store, definitions: definitions), store: store)
        let region = arguments.value("--region") ?? definitions.programmes.compactMap(\.region).first ?? ""
        guard publication.geography.unit(region) != nil else {
            throw UsageError("unknown region '\(region)' for --region", hint: publication.geography.suggestions(for: region).first.map { "did you mean '\($0)'?" } ?? "pass --region CODE")
        }
        let path = arguments.value("--out") ?? "report-\(region)-\(period.code).html"
        guard path.hasSuffix(".html") || path.hasSuffix(".md") else { throw UsageError("--out must end in .html or .md, not '\(path)'") }
        let content = try write(store: store, publication: publication, region: region, period: period, compare: compare, language: language, markdown: path.hasSuffix(".md"))
        do { try content.write(toFile: path, atomically: true, encoding: .utf8) } catch {
            throw CommandFailure(message: "cannot write the report to '\(path)': \(error.localizedDescription)", hint: "check that the directory exists and is writable")
        }
        context.write(path + "\n")
        return ExitCode.success
    }

    static func write(store: Store, publication: Publication, region: String, period: Period, compare: Period?, language: String, markdown: Bool) throws -> String {
        let data = try store.database.readTransaction { try ReportBuilder(publication: publication, store: store).build(region: region, period: period, compare: compare) }
        let text = ReportText(language: language)
        return markdown ? MarkdownReport(data: data, text: text).markdown : HTMLReport(data: data, text: text).html
    }

    static func parse(_ text: String, flag: String) throws -> Period {
        do { return try Period.parse(text).period } catch { throw UsageError("\(flag): \(error.description)") }
    }
}
