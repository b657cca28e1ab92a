import Foundation
import Testing
import TestHarness
@testable import ImpactAlerts
@testable import ImpactSources
@testable import ImpactStore

/// The outbox holds messages, not commands; large messages pass through the pipe without blocking.
@Suite(.scratch) struct NotifierTests {
    static let transition = """
        INSERT INTO alert_transition (id, indicator, rule, geo, period, from_state, to_state, value, batch_id, at)
        VALUES (1, 'wb_politie_aandeel', 'politie_dominant', 'VTWB', '2016', 'ok', 'pending', 84, NULL, 'now');
        """

    /// A version-5 store's undelivered message, queued with its command, survives the migration and
    /// is delivered; new messages are queued without a command.
    @Test func migrationKeepsOldOutboxRowsAndQueuesWithoutCommand() throws {
        let path = TestSupport.temporaryDirectory() + "/v5.sqlite"
        do {
            let old = try Store(path: path, upToVersion: 5)
            try old.database.execute(sql: Self.transition + """
                INSERT INTO alert_outbox (id, transition_id, command, payload) VALUES (7, 1, 'old-mailer', '{"a":1}');
                """)
        }
        let store = try Store(path: path)
        let alertStore = AlertStore(store: store)
        try alertStore.enqueue(transition: 1, payload: "{\"b\":2}")
        let waiting = try alertStore.undelivered()
        #expect(waiting.map(\.id) == [7, 8])
        #expect(waiting.first?.payload == "{\"a\":1}")
        #expect(waiting.first?.transition == "wb_politie_aandeel politie_dominant VTWB 2016 ok → pending")
        let commands = try store.database.query("SELECT command FROM alert_outbox ORDER BY id") { $0.string(0) }
        #expect(commands == ["old-mailer", nil])
    }

    /// A 200 KB summary is more than a pipe holds: the notifier writes it while the command reads,
    /// so it is delivered whole and quickly instead of blocking until the deadline.
    @Test func payloadLargerThanThePipeBufferIsDelivered() throws {
        let directory = TestSupport.temporaryDirectory()
        let store = try Store(path: directory + "/large.sqlite")
        try store.database.execute(sql: Self.transition)
        let alertStore = AlertStore(store: store)
        let payload = "{\"summary\":\"" + String(repeating: "x", count: 200 * 1024) + "\"}"
        try alertStore.enqueue(transition: 1, payload: payload)
        let script = TestSupport.write("#!/bin/sh\ncat > \"$1\"\n", to: "receive.sh", in: directory)
        chmod(script, 0o755)
        let started = Date()
        let report = try Notifier(alertStore: alertStore, command: script + " " + directory + "/received",
                                  timeout: 20).deliverPending()
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(report.delivered == 1 && report.failed.isEmpty, "\(report.failed)")
        let received = try String(contentsOfFile: directory + "/received", encoding: .utf8)
        #expect(received == payload + "\n")
    }

    /// Input and output both larger than a pipe: neither side waits for the other.
    @Test func childProcessStreamsLargeInputAndOutputAtOnce() throws {
        let input = Data(String(repeating: "0123456789abcdef\n", count: 16 * 1024).utf8)
        var lines = 0
        let child = ChildProcess(program: "cat", arguments: [])
        let termination = try child.run(input: input, timeout: 20) { _ in lines += 1 }
        #expect(termination == .exited(0))
        #expect(lines == 16 * 1024)
    }
}
