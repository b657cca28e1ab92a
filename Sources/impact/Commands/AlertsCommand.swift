import ImpactAlerts
import ImpactCommandLine
import ImpactCore
import ImpactEngine
import ImpactLanguage
import ImpactRender
import ImpactStore

/// `impact alerts check|list|history|outbox`: the scheduled job's command.
enum AlertsCommand: Command {
    static let period = CommandSpec.Option("--period", value: "P", help: "period to evaluate (check)")
    static let latest = CommandSpec.Option("--latest", help: "evaluate the latest year with data (check)")
    static let all = CommandSpec.Option("--all", help: "also print every alert that is firing now (check)")
    static let notify = CommandSpec.Option("--notify", value: "CMD",
                                           help: "command to run per transition, alert JSON on stdin "
                                               + "(check, outbox retry)")
    static let format = CommandSpec.Option("--format", value: "FORMAT",
                                           help: "jsonl or table for check (default jsonl); "
                                               + "table, csv, json, markdown for list, history and outbox")

    static let spec = CommandSpec(
        name: "alerts",
        summary: "evaluate alert rules (check), show their states (list), past transitions (history) "
            + "or the notification outbox (outbox)",
        discussion: """
            check evaluates every rule for every applicable area in one period, keeps the state per rule and area
            (ok → pending → firing → resolved, or no_data) and prints the transitions as JSON lines. A period is
            evaluated once: running check again on the same data reports nothing new.
            Exit codes of check: 0 nothing is firing, 1 something is firing, 2 error (see docs/alerts.md).
            --notify CMD runs CMD once per transition with the alert JSON on stdin (no shell); failed deliveries
            stay in the store's outbox and are retried on the next run with --notify.
            outbox (or outbox list) shows the queued messages; outbox retry --notify CMD delivers the waiting
            ones (exit 2 when one still fails); outbox drop ID removes one undelivered message.
            """,
        positionals: [.init("ACTION", help: "check, list, history or outbox"),
                      .init("ARGUMENT", minimum: 0, maximum: 2, help: "for outbox: list, retry or drop ID")],
        options: [period, latest, all, notify, format, OutputOption.option] + TablePresentation.all
            + [DefinitionsOption.option],
        examples: ["impact alerts check --latest",
                   "impact alerts check --period 2018 --notify 'impact-notify-mail steering-group@example.org'",
                   "impact alerts list", "impact alerts history --format csv",
                   "impact alerts outbox",
                   "impact alerts outbox retry --notify 'impact-notify-mail steering-group@example.org'",
                   "impact alerts outbox drop 7"])

    /// How results are printed: JSON lines (check's default) or a rendered table.
    enum Format: Equatable {
        case jsonl
        case rendered(OutputFormat)
    }

    struct Options {
        let action: AlertsAction
        let period: Period?
        let latest: Bool
        let all: Bool
        let notify: String?
        let format: Format
        let output: OutputOption.Destination
        let presentation: TablePresentation
        /// `--indicators` as given; the context resolves it when the command runs.
        let definitions: String?

        /// The format of the data-printing actions (`options` decodes nothing else for them).
        var renderedFormat: OutputFormat {
            guard case .rendered(let format) = format else { return .table }
            return format
        }
    }

    static func options(_ arguments: ParsedArguments) throws -> Options {
        let action = try AlertsAction.decode(arguments.positionals)
        let period = try arguments.value(period).map { text in
            do { return try Period.parse(text).period } catch {
                throw UsageError("\(error)", hint: "write --period 2018 or --period 2018-H1")
            }
        }
        if period != nil && arguments.has(latest) { throw UsageError("give --period or --latest, not both") }
        if action == .check && period == nil && !arguments.has(latest) {
            throw UsageError("'impact alerts check' needs --period P or --latest")
        }
        if action == .outbox(.retry) && arguments.value(notify) == nil {
            throw UsageError("'impact alerts outbox retry' needs --notify CMD", hint: "the command that delivers")
        }
        let output = try OutputOption.decode(arguments)
        if output != .standardOutput && !action.printsData {
            throw UsageError("\(OutputOption.option.name) applies to check, list, history and outbox list",
                             hint: "retry and drop print no data")
        }
        return Options(action: action, period: period, latest: arguments.has(latest), all: arguments.has(all),
                       notify: arguments.value(notify), format: try format(arguments, action: action), output: output,
                       presentation: try TablePresentation(arguments), definitions: DefinitionsOption.flag(arguments))
    }

    /// check prints JSON lines or a table; the other actions print data in any `OutputFormat`.
    static func format(_ arguments: ParsedArguments, action: AlertsAction) throws -> Format {
        guard action == .check else { return .rendered(try arguments.choice(format, default: OutputFormat.table)) }
        switch arguments.value(format) ?? "jsonl" {
        case "jsonl": return .jsonl
        case "table": return .rendered(.table)
        case let other:
            throw UsageError("invalid value '\(other)' for --format of 'alerts check'", hint: "use jsonl or table")
        }
    }

    static func run(_ options: Options, context: CommandContext) throws -> Int32 {
        try context.send(to: options.output)
        switch options.action {
        case .check: return try check(options, context: context)
        case .list: return try list(options, context: context)
        case .history: return try history(options, context: context)
        case .outbox(let action): return try AlertsOutbox.run(action, options: options, context: context)
        }
    }

    static func check(_ options: Options, context: CommandContext) throws -> Int32 {
        let session = try context.session(definitions: options.definitions, access: .readWrite)
        let period = try checkedPeriod(options, store: session.store, cases: session.definitions.cases)
        let publication = try Publication(evaluator: Evaluator(session: session))
        let alertStore = AlertStore(store: session.store)
        let check = AlertCheck(publication: publication, alertStore: alertStore,
                               queuesNotifications: options.notify != nil)
        let outcome = try check.run(period: period)
        if case .rendered(let format) = options.format {
            context.render(transitionTable(outcome.transitions), format: format, presentation: options.presentation)
        } else {
            context.write(outcome.payloads.map { $0 + "\n" }.joined())
        }
        if options.all {
            context.write(outcome.firing.map { firing in
                let fields = "\"indicator\":\(JSONText.quote(firing.indicator)),\"rule\":\(JSONText.quote(firing.rule))"
                return "{\"firing\":{\(fields),\"geo\":\(JSONText.quote(firing.geo))}}\n"
            }.joined())
        }
        let delivery = try Notifier(alertStore: alertStore, command: options.notify).deliverPending()
        AlertsOutbox.warn(delivery, context: context)
        context.error("alerts check \(period.code): \(outcome.transitions.count) transition(s), "
                      + "\(outcome.firing.count) firing, \(delivery.delivered) notification(s) delivered\n")
        return outcome.firing.isEmpty ? ExitCode.success : ExitCode.findings
    }

    static func transitionTable(_ transitions: [AlertTransition]) -> DataTable {
        var table = DataTable(columns: ["indicator", "rule", "geo", "period", "from", "to", "value"])
        table.rows = transitions.map {
            [.text($0.indicator), .text($0.rule), .text($0.geo), .text($0.period), .text($0.from.rawValue),
             .text($0.to.rawValue), DataTable.Cell($0.value)]
        }
        return table
    }

    /// `--latest`: the last year with yearly figures or completely covered by the events of a
    /// `cases` block, so a store that holds only case events is checked too.
    static func checkedPeriod(_ options: Options, store: Store, cases: [CasesDeclaration]) throws -> Period {
        if let period = options.period { return period }
        let summary = CaseEventSummary(store: store)
        let eventYears = try cases.compactMap { try summary.coverage(source: $0.source ?? $0.name.value)?.years.last }
        let observed = try ObservationSummary(store: store).yearsWithData(grain: .year)?.upperBound
        guard let year = (eventYears + [observed].compactMap { $0 }).max() else {
            throw CommandFailure(message: "the store holds no yearly figures or complete years of case events to "
                                     + "take the latest period from",
                                 hint: "pass --period P")
        }
        return .year(year)
    }

    static func list(_ options: Options, context: CommandContext) throws -> Int32 {
        let definitions = try context.loadDefinitions(options.definitions)
        let states = try AlertStore(store: context.openStore()).states()
        let columns = ["indicator", "rule", "condition", "severity", "geo", "state", "period", "value"]
        var table = DataTable(columns: columns)
        for indicator in definitions.indicators {
            for rule in indicator.alerts {
                let current = states.filter { $0.indicator == indicator.id.value && $0.rule == rule.name.value }
                let base: [DataTable.Cell] = [
                    .text(indicator.id.value), .text(rule.name.value), .text(rule.condition?.description ?? "–"),
                    .text(rule.severity.rawValue),
                ]
                if current.isEmpty { table.rows.append(base + [.empty, .text("never evaluated"), .empty, .empty]) }
                table.rows += current.map {
                    base + [.text($0.geo), .text($0.state.rawValue), .text($0.period), DataTable.Cell($0.value)]
                }
            }
        }
        context.render(table, format: options.renderedFormat, presentation: options.presentation)
        return ExitCode.success
    }

    static func history(_ options: Options, context: CommandContext) throws -> Int32 {
        let transitions = try AlertStore(store: context.openStore()).transitions()
        var table = DataTable(columns: ["at", "indicator", "rule", "geo", "period", "from", "to", "value", "batch"])
        table.rows = transitions.map {
            [.text($0.at), .text($0.indicator), .text($0.rule), .text($0.geo), .text($0.period),
             .text($0.from.rawValue), .text($0.to.rawValue), DataTable.Cell($0.value), DataTable.Cell($0.batch)]
        }
        context.render(table, format: options.renderedFormat, presentation: options.presentation)
        return ExitCode.success
    }
}

