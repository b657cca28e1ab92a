import Foundation
import ImpactStore

/// Delivers queued notifications: runs the command (split on spaces into program and arguments,
/// never through a shell) with the alert JSON on stdin. A failure stays in the outbox and is retried
/// on the next run; a success is marked so it is never sent twice.
public struct Notifier {
    public let alertStore: AlertStore
    public let timeout: TimeInterval

    public init(alertStore: AlertStore, timeout: TimeInterval = 30) {
        self.alertStore = alertStore
        self.timeout = timeout
    }

    public struct Report: Sendable {
        public var delivered = 0
        public var failed: [String] = []
    }

    public func deliverPending() throws -> Report {
        var report = Report()
        for entry in try alertStore.undelivered() {
            if let problem = send(entry) {
                try alertStore.markFailed(entry.id, error: problem)
                report.failed.append("notification \(entry.id) (attempt \(entry.attempts + 1)): \(problem)")
            } else {
                try alertStore.markDelivered(entry.id, at: Timestamp.now())
                report.delivered += 1
            }
        }
        return report
    }

    /// Runs the command; nil on success, otherwise what went wrong.
    func send(_ entry: AlertStore.OutboxEntry) -> String? {
        let words = entry.command.split(separator: " ").map(String.init)
        guard let program = words.first else { return "empty notify command" }
        let process = Process()
        if program.contains("/") {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = Array(words.dropFirst())
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = words
        }
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return "cannot start '\(program)': \(error.localizedDescription)" }
        // A command that exits without reading its input is judged by its exit status below.
        try? input.fileHandleForWriting.write(contentsOf: Data((entry.payload + "\n").utf8))
        try? input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        if process.isRunning {
            process.terminate()
            return "'\(program)' did not finish within \(Int(timeout)) s"
        }
        return process.terminationStatus == 0 ? nil : "'\(program)' exited with status \(process.terminationStatus)"
    }
}
