import Foundation
import Testing
import TestHarness

@Suite(.scratch) struct DefinitionsEndToEndTests {
    let root = ImpactBinary.projectRoot

    @Test func shippedDefinitionsAreClean() throws {
        let result = try ImpactBinary.run(["check"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("ok: "))
    }

    @Test func brokenDefinitionsListEveryProblemWithLocations() throws {
        let result = try ImpactBinary.run(["check", "--indicators", "fixtures/definitions/broken"])
        #expect(result.status == 1)
        let file = "fixtures/definitions/broken/broken.ind"
        for expected in ["\(file):23:9: error[IMP-L058]: unknown series 'vt.meldngen'",
                         "hint: did you mean 'vt.meldingen'?",
                         "\(file):31:9: error[IMP-L055]: cannot add a count to a percent",
                         "\(file):34:11: error[IMP-L064]: indicators refer to each other in a cycle: "
                             + "c_cycle → d_cycle → c_cycle",
                         "\(file):52:13: error[IMP-L009]: unknown criterion 'outcom'",
                         "\(file):55:31: error[IMP-L063]: 'Polite' is not a value of dimension 'melder'",
                         "\(file):56:10: error[IMP-L018]: invalid period '2021-13'",
                         "      value vt.meldngen\n            ^" + String(repeating: "~", count: 10) + "\n"] {
            #expect(result.stderr.contains(expected), "missing: \(expected)\n\(result.stderr)")
        }
    }

    @Test func explainPrintsPlanAndSQL() throws {
        let result = try ImpactBinary.run(["explain", "wb_politie_aandeel"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("indicator wb_politie_aandeel"))
        #expect(result.stdout.contains("WITH\nrequest_period AS") && result.stdout.contains("\ncell AS"))
        #expect(result.stdout.contains("= 'Politie'"))
        let unknown = try ImpactBinary.run(["explain", "wb_politie_aandel"])
        #expect(unknown.status == 64 && unknown.stderr.contains("did you mean 'wb_politie_aandeel'?"))
    }

    /// `explain` prints exactly the statement and parameters `eval` runs for the same request,
    /// including where each input reads (here: the rollups an import with definitions maintains).
    @Test func explainShowsTheStatementEvalRuns() throws {
        let root = ImpactBinary.projectRoot
        let store = ImpactBinary.temporaryDirectory() + "/explain.sqlite"
        let definitions = ["--indicators", root + "/indicators"]
        #expect(try ImpactBinary.run(["import", "geography", root + "/fixtures/geography", "--store", store]).status == 0)
        let imported = try ImpactBinary.run(["import", "csv", root + "/fixtures/vt-west-brabant", "--store", store] + definitions)
        #expect(imported.status == 0, "\(imported.stderr)")
        let request = ["--geo", "VTWB", "--geo", "GM0758", "--period", "2017..2018", "--store", store] + definitions
        for id in ["wb_adviezen_per_melding", "wb_politie_aandeel"] {
            let explain = try ImpactBinary.run(["explain", id] + request)
            #expect(explain.status == 0, "\(explain.stderr)")
            #expect(explain.stdout.contains("reads the series' rollup"), "\(explain.stdout)")
            let listing = try #require(explain.stdout.range(of: "-- SQL (sqlite)")).lowerBound
            let statement = String(explain.stdout[listing...])
            // Disclosure control evaluates the hierarchy around the requested areas, which come first.
            #expect(statement.contains("?1 = '[\"VTWB\",\"GM0758\","), "\(statement)")
            let eval = try ImpactBinary.run(["eval", "--indicator", id, "--trace-sql"] + request)
            #expect(eval.status == 0, "\(eval.stderr)")
            #expect(eval.stderr.contains(statement), "eval ran another statement than explain printed:\n\(eval.stderr)")
        }
    }

    /// Explain still shows the statement for an empty store, and says what request options need.
    @Test func explainWithoutDataOrStore() throws {
        let directory = ImpactBinary.temporaryDirectory()
        let definitions = ["--indicators", ImpactBinary.projectRoot + "/indicators"]
        #expect(try ImpactBinary.run(["init", "--store", directory + "/empty.sqlite"]).status == 0)
        let empty = try ImpactBinary.run(["explain", "wb_meldingen", "--store", directory + "/empty.sqlite"] + definitions)
        #expect(empty.status == 0 && empty.stdout.contains("?1 = area codes (JSON array)"), "\(empty.stderr)")
        let absent = try ImpactBinary.run(["explain", "wb_meldingen", "--geo", "VTWB", "--store", directory + "/none.sqlite"]
                                          + definitions)
        #expect(absent.status == 2 && absent.stderr.contains("no store at"), "\(absent.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/none.sqlite"))
    }

    /// The same area twice is one area, not a crash.
    @Test func repeatedGeoIsEvaluatedOnce() throws {
        let store = ImpactBinary.temporaryDirectory() + "/twice.sqlite"
        #expect(try DemoStore.copy(to: store))
        let twice = ["--geo", "VTWB", "--geo", "VTWB", "--store", store, "--format", "csv"]
        let commands = [["eval", "--indicator", "wb_meldingen", "--period", "2018", "--no-cache"] + twice,
                        ["diff", "2017", "2018", "--indicator", "wb_meldingen"] + twice]
        for command in commands {
            let result = try ImpactBinary.run(command)
            #expect(result.status == 0 && !result.killedBySignal, "\(command[0]): \(result.stderr)")
            #expect(result.stdout.components(separatedBy: "\nwb_meldingen,VTWB,").count == 2, "\(result.stdout)")
        }
    }

    @Test func evalCSVHasTheDocumentedColumnsAndStatuses() throws {
        let store = ImpactBinary.temporaryDirectory() + "/eval.sqlite"
        #expect(try DemoStore.copy(to: store))
        let result = try ImpactBinary.run(["eval", "--store", store, "--indicator", "wb_adviezen_per_melding",
                                           "--indicator", "wb_politie_aandeel", "--geo", "VTWB",
                                           "--period", "2016..2018", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "indicator,geo,period,value,numerator,denominator,n,status,flags")
        #expect(lines.contains {
            $0.hasPrefix("wb_adviezen_per_melding,VTWB,2018,0.5136612021857924,3102,6039,6039,provisional,")
        })
        #expect(lines.contains("wb_politie_aandeel,VTWB,2016,,,6670,6670,missing,provisional"))
        let json = try ImpactBinary.run(["eval", "--store", store, "--indicator", "wb_meldingen", "--geo", "VTWB",
                                         "--period", "2018", "--format", "json"])
        #expect(json.stdout.contains("\"value\": 6039"))
        let badPeriod = try ImpactBinary.run(["eval", "--store", store, "--period", "2018-13"])
        #expect(badPeriod.status == 64 && badPeriod.stderr.contains("invalid period '2018-13'"))
        let badGeo = try ImpactBinary.run(["eval", "--store", store, "--geo", "VTWX"])
        #expect(badGeo.status == 64 && badGeo.stderr.contains("did you mean 'VTWB'?"))
        let badFormat = try ImpactBinary.run(["eval", "--store", store, "--format", "xml"])
        #expect(badFormat.status == 64 && badFormat.stderr.contains("table, csv, json, markdown"))
    }

    @Test func cataloguePrintsTheProgrammeTable() throws {
        let store = ImpactBinary.temporaryDirectory() + "/catalogue.sqlite"
        #expect(try DemoStore.copy(to: store))
        let result = try ImpactBinary.run(["catalogue", "--store", store, "--programme", "hvb", "--format", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines[0] == "programme,line,criterion,indicator,title,method,planning,periods,areas,last_delivery")
        #expect(lines.count == 16)
        #expect(result.stdout.contains("hvb_out1_advies_aandeel") && result.stdout.contains("2016 2017 2018-H1"))
        #expect(result.stdout.contains("not_arranged: Nog niet belegd"))
        let unknown = try ImpactBinary.run(["catalogue", "--store", store, "--programme", "hbv"])
        #expect(unknown.status == 64 && unknown.stderr.contains("did you mean 'hvb'"))
    }
}
