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

    /// `alerts outbox` lists the waiting message with its last error, `retry` delivers it with the
    /// given command, and `drop` refuses an unknown or a delivered id but removes a waiting one.
    @Test func outboxCanBeListedRetriedAndDropped() throws {
        let store = try storeWithPoliceSeries()
        let directory = ImpactBinary.temporaryDirectory()
        let broken = try notifyScript(directory, "broken.sh", "echo 'smtp: relay refused' >&2\nexit 3\n")
        let sendmail = try notifyScript(directory, "sendmail.sh", "cat >> \(directory)/delivered.jsonl\n")
        _ = try ImpactBinary.run(["alerts", "check", "--period", "2016", "--store", store, "--notify", broken])
        let list = try ImpactBinary.run(["alerts", "outbox", "--store", store, "--format", "csv"])
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.hasPrefix("id,transition,attempts,last_error,delivered\n"), "\(list.stdout)")
        #expect(list.stdout.contains("wb_politie_aandeel politie_dominant VTWB 2016 ok → pending,1,")
                && list.stdout.contains("smtp: relay refused") && list.stdout.contains(",waiting"), "\(list.stdout)")
        let noCommand = try ImpactBinary.run(["alerts", "outbox", "retry", "--store", store])
        #expect(noCommand.status == 64, "\(noCommand.stderr)")
        let failing = try ImpactBinary.run(["alerts", "outbox", "retry", "--store", store, "--notify", broken])
        #expect(failing.status == 2 && failing.stderr.contains("still waiting"), "\(failing.stderr)")
        let retried = try ImpactBinary.run(["alerts", "outbox", "retry", "--store", store, "--notify", sendmail])
        #expect(retried.status == 0 && retried.stderr.contains("1 notification(s) delivered"), "\(retried.stderr)")
        let delivered = try String(contentsOfFile: directory + "/delivered.jsonl", encoding: .utf8)
        #expect(delivered.contains("\"to\":\"pending\""))
        let dropDelivered = try ImpactBinary.run(["alerts", "outbox", "drop", "1", "--store", store])
        #expect(dropDelivered.status == 2 && dropDelivered.stderr.contains("was delivered"), "\(dropDelivered.stderr)")
        let dropUnknown = try ImpactBinary.run(["alerts", "outbox", "drop", "99", "--store", store])
        #expect(dropUnknown.status == 2 && dropUnknown.stderr.contains("no notification 99"), "\(dropUnknown.stderr)")
        let badID = try ImpactBinary.run(["alerts", "outbox", "drop", "x", "--store", store])
        #expect(badID.status == 64, "\(badID.stderr)")
        _ = try ImpactBinary.run(["alerts", "check", "--period", "2017", "--store", store, "--notify", broken])
        let dropped = try ImpactBinary.run(["alerts", "outbox", "drop", "2", "--store", store])
        #expect(dropped.status == 0, "\(dropped.stderr)")
        let after = try ImpactBinary.run(["alerts", "outbox", "--store", store, "--format", "csv"])
        #expect(after.stdout.split(separator: "\n").count == 2, "\(after.stdout)")
    }

    /// Formats are decoded before anything runs: jsonl only for check, the table formats elsewhere.
    @Test func alertsFormatsAreCheckedPerAction() throws {
        let store = try storeWithPoliceSeries()
        let listJSONL = try ImpactBinary.run(["alerts", "list", "--format", "jsonl", "--store", store])
        #expect(listJSONL.status == 64, "\(listJSONL.stderr)")
        let checkCSV = try ImpactBinary.run(["alerts", "check", "--latest", "--format", "csv", "--store", store])
        #expect(checkCSV.status == 64 && checkCSV.stderr.contains("use jsonl or table"), "\(checkCSV.stderr)")
        let extra = try ImpactBinary.run(["alerts", "history", "extra", "--store", store])
        #expect(extra.status == 64, "\(extra.stderr)")
    }
}
