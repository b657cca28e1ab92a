import Foundation
import ImpactCommandLine
import ImpactCore
import ImpactEngine
import ImpactLanguage
import ImpactRender
import ImpactStore

/// `impact report`: the steering group's page.
enum ReportCommand: Command {
    static let period = CommandSpec.Option("--period", value: "P", help: "report period (required)")
    static let compare = CommandSpec.Option("--compare", value: "Q",
                                            help: "period to compare with (default: the same period a year before)")
    static let region = CommandSpec.Option("--region", value: "CODE",
                                           help: "region (default: the region of programme in impact.conf, "
                                               + "else of the first programme)")
    static let language = CommandSpec.Option("--lang", value: "nl|en",
                                             help: "language of the report (default: language in impact.conf, else nl)")
    static let workbook = CommandSpec.Option("--xlsx", value: "FILE",
                                             help: "also write the report's tables (scorecard, municipalities, "
                                                 + "catalogue) as an Excel workbook")
    static let mode = CommandSpec.Option("--mode", value: "OCTAL",
                                         help: "permissions of the report file (default: those of the store)")

    static let spec = CommandSpec(
        name: "report",
        summary: "write the steering-group report: scorecard, charts, municipalities, alerts, milestones, appendices",
        discussion: """
            One self-contained HTML file (inline CSS and SVG, no scripts, no external requests, prints on A4) or \
            Markdown with the same content. Figures pass through disclosure control. The file gets the store's \
            permissions (a 0600 store gives a 0600 report) unless --mode says otherwise.
            --out FILE.html or FILE.md (default report-REGION-PERIOD.html) writes the file and prints its path; \
            --out - writes the HTML to stdout. --xlsx FILE also writes the tables as an Excel workbook, one \
            sheet each, in the report's language (docs/report.md, "Excel workbook").
            """,
        options: [period, compare, region, language, OutputOption.option, workbook, mode] + DisclosureOptions.all
            + [DefinitionsOption.option],
        examples: ["impact report --period 2018 --region VTWB",
                   "impact report --period 2018 --compare 2017 --lang en --out report.md",
                   "impact report --period 2018 --mode 0640",
                   "impact report --period 2018 --region VTWB --xlsx report.xlsx"])

    struct Options {
        let period: Period
        let compare: Period?
        let region: String?
        /// `--lang` as given; `language` in `impact.conf` stands in for it.
        let language: NumberLocale?
        /// nil writes `report-REGION-PERIOD.html`.
        let out: OutputOption.Destination?
        /// `--xlsx`: where the workbook goes; nil writes none.
        let workbook: String?
        /// Permission bits for the file; nil takes the store's.
        let mode: Int?
        let disclosure: DisclosureOptions
        /// `--indicators` as given; the context resolves it when the command runs.
        let definitions: String?
    }

    static func options(_ arguments: ParsedArguments) throws -> Options {
        guard let periodText = arguments.value(period) else {
            throw UsageError("'impact report' needs --period P", hint: "for example --period 2018")
        }
        let chosenLanguage = try arguments.value(language).map { text in
            guard let locale = NumberLocale(rawValue: text) else {
                throw UsageError("--lang must be nl or en, not '\(text)'")
            }
            return locale
        }
        let reportPeriod = try parse(periodText, flag: period)
        let destination = try OutputOption.destination(arguments)
        if case .file(let path)? = destination, !(path.hasSuffix(".html") || path.hasSuffix(".md")) {
            throw UsageError("--out must end in .html or .md (or be - for stdout), not '\(path)'")
        }
        // Year on year, also for half-years and quarters: 2018-H1 against 2017-H1, not 2017-H2.
        let comparePeriod = try arguments.value(compare).map { try parse($0, flag: compare) }
            ?? reportPeriod.sameLastYear
        let fileMode = try fileMode(arguments, destination: destination)
        return Options(period: reportPeriod, compare: comparePeriod, region: arguments.value(region),
                       language: chosenLanguage, out: destination, workbook: try workbookPath(arguments, destination),
                       mode: fileMode,
                       disclosure: try DisclosureOptions(arguments), definitions: DefinitionsOption.flag(arguments))
    }

    /// `--mode` sets a file's permissions, so it means nothing with `--out -`.
    static func fileMode(_ arguments: ParsedArguments, destination: OutputOption.Destination?) throws -> Int? {
        guard let text = arguments.value(mode) else { return nil }
        guard let bits = OutputFile.mode(text) else {
            throw UsageError("--mode must be octal permissions such as 0600 or 0640, not '\(text)'")
        }
        if destination == .standardOutput { throw UsageError("--mode sets a report file's permissions, not stdout's") }
        return bits
    }

    /// `--xlsx FILE`: a file of its own, never stdout and never the report's own file.
    static func workbookPath(_ arguments: ParsedArguments, _ destination: OutputOption.Destination?) throws -> String? {
        guard let path = arguments.value(workbook) else { return nil }
        guard !path.isEmpty, path != "-" else {
            throw UsageError("--xlsx needs a file name: a workbook is binary and never written to stdout",
                             hint: "for example --xlsx report.xlsx")
        }
        if destination == .file(path) {
            throw UsageError("--xlsx and --out name the same file '\(path)'",
                             hint: "write the workbook to a file of its own, for example --xlsx report.xlsx")
        }
        return path
    }

    static func run(_ options: Options, context: CommandContext) throws -> Int32 {
        if let workbook = options.workbook { try OutputFile.checkWritable(workbook) }
        let session = try context.session(definitions: options.definitions)
        let publication = try options.disclosure.publication(Evaluator(session: session))
        let region = try region(options.region, definitions: session.definitions, context: context)
        guard publication.geography.unit(region) != nil else {
            throw UsageError("unknown region '\(region)' for --region",
                             hint: publication.geography.suggestions(for: region).first.map { "did you mean '\($0)'?" }
                                ?? "pass --region CODE")
        }
        let language = try context.language(options.language).rawValue
        let data = try build(store: session.store, publication: publication, region: region, period: options.period,
                             compare: options.compare)
        if !data.hasFigures {
            context.error("warning: no figures for \(region) in \(options.period.code); "
                          + "the report says so on its first page\n")
        }
        let content = { (markdown: Bool) in render(data, language: language, markdown: markdown) }
        let fileMode = options.mode ?? OutputFile.mode(ofStore: session.store.path)
        if let workbook = options.workbook {
            try write(workbook: data, language: language, to: workbook, mode: fileMode)
        }
        guard case .file(let path) = options.out ?? .file("report-\(region)-\(options.period.code).html") else {
            context.write(try content(false))
            return ExitCode.success
        }
        try OutputFile.write(try content(path.hasSuffix(".md")), to: path, mode: fileMode)
        context.write(path + "\n" + (options.workbook.map { $0 + "\n" } ?? ""))
        return ExitCode.success
    }

    /// `--region`, else the region of `programme` in `impact.conf`, else that of the first programme.
    static func region(_ flag: String?, definitions: DefinitionSet, context: CommandContext) throws -> String {
        if let flag { return flag }
        guard let configured = try context.projectConfig()?.programme else {
            return definitions.programmes.compactMap(\.region).first ?? ""
        }
        guard let programme = definitions.programme(configured.value) else {
            throw CatalogueCommand.unknownProgramme(configured.value, origin: "at \(configured.location)",
                                                    definitions: definitions)
        }
        guard let region = programme.region else {
            throw UsageError("programme '\(configured.value)' (at \(configured.location)) has no region",
                             hint: "pass --region CODE")
        }
        return region
    }

    static func write(store: Store, publication: Publication, region: String, period: Period, compare: Period?,
                      language: String, markdown: Bool) throws -> String {
        let data = try build(store: store, publication: publication, region: region, period: period, compare: compare)
        return render(data, language: language, markdown: markdown)
    }

    /// Everything the report shows, read in one snapshot of the store.
    static func build(store: Store, publication: Publication, region: String, period: Period,
                      compare: Period?) throws -> ReportData {
        try store.database.readTransaction {
            try ReportBuilder(publication: publication).build(region: region, period: period, compare: compare)
        }
    }

    static func render(_ data: ReportData, language: String, markdown: Bool) -> String {
        let text = ReportText(language: language)
        return markdown ? MarkdownReport(data: data, text: text).markdown : HTMLReport(data: data, text: text).html
    }

    /// The workbook beside the report, with the same permissions.
    static func write(workbook data: ReportData, language: String, to path: String, mode: Int) throws {
        do {
            let bytes = try ReportWorkbook(data: data, text: ReportText(language: language)).workbook.xlsx()
            try OutputFile.write(Data(bytes), to: path, mode: mode)
        } catch let error as Workbook.TooLarge {
            throw CommandFailure(message: "cannot write the workbook '\(path)': \(error.description)")
        }
    }

    static func parse(_ text: String, flag: CommandSpec.Option) throws -> Period {
        do { return try Period.parse(text).period } catch { throw UsageError("\(flag.name): \(error.description)") }
    }
}
