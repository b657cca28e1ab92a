import Foundation
import ImpactCommandLine
import ImpactCore
import ImpactEngine
import ImpactRender
import ImpactStore

/// `impact report`: the steering group's page.
enum ReportCommand: Command {
    static let period = CommandSpec.Option("--period", value: "P", help: "report period (required)")
    static let compare = CommandSpec.Option("--compare", value: "Q",
                                            help: "period to compare with (default: the period before)")
    static let region = CommandSpec.Option("--region", value: "CODE",
                                           help: "region (default: the region of the first programme)")
    static let language = CommandSpec.Option("--lang", value: "nl|en", help: "language of the report (default nl)")
    static let out = CommandSpec.Option("--out", value: "FILE",
                                        help: "FILE.html or FILE.md (default: report-REGION-PERIOD.html)")
    static let mode = CommandSpec.Option("--mode", value: "OCTAL",
                                         help: "permissions of the report file (default: those of the store)")

    static let spec = CommandSpec(
        name: "report",
        summary: "write the steering-group report: scorecard, charts, municipalities, alerts, milestones, appendices",
        discussion: """
            One self-contained HTML file (inline CSS and SVG, no scripts, no external requests, prints on A4) or \
            Markdown with the same content. Figures pass through disclosure control. The file gets the store's \
            permissions (a 0600 store gives a 0600 report) unless --mode says otherwise.
            """,
        options: [period, compare, region, language, out, mode] + DisclosureOptions.all + [DefinitionsOption.option],
        examples: ["impact report --period 2018 --region VTWB",
                   "impact report --period 2018 --compare 2017 --lang en --out report.md",
                   "impact report --period 2018 --mode 0640"])

    struct Options {
        let period: Period
        let compare: Period?
        let region: String?
        let language: String
        let out: String?
        /// Permission bits for the file; nil takes the store's.
        let mode: Int?
        let disclosure: DisclosureOptions
        let definitions: String
    }

    static func options(_ arguments: ParsedArguments) throws -> Options {
        guard let periodText = arguments.value(period) else {
            throw UsageError("'impact report' needs --period P", hint: "for example --period 2018")
        }
        let chosenLanguage = arguments.value(language) ?? "nl"
        guard ["nl", "en"].contains(chosenLanguage) else {
            throw UsageError("--lang must be nl or en, not '\(chosenLanguage)'")
        }
        let reportPeriod = try parse(periodText, flag: period)
        let path = arguments.value(out)
        if let path, !(path.hasSuffix(".html") || path.hasSuffix(".md")) {
            throw UsageError("--out must end in .html or .md, not '\(path)'")
        }
        let comparePeriod = try arguments.value(compare).map { try parse($0, flag: compare) } ?? reportPeriod.previous
        let fileMode = try arguments.value(mode).map { text in
            guard let bits = OutputFile.mode(text) else {
                throw UsageError("--mode must be octal permissions such as 0600 or 0640, not '\(text)'")
            }
            return bits
        }
        return Options(period: reportPeriod, compare: comparePeriod, region: arguments.value(region),
                       language: chosenLanguage, out: path, mode: fileMode,
                       disclosure: try DisclosureOptions(arguments),
                       definitions: DefinitionsOption.directory(arguments))
    }

    static func run(_ options: Options, context: CommandContext) throws -> Int32 {
        let session = try context.session(definitions: options.definitions)
        let publication = try options.disclosure.publication(Evaluator(session: session))
        let region = options.region ?? session.definitions.programmes.compactMap(\.region).first ?? ""
        guard publication.geography.unit(region) != nil else {
            throw UsageError("unknown region '\(region)' for --region",
                             hint: publication.geography.suggestions(for: region).first.map { "did you mean '\($0)'?" }
                                ?? "pass --region CODE")
        }
        let path = options.out ?? "report-\(region)-\(options.period.code).html"
        let content = try write(store: session.store, publication: publication, region: region,
                                period: options.period, compare: options.compare, language: options.language,
                                markdown: path.hasSuffix(".md"))
        try OutputFile.write(content, to: path, mode: options.mode ?? OutputFile.mode(ofStore: session.store.path))
        context.write(path + "\n")
        return ExitCode.success
    }

    static func write(store: Store, publication: Publication, region: String, period: Period, compare: Period?,
                      language: String, markdown: Bool) throws -> String {
        let data = try store.database.readTransaction {
            try ReportBuilder(publication: publication).build(region: region, period: period, compare: compare)
        }
        let text = ReportText(language: language)
        return markdown ? MarkdownReport(data: data, text: text).markdown : HTMLReport(data: data, text: text).html
    }

    static func parse(_ text: String, flag: CommandSpec.Option) throws -> Period {
        do { return try Period.parse(text).period } catch { throw UsageError("\(flag.name): \(error.description)") }
    }
}
