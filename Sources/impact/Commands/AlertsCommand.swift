import ImpactAlerts
import ImpactCommandLine
import ImpactCompiler
import ImpactCore
import ImpactEngine
import ImpactLanguage
import ImpactRender
import ImpactSources
import ImpactStore

/// `impact alerts check|list|history`: the scheduled job's command.
enum AlertsCommand: Command {
    static let spec = CommandSpec(
        name: "alerts",
        summary: "evaluate alert rules (check), show their states (list) or past transitions (history)",
        discussion: """
            check evaluates every rule for every applicable area in one period, keeps the state per rule and area
            (ok → pending → firing → resolved, or no_data) and prints the transitions as JSON lines. A period is
            evaluated once: running check again on the same data reports nothing new.
            Exit codes of check: 0 nothing is firing, 1 something is firing, 2 error (see docs/alerts.md).
            --notify CMD runs CMD once per transition with the alert JSON on stdin (no shell); failed deliveries
            stay in the store's outbox and are retried on the next run.
            """,
        positionals: [.init("ACTION", help: "check, list or history")],
        options: [
            .init("--period", value: "P", help: "period to evaluate (check)"),
            .init("--latest", help: "evaluate the latest year with data (check)"),
            .init("--all", help: "also print every alert that is firing now (check)"),
            .init("--notify", value: "CMD", help: "command to run per transition, alert JSON on stdin (check)"),
            .init("--format", value: "FORMAT", help: "jsonl or table for check (default jsonl); table, csv, json, markdown for list and history"),
            DefinitionsOption.option,
        ],
        examples: ["impact alerts check --latest", "impact alerts check --period 2018 --notify 'mail-alert steering-group'", "impact alerts list", "impact alerts history --format csv"])

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        switch arguments.positionals[0] {
        case "check": return try check(arguments, context: context)
        case "list": return try list(arguments, context: context)
        case "history": return try history(arguments, context: context)
        case let other:
            throw UsageError("unknown action '\(other)' for 'impact alerts'", hint: Suggestions.hint(for: other, among: ["check", "list", "history"]) ?? "actions are check, list and history")
        }
    }

    static func check(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let tableFormat: Bool
        switch arguments.value("--format") ?? "jsonl" {
        case "jsonl": tableFormat = false
        case "table": tableFormat = true
        case let other: throw UsageError("invalid value '\(other)' for --format of 'alerts check'", hint: "use jsonl or table")
        }
        let definitions = try DefinitionsOption.loadChecked(arguments, context: context)
        let store = try context.openStore()
        let period = try self.period(arguments, store: store)
        let publication = Publication(evaluator: Evaluator(store: store, definitions: definitions), geography: try GeographyStore(store: store).load())
        let alertStore = AlertStore(store: store)
        let outcome = try AlertCheck(publication: publication, alertStore: alertStore, notifyCommand: arguments.value("--notify")).run(period: period)
        if tableFormat {
            var table = DataTable(columns: ["indicator", "rule", "geo", "period", "from", "to", "value"])
            table.rows = outcome.transitions.map { [.text($0.indicator), .text($0.rule), .text($0.geo), .text($0.period), .text($0.from.rawValue), .text($0.to.rawValue), DataTable.Cell($0.value)] }
            context.render(table, format: .table)
        } else {
            context.write(outcome.payloads.map { $0 + "\n" }.joined())
        }
        if arguments.has("--all") {
            context.write(outcome.firing.map { "{\"firing\":{\"indicator\":\(JSONText.quote($0.indicator)),\"rule\":\(JSONText.quote($0.rule)),\"geo\":\(JSONText.quote($0.geo))}}\n" }.joined())
        }
        let delivery = try Notifier(alertStore: alertStore).deliverPending()
        for failure in delivery.failed { context.error("warning: \(failure); kept in the outbox for the next run\n") }
        context.error("alerts check \(period.code): \(outcome.transitions.count) transition(s), \(outcome.firing.count) firing, \(delivery.delivered) notification(s) delivered\n")
        return outcome.firing.isEmpty ? ExitCode.success : ExitCode.findings
    }

    static func period(_ arguments: ParsedArguments, store: Store) throws -> Period {
        switch (arguments.value("--period"), arguments.has("--latest")) {
        case (let text?, false):
            do { return try Period.parse(text).period } catch { throw UsageError(error.description, hint: "write --period 2018 or --period 2018-H1") }
        case (nil, true):
            guard let year = try store.database.scalarInt("SELECT max(CAST(substr(period_start, 1, 4) AS INTEGER)) FROM observation WHERE grain = 'Y' AND superseded_by IS NULL") else {
                throw CommandFailure(message: "the store holds no yearly figures to take the latest period from", hint: "pass --period P")
            }
            return .year(year)
        case (_?, true): throw UsageError("give --period or --latest, not both")
        case (nil, false): throw UsageError("'impact alerts check' needs --period P or --latest")
        }
    }

    static func list(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let format = try arguments.choice("--format", default: OutputFormat.table)
        let definitions = try DefinitionsOption.loadChecked(arguments, context: context)
        let states = try AlertStore(store: context.openStore()).states()
        var table = DataTable(columns: ["indicator", "rule", "condition", "severity", "geo", "state", "period", "value"])
        for indicator in definitions.indicators {
            for rule in indicator.alerts {
                let current = states.filter { $0.indicator == indicator.id.value && $0.rule == rule.name.value }
                let base: [DataTable.Cell] = [.text(indicator.id.value), .text(rule.name.value), .text(rule.condition?.description ?? "–"), .text(rule.severity.rawValue)]
                if current.isEmpty { table.rows.append(base + [.empty, .text("never evaluated"), .empty, .empty]) }
                table.rows += current.map { base + [.text($0.geo), .text($0.state.rawValue), .text($0.period), DataTable.Cell($0.value)] }
            }
        }
        context.render(table, format: format)
        return ExitCode.success
    }

    static func history(_ arguments: ParsedArguments, context: CommandContext) throws -> Int32 {
        let format = try arguments.choice("--format", default: OutputFormat.table)
        let transitions = try AlertStore(store: context.openStore()).transitions()
        var table = DataTable(columns: ["at", "indicator", "rule", "geo", "period", "from", "to", "value", "batch"])
        table.rows = transitions.map { [.text($0.at), .text($0.indicator), .text($0.rule), .text($0.geo), .text($0.period), .text($0.from.rawValue),
                                         .text($0.to.rawValue), DataTable.Cell($0.value), DataTable.Cell($0.batch)] }
        context.render(table, format: format)
        return ExitCode.success
    }
}
