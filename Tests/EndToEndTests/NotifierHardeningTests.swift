import Foundation
import Testing

/// Notifications follow the current `--notify`, show why they failed, and are delivered once even
/// when the command leaves a process behind.
extension AlertsEndToEndTests {
    func notifyScript(_ directory: String, _ name: String, _ body: String) throws -> String {
        let path = directory + "/" + name
        try ("#!/bin/sh\n" + body).write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o755)
        return path
    }

    @Test func outboxIsDeliveredWithTheCurrentNotifyCommandOnce() throws {
        let store = try storeWithPoliceSeries()
        let directory = ImpactBinary.temporaryDirectory()
        let broken = try notifyScript(directory, "broken.sh", "echo 'smtp: relay refused' >&2\nexit 3\n")
        let failing = try ImpactBinary.run(["alerts", "check", "--period", "2016", "--store", store,
                                            "--notify", broken])
        #expect(failing.stderr.contains("kept in the outbox") && failing.stderr.contains("smtp: relay refused"),
                "\(failing.stderr)")
        let quiet = try ImpactBinary.run(["alerts", "check", "--period", "2016", "--store", store])
        #expect(quiet.stderr.contains("1 notification(s) wait in the outbox"), "\(quiet.stderr)")
        let sendmail = try notifyScript(directory, "sendmail.sh",
                                        "cat >> \(directory)/delivered.jsonl\nsleep 30 &\nexit 0\n")
        let started = Date()
        let fixed = try ImpactBinary.run(["alerts", "check", "--period", "2016", "--store", store,
                                          "--notify", sendmail + " --to secretariaat"])
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(fixed.stderr.contains("1 notification(s) delivered"), "\(fixed.stderr)")
        let again = try ImpactBinary.run(["alerts", "check", "--period", "2016", "--store", store,
                                          "--notify", sendmail])
        #expect(again.stderr.contains("0 notification(s) delivered"), "\(again.stderr)")
        let delivered = try String(contentsOfFile: directory + "/delivered.jsonl", encoding: .utf8)
        #expect(delivered.split(separator: "\n").count == 1)
    }

}
