import Foundation
import Testing
import TestHarness

@Suite(.serialized, .scratch) struct AlertsEndToEndTests {
    let root = ImpactBinary.projectRoot

    @Test func shippedRuleTestsPass() throws {
        let result = try ImpactBinary.run(["test"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("0 failed"))
    }

    @Test func aWrongExpectationFailsWithADiff() throws {
        let directory = ImpactBinary.temporaryDirectory()
        let text = try String(contentsOfFile: root + "/indicators/tests/politie.test", encoding: .utf8)
            .replacingOccurrences(of: "\"../", with: "\"\(root)/indicators/")
            .replacingOccurrences(of: "\"politie-input.csv\"", with: "\"\(root)/indicators/tests/politie-input.csv\"")
            .replacingOccurrences(of: "politie_dominant VTWB firing", with: "politie_dominant VTWB pending")
        try text.write(toFile: directory + "/wrong.test", atomically: true, encoding: .utf8)
        let result = try ImpactBinary.run(["test", directory + "/wrong.test"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("FAIL"))
        #expect(result.stdout.contains("expected: pending") && result.stdout.contains("actual:   firing"))
    }

    /// A store holding only the rule test's hand-made case events (`fixtures/cases/rule-test`).
    func storeWithCaseEvents() throws -> String {
        let store = ImpactBinary.temporaryDirectory() + "/cases.sqlite"
        #expect(try ImpactBinary.run(["import", "geography", "fixtures/geography", "--store", store]).status == 0)
        let events = try ImpactBinary.run(["import", "events", "fixtures/cases/rule-test/events.csv",
                                           "--event-source", "rt_casus", "--store", store],
                                          environment: ["IMPACT_PSEUDONYM_KEY": String(repeating: "k", count: 32)])
        #expect(events.status == 0, "\(events.stderr)")
        return store
    }

    /// `alerts check` evaluates rules on case measures: the recurrence share and the median
    /// investigation time of 2018 fire, the share past the term (for 2 periods) waits as pending.
    @Test func checkFiresOnCaseIndicators() throws {
        let store = try storeWithCaseEvents()
        let definitions = ["--indicators", "fixtures/cases/rule-test", "--store", store]
        let quiet = try ImpactBinary.run(["alerts", "check", "--period", "2017"] + definitions)
        #expect(quiet.status == 0 && quiet.stdout.isEmpty, "\(quiet.stdout)\(quiet.stderr)")
        let check = try ImpactBinary.run(["alerts", "check", "--period", "2018", "--all"] + definitions)
        #expect(check.status == 1, "\(check.stderr)")
        #expect(check.stdout.contains("\"indicator\":\"rt_herhaling\",\"rule\":\"herhaling_hoog\",\"geo\":\"VTWB\""))
        #expect(check.stdout.contains("\"summary\":\"Mediane onderzoeksduur in Veilig Thuis West-Brabant 2018: "
                                      + "80 dagen (termijn: 70 dagen)\""))
        let list = try ImpactBinary.run(["alerts", "list", "--format", "csv"] + definitions)
        #expect(list.stdout.contains("rt_herhaling,herhaling_hoog,value > 40,warning,VTWB,firing,2018,50\n"))
        #expect(list.stdout.contains("rt_doorlooptijd,mediaan_boven_termijn,value > 70,critical,VTWB,firing,2018,80\n"))
        #expect(list.stdout.contains("rt_termijn,termijn_overschreden,value > 50,warning,VTWB,pending,2018,75\n"))
        let latest = try ImpactBinary.run(["alerts", "check", "--latest"] + definitions)
        #expect(latest.status == 0 && latest.stderr.contains("alerts check 2019: 6 transition(s), 0 firing"),
                "\(latest.stderr)")
    }

    @Test func anEventsLineWithoutAFileIsAnError() throws {
        let directory = ImpactBinary.temporaryDirectory()
        let text = "test \"t\" {\n  definitions \"\(root)/fixtures/cases/rule-test/alerts.ind\"\n"
            + "  events rt_casus\n  step 2018 {\n  }\n}\n"
        try text.write(toFile: directory + "/empty.test", atomically: true, encoding: .utf8)
        let result = try ImpactBinary.run(["test", directory + "/empty.test"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("empty.test:3:10: error[IMP-T051]: 'events rt_casus' names no event file"),
                "\(result.stderr)")
    }

    func storeWithPoliceSeries() throws -> String {
        let store = ImpactBinary.temporaryDirectory() + "/alerts.sqlite"
        #expect(try ImpactBinary.run(["import", "geography", "fixtures/geography", "--store", store]).status == 0)
        #expect(try ImpactBinary.run(["import", "csv", "indicators/tests/politie-input.csv", "--store", store]).status == 0)
        return store
    }

    /// The shipped mail notifier (`scripts/notify-mail`, installed as impact-notify-mail) mails the
    /// alert's summary with its JSON through sendmail (here a stand-in that keeps the message).
    @Test func theShippedMailNotifierSendsTheSummary() throws {
        let store = try storeWithPoliceSeries()
        let directory = ImpactBinary.temporaryDirectory()
        let sendmail = directory + "/sendmail"
        try "#!/bin/sh\ncat > \"$IMPACT_MAIL_OUT\"\n".write(toFile: sendmail, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: sendmail)
        let environment = ["IMPACT_SENDMAIL": sendmail, "IMPACT_MAIL_OUT": directory + "/mail.txt"]
        let check = try ImpactBinary.run(["alerts", "check", "--period", "2016", "--store", store,
                                          "--notify", root + "/scripts/notify-mail steering@example.org"],
                                         environment: environment)
        #expect(check.status == 0 && check.stderr.contains("1 notification(s) delivered"), "\(check.stderr)")
        let mail = try String(contentsOfFile: directory + "/mail.txt", encoding: .utf8)
        #expect(mail.hasPrefix("To: steering@example.org\nSubject: [impact] "), "\(mail)")
        #expect(mail.contains("\"indicator\":\"wb_politie_aandeel\""))
    }

    @Test func checkReportsTransitionsOnceAndSignalsFiring() throws {
        let store = try storeWithPoliceSeries()
        let first = try ImpactBinary.run(["alerts", "check", "--period", "2016", "--store", store])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("\"from\":\"ok\",\"to\":\"pending\""))
        let firing = try ImpactBinary.run(["alerts", "check", "--period", "2017", "--store", store, "--all"])
        #expect(firing.status == 1)
        #expect(firing.stdout.contains("\"to\":\"firing\"") && firing.stdout.contains("{\"firing\":"))
        let again = try ImpactBinary.run(["alerts", "check", "--period", "2017", "--store", store])
        #expect(again.status == 1 && again.stdout.isEmpty && again.stderr.contains("0 transition(s)"))
        let list = try ImpactBinary.run(["alerts", "list", "--store", store, "--format", "csv"])
        #expect(list.stdout.contains("wb_politie_aandeel,politie_dominant,value > 80,warning,VTWB,firing,2017"))
        let history = try ImpactBinary.run(["alerts", "history", "--store", store, "--format", "csv"])
        #expect(history.stdout.split(separator: "\n").count == 3)
        let usage = try ImpactBinary.run(["alerts", "chek", "--store", store])
        #expect(usage.status == 64 && usage.stderr.contains("did you mean 'check'?"))
    }

    @Test func failedNotificationIsKeptAndDeliveredOnceLater() throws {
        let store = try storeWithPoliceSeries()
        let directory = ImpactBinary.temporaryDirectory()
        let script = directory + "/notify.sh"
        try "#!/bin/sh\nif [ -e \(directory)/fail ]; then exit 3; fi\ncat >> \(directory)/delivered.jsonl\n".write(toFile: script, atomically: true, encoding: .utf8)
        chmod(script, 0o755)
        _ = FileManager.default.createFile(atPath: directory + "/fail", contents: nil)
        let failing = try ImpactBinary.run(["alerts", "check", "--period", "2016", "--store", store, "--notify", script])
        #expect(failing.stderr.contains("kept in the outbox"))
        #expect(!FileManager.default.fileExists(atPath: directory + "/delivered.jsonl"))
        try FileManager.default.removeItem(atPath: directory + "/fail")
        let retry = try ImpactBinary.run(["alerts", "check", "--period", "2016", "--store", store, "--notify", script])
        #expect(retry.stderr.contains("1 notification(s) delivered"))
        let later = try ImpactBinary.run(["alerts", "check", "--period", "2016", "--store", store, "--notify", script])
        #expect(later.stderr.contains("0 notification(s) delivered"))
        let delivered = try String(contentsOfFile: directory + "/delivered.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(delivered.count == 1)
        #expect(delivered[0].contains("\"rule\":\"politie_dominant\"") && delivered[0].contains("\"to\":\"pending\""))
    }
}

extension AlertsEndToEndTests {
    /// An alert check while an import commits sees the old or the new vintage, never a mix.
    @Test func checkDuringAnImportSeesOneVintage() throws {
        let store = try storeWithPoliceSeries()
        let directory = ImpactBinary.temporaryDirectory()
        var rows = "series,geo,period,melder,value\nvt.meldingen,VTWB,2016,Politie,5000\nvt.meldingen,VTWB,2016,,6670\n"
        for index in 0..<60_000 { rows += "syn.load,GM0758,\(1900 + index / 12 % 120)-\(String(format: "%02d", index % 12 + 1)),s\(index / 1440),\(index % 97)\n" }
        try rows.write(toFile: directory + "/revision.csv", atomically: true, encoding: .utf8)
        let (importer, _, _) = ImpactBinary.process(["import", "csv", directory + "/revision.csv", "--store", store])
        try importer.run()
        Thread.sleep(forTimeInterval: 0.3)
        let check = try ImpactBinary.run(["alerts", "check", "--period", "2016", "--store", store])
        importer.waitUntilExit()
        #expect(importer.terminationStatus == 0)
        #expect(check.status == 0 || check.status == 1, "\(check.stderr)")
        let old = String(100.0 * 5600 / 6670), new = String(100.0 * 5000 / 6670)
        let value = check.stdout.components(separatedBy: "\"value\":").dropFirst().first?.split(separator: ",").first.map(String.init)
        if let value {
            #expect(value.hasPrefix(String(old.prefix(8))) || value.hasPrefix(String(new.prefix(8))), "value \(value) is neither vintage")
        } else {
            // 5000 / 6670 = 75 %: with the new vintage the rule stays ok, so there is no transition to print.
            #expect(check.stdout.isEmpty)
        }
    }
}
