import Foundation
import ImpactSources
import ImpactStore

/// Delivers queued notifications: runs the current `--notify` command (split on spaces into
/// program and arguments, never through a shell) with the alert JSON on stdin. The outbox holds the
/// message; the command is the one of the run that delivers it, so a corrected `--notify` takes
/// effect at once. A failure stays in the outbox with the command's last stderr lines; a command
/// that exited 0 delivered, even when it left a child behind (which is killed, not waited for), so
/// a message is never sent twice.
public struct Notifier {
    public let alertStore: AlertStore
    public let command: String?
    public let timeout: TimeInterval

    public init(alertStore: AlertStore, command: String?, timeout: TimeInterval = 30) {
        self.alertStore = alertStore
        self.command = command
        self.timeout = timeout
    }

    public struct Report: Sendable {
        public var delivered = 0
        public var failed: [String] = []
        /// Messages left in the outbox because this run has no `--notify`.
        public var waiting = 0
    }

    public func deliverPending() throws -> Report {
        var report = Report()
        let entries = try alertStore.undelivered()
        guard let command else {
            report.waiting = entries.count
            return report
        }
        for entry in entries {
            if let problem = send(entry.payload, with: command) {
                try alertStore.markFailed(entry.id, error: problem)
                report.failed.append("notification \(entry.id) (attempt \(entry.attempts + 1)): \(problem)")
            } else {
                try alertStore.markDelivered(entry.id, at: Timestamp.now())
                report.delivered += 1
            }
        }
        return report
    }

    /// Runs the command, its input written within the deadline; nil on success, else what went wrong.
    func send(_ payload: String, with command: String) -> String? {
        let words = command.split(separator: " ").map(String.init)
        guard let program = words.first else { return "empty notify command" }
        let child = ChildProcess(program: program, arguments: Array(words.dropFirst()))
        let termination: ChildProcess.Termination
        do { termination = try child.run(input: Data((payload + "\n").utf8), timeout: timeout) } catch {
            return "'\(program)' failed: \(error)"
        }
        let stderr = child.stderrLines()
        let detail = stderr.isEmpty ? "" : "\n    " + stderr.split(separator: "\n").joined(separator: "\n    ")
        switch termination {
        case .exited(0): return nil
        case .exited(let status): return "'\(program)' exited with status \(status)" + detail
        case .signalled(let signal): return "'\(program)' was killed by signal \(signal)" + detail
        case .timedOut: return "'\(program)' did not finish within \(Int(timeout)) s and was stopped" + detail
        case .cannotStart(let reason): return "cannot start '\(program)': \(reason)"
        }
    }
}
