import ImpactAlerts
import ImpactCore
import ImpactRender
import ImpactStore

/// `impact alerts outbox list|retry|drop ID`: lets an operator see why notifications wait, deliver
/// them with a corrected command without waiting for the next check, or give one up — without
/// editing the store by hand.
enum AlertsOutbox {
    static func run(_ action: AlertsAction.Outbox, options: AlertsCommand.Options,
                    context: CommandContext) throws -> Int32 {
        switch action {
        case .list: return try list(options, context: context)
        case .retry: return try retry(options, context: context)
        case .drop(let id): return try drop(id, context: context)
        }
    }

    static func list(_ options: AlertsCommand.Options, context: CommandContext) throws -> Int32 {
        let entries = try AlertStore(store: context.openStore()).outbox()
        var table = DataTable(columns: ["id", "transition", "attempts", "last_error", "delivered"])
        table.rows = entries.map {
            [.integer($0.id), .text($0.transition), .integer($0.attempts), DataTable.Cell($0.lastError),
             .text($0.deliveredAt ?? "waiting")]
        }
        context.render(table, format: options.renderedFormat, presentation: options.presentation)
        return ExitCode.success
    }

    /// Delivers every waiting message with this run's `--notify`; a message that still fails stays.
    static func retry(_ options: AlertsCommand.Options, context: CommandContext) throws -> Int32 {
        let alertStore = AlertStore(store: try context.openStore(access: .readWrite))
        let delivery = try Notifier(alertStore: alertStore, command: options.notify).deliverPending()
        warn(delivery, context: context)
        context.error("alerts outbox retry: \(delivery.delivered) notification(s) delivered, "
                      + "\(delivery.failed.count) still waiting\n")
        guard delivery.failed.isEmpty else {
            throw CommandFailure(message: "\(delivery.failed.count) notification(s) could not be delivered",
                                 hint: "they stay in the outbox; fix --notify and retry")
        }
        return ExitCode.success
    }

    static func drop(_ id: Int, context: CommandContext) throws -> Int32 {
        let alertStore = AlertStore(store: try context.openStore(access: .readWrite))
        switch try alertStore.drop(id) {
        case nil:
            context.error("dropped notification \(id) from the outbox; it will not be delivered\n")
            return ExitCode.success
        case .unknown?:
            throw CommandFailure(message: "the outbox holds no notification \(id)",
                                 hint: "impact alerts outbox list shows the ids")
        case .delivered(let at)?:
            throw CommandFailure(message: "notification \(id) was delivered at \(at) and cannot be dropped",
                                 hint: "only waiting notifications can be dropped")
        }
    }

    /// One warning per failed delivery, and a note when messages wait for a run with `--notify`.
    static func warn(_ delivery: Notifier.Report, context: CommandContext) {
        for failure in delivery.failed { context.error("warning: \(failure); kept in the outbox for the next run\n") }
        if delivery.waiting > 0 {
            context.error("note: \(delivery.waiting) notification(s) wait in the outbox; "
                          + "a run with --notify delivers them\n")
        }
    }
}
