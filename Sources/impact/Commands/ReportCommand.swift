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
                                           help: "region (default: the region of --programme, else of programme "
                                               + "in impact.conf; needed for a programme in several regions); "
                                               + "alone, it takes the programme(s) of that region")
    static let language = CommandSpec.Option("--lang", value: "nl|en",
                                             help: "language of the report (default: language in impact.conf, else nl)")
    static let pdf = CommandSpec.Option("--pdf", value: "FILE",
                                        help: "also print the report to a PDF file on A4 (needs Chromium)")
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
            --out - writes the HTML to stdout. --pdf FILE prints it on A4 through headless Chromium (page numbers, \
            date and version in the footer); with --pdf alone only the PDF is written. --xlsx FILE also writes the \
            tables as an Excel workbook, one sheet each, in the report's language (docs/report.md, "Excel workbook").
            """,
        options: [period, compare, ProgrammeOption.option, region, ProgrammeOption.allIndicators, language,
                  OutputOption.option, pdf, workbook, mode] + DisclosureOptions.all
            + [DefinitionsOption.option],
        examples: ["impact report --period 2018 --programme wb", "impact report --period 2018 --region VTWB",
                   "impact report --period 2018 --compare 2017 --lang en --out report.md",
                   "impact report --period 2018 --programme wb --pdf report.pdf",
                   "impact report --period 2018 --mode 0640",
                   "impact report --period 2018 --region VTWB --xlsx report.xlsx"])

    struct Options {
        let period: Period
        let compare: Period?
        let region: String?
        let programme: ProgrammeOption
        /// `--lang` as given; `language` in `impact.conf` stands in for it.
        let language: NumberLocale?
        /// nil writes `report-REGION-PERIOD.html`.
        let out: OutputOption.Destination?
        /// `--pdf FILE`: the printed report.
        let pdf: String?
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
                       programme: try ProgrammeOption(arguments),
                       language: chosenLanguage, out: destination, pdf: try pdfPath(arguments),
                       workbook: try workbookPath(arguments, destination), mode: fileMode,
                       disclosure: try DisclosureOptions(arguments), definitions: DefinitionsOption.flag(arguments))
    }

    static func pdfPath(_ arguments: ParsedArguments) throws -> String? {
        guard let path = arguments.value(pdf) else { return nil }
        guard path.hasSuffix(".pdf") else { throw UsageError("--pdf must name a .pdf file, not '\(path)'") }
        return path
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
        for file in [options.workbook, options.pdf].compactMap({ $0 }) { try OutputFile.checkWritable(file) }
        let session = try context.session(definitions: options.definitions)
        let publication = try options.disclosure.publication(Evaluator(session: session))
        let definitions = session.definitions
        let (region, programmes) = try scope(options, definitions: definitions, context: context)
        guard publication.geography.unit(region) != nil else {
            throw UsageError("unknown region '\(region)' for --region",
                             hint: publication.geography.suggestions(for: region).first.map { "did you mean '\($0)'?" }
                                ?? "pass --region CODE")
        }
        if programmes.isEmpty && !options.programme.allIndicators {
            throw UsageError("region '\(region)' has no programme",
                             hint: "programmes and their regions: \(ProgrammeOption.listing(definitions)); "
                                + "or add --all-indicators for every indicator")
        }
        let language = try context.language(options.language).rawValue
        let data = try session.store.database.readTransaction {
            try ReportBuilder(publication: publication).build(region: region, period: options.period,
                                                              compare: options.compare, programmes: programmes,
                                                              allIndicators: options.programme.allIndicators)
        }
        if !data.hasFigures { context.error(noFiguresWarning(data, region: region)) }
        let content = { (markdown: Bool) in render(data, language: language, markdown: markdown) }
        let fileMode = options.mode ?? OutputFile.mode(ofStore: session.store.path)
        if let workbook = options.workbook {
            try write(workbook: data, language: language, to: workbook, mode: fileMode)
        }
        if let pdf = options.pdf {
            try OutputFile.write(try ReportPDF.print(content(false), environment: context.environment), to: pdf,
                                 mode: fileMode)
        }
        let alsoWritten = [options.pdf, options.workbook].compactMap { $0.map { $0 + "\n" } }.joined()
        if options.pdf != nil && options.out == nil {
            context.write(alsoWritten)
            return ExitCode.success
        }
        guard case .file(let path) = options.out ?? .file("report-\(region)-\(options.period.code).html") else {
            context.write(content(false))
            return ExitCode.success
        }
        try OutputFile.write(content(path.hasSuffix(".md")), to: path, mode: fileMode)
        context.write(path + "\n" + alsoWritten)
        return ExitCode.success
    }

    /// An empty period is allowed (a report before the delivery) but said, with the periods to ask for instead.
    static func noFiguresWarning(_ data: ReportData, region: String) -> String {
        let elsewhere = data.periodsWithFigures.map(\.code)
        let hint = elsewhere.isEmpty ? "the store has no figures for this region in any period"
            : "figures exist for " + elsewhere.joined(separator: ", ") + " (--period " + elsewhere[0] + ")"
        return "warning: no figures for \(region) in \(data.period.code); \(hint); "
            + "the report says so on its first page\n"
    }

    /// The region and the programmes the report answers for: `--programme` (its region unless
    /// `--region` says otherwise; `--region` chooses when it has several), else `--region` with the
    /// programmes of that region, else the programme in `impact.conf`, else the only programme;
    /// several programmes and no choice is an error.
    static func scope(_ options: Options, definitions: DefinitionSet,
                      context: CommandContext) throws -> (String, [ProgrammeDeclaration]) {
        if let programme = try options.programme.programme(definitions) {
            let region = try options.region ?? onlyRegion(of: programme, origin: "")
            return (region, [programme])
        }
        if let region = options.region {
            return (region, definitions.programmes.filter { $0.regions.contains(region) })
        }
        let configured = try context.projectConfig()?.programme
        let withRegion = definitions.programmes.filter { !$0.regions.isEmpty }
        if configured == nil, withRegion.count == 1, withRegion[0].regions.count == 1 {
            return (withRegion[0].regions[0], withRegion)
        }
        let region = try self.region(nil, definitions: definitions, context: context)
        return (region, definitions.programmes.filter { $0.id.value == configured?.value })
    }

    /// `--region`, else the region of `programme` in `impact.conf`; without either the user must choose.
    static func region(_ flag: String?, definitions: DefinitionSet, context: CommandContext) throws -> String {
        if let flag { return flag }
        guard let configured = try context.projectConfig()?.programme else {
            throw UsageError("'impact report' needs --programme ID or --region CODE",
                             hint: "programmes and their regions: \(ProgrammeOption.listing(definitions))")
        }
        guard let programme = definitions.programme(configured.value) else {
            throw CatalogueCommand.unknownProgramme(configured.value, origin: "at \(configured.location)",
                                                    definitions: definitions)
        }
        return try onlyRegion(of: programme, origin: " (at \(configured.location))")
    }

    /// A report is about one region: a programme in several must be told which.
    private static func onlyRegion(of programme: ProgrammeDeclaration, origin: String) throws -> String {
        switch programme.regions.count {
        case 1: return programme.regions[0]
        case 0: throw UsageError("programme '\(programme.id.value)'\(origin) has no region", hint: "pass --region CODE")
        default:
            throw UsageError("programme '\(programme.id.value)'\(origin) runs in \(programme.regions.count) regions "
                                + "(\(programme.regions.joined(separator: ", "))) and a report is about one",
                             hint: "pass --region with one of them, e.g. --region \(programme.regions[0])")
        }
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
        return markdown ? MarkdownReport(data: data, text: text).markdown
            : HTMLReport(data: data, text: text, imprint: imprint).html
    }

    /// The footer of a printed copy: this `impact` and today's date (UTC).
    static var imprint: ReportImprint {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return ReportImprint(version: CLI.version, date: formatter.string(from: Date()))
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
