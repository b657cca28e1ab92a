import ImpactCommandLine
import ImpactCore

/// What `impact alerts` was asked to do, decoded from its positionals once, so `run` switches over
/// cases instead of comparing strings and a mistyped action or id is a usage error up front.
enum AlertsAction: Equatable {
    case check
    case list
    case history
    case outbox(Outbox)

    /// `impact alerts outbox list|retry|drop ID`.
    enum Outbox: Equatable {
        case list
        case retry
        case drop(Int)
    }

    static let names = ["check", "list", "history", "outbox"]

    /// Whether the action writes data to stdout (so `--out` means something for it).
    var printsData: Bool {
        switch self {
        case .outbox(.retry), .outbox(.drop): return false
        default: return true
        }
    }
    static let outboxNames = ["list", "retry", "drop"]

    static func decode(_ positionals: [String]) throws -> AlertsAction {
        let name = positionals[0]
        let rest = Array(positionals.dropFirst())
        let action: AlertsAction
        switch name {
        case "check": action = .check
        case "list": action = .list
        case "history": action = .history
        case "outbox": return .outbox(try outbox(rest))
        default:
            throw UsageError("unknown action '\(name)' for 'impact alerts'",
                             hint: Suggestions.hint(for: name, among: names)
                                ?? "actions are check, list, history and outbox")
        }
        guard rest.isEmpty else { throw UsageError("'impact alerts \(name)' takes no further arguments") }
        return action
    }

    /// The outbox sub-action; without one it lists.
    private static func outbox(_ arguments: [String]) throws -> Outbox {
        switch arguments.first {
        case nil, "list"?:
            guard arguments.count <= 1 else { throw UsageError("'impact alerts outbox list' takes no id") }
            return .list
        case "retry"?:
            guard arguments.count == 1 else { throw UsageError("'impact alerts outbox retry' takes no id") }
            return .retry
        case "drop"?:
            guard arguments.count == 2, let id = Int(arguments[1]), id > 0 else {
                throw UsageError("'impact alerts outbox drop' needs the id of one message",
                                 hint: "impact alerts outbox list shows the ids")
            }
            return .drop(id)
        case let other?:
            throw UsageError("unknown outbox action '\(other)'",
                             hint: Suggestions.hint(for: other, among: outboxNames)
                                ?? "outbox actions are list, retry and drop ID")
        }
    }
}
