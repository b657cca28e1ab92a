import Foundation
import Testing
import TestHarness

/// A plugin's output line holding one valid observation.
private let observation = """
    echo '{"version":1,"type":"observation","series":"vt.meldingen","geo":"VTWB","period":"2019","value":1}'
    """

@Suite(.scratch) struct SourcesEndToEndTests {
    let root = ImpactBinary.projectRoot

    func store() throws -> String {
        let path = ImpactBinary.temporaryDirectory() + "/sources.sqlite"
        let geography = root + "/fixtures/geography"
        #expect(try ImpactBinary.run(["import", "geography", geography, "--store", path]).status == 0)
        return path
    }

    func count(_ store: String) throws -> Int {
        let result = try ImpactBinary.run(["history", "--store", store, "--format", "csv"])
        return result.stdout.split(separator: "\n").count - 1
    }

    /// A store holding the West-Brabant regional figures 2015–2018.
    func storeWithRegionalFigures() throws -> String {
        let store = try store()
        let file = root + "/fixtures/vt-west-brabant/regio-2015-2018.csv"
        #expect(try ImpactBinary.run(["import", "csv", file, "--store", store]).status == 0)
        return store
    }

    @Test func sourcesListsBuiltInsAndTheExamplePlugin() throws {
        let result = try ImpactBinary.run(["sources"])
        for id in ["csv ", "wide ", "statline ", "geography ", "jaarcijfers "] {
            #expect(result.stdout.contains(id), "missing \(id)")
        }
        #expect(result.stdout.contains("external"))
    }

    @Test func examplePluginImportsAndEvaluates() throws {
        let store = try store()
        let result = try ImpactBinary.run(["import", "jaarcijfers", "fixtures/plugin/jaarcijfers-west-brabant.txt",
                                           "--store", store])
        #expect(result.status == 0 && result.stderr.contains("imported batch 2: 8 rows"), "\(result.stderr)")
        let eval = try ImpactBinary.run(["eval", "--store", store, "--indicator", "wb_adviezen_per_melding",
                                         "--geo", "VTWB", "--period", "2018", "--format", "csv"])
        #expect(eval.stdout.contains("wb_adviezen_per_melding,VTWB,2018,0.5136612021857924,3102,6039,6039,provisional"))
    }

    /// A plugin that crashes, hangs or prints garbage changes nothing and says why.
    @Test(arguments: [
        ("crash", "#!/bin/sh\n\(observation)\necho 'disk on fire' >&2\nexit 3\n",
         "plugin 'crash' exited with status 3"),
        ("hang", "#!/bin/sh\nsleep 30\n", "plugin 'hang' did not finish within 1 s"),
        ("garbage", "#!/bin/sh\n\(observation)\necho 'this is not json'\n",
         "plugin garbage:2:1: error[IMP-S034]: record 2: not a JSON object"),
        ("badrecord", "#!/bin/sh\n\(observation.replacingOccurrences(of: "\"2019\"", with: "\"2019-13\""))\n",
         "record 1: invalid period '2019-13'"),
    ])
    func brokenPluginsChangeNothing(name: String, script: String, expected: String) throws {
        let store = try store()
        let directory = ImpactBinary.temporaryDirectory()
        try FileManager.default.createDirectory(atPath: directory + "/sources", withIntermediateDirectories: true)
        let path = directory + "/sources/impact-source-\(name)"
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        chmod(path, 0o755)
        let before = try count(store)
        let result = try ImpactBinary.run(["import", name, "--store", store, "--timeout", "1"], directory: directory)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains(expected), "\(result.stderr)")
        #expect(result.stderr.contains("nothing was written"))
        #expect(try count(store) == before)
        if name == "crash" { #expect(result.stderr.contains("disk on fire")) }
    }

    @Test func gatesDryRunHistoryAndCoverage() throws {
        let store = try store()
        let files = [root + "/fixtures/vt-west-brabant/regio-2015-2018.csv",
                     root + "/fixtures/vt-west-brabant/gemeenten-2018.csv"]
        let dry = try ImpactBinary.run(["import", "csv"] + files + ["--store", store, "--dry-run"])
        #expect(dry.status == 0 && dry.stderr.contains("dry run: 134 rows valid (4 warning(s))"))
        #expect(dry.stderr.contains("warning[IMP-G004]: gate parts_sum")
                    && dry.stderr.contains("parts sum to 153, the total says 171"))
        #expect(try count(store) == 1)
        let real = try ImpactBinary.run(["import", "csv"] + files + ["--store", store])
        #expect(real.status == 0 && real.stderr.contains("imported batch 2"))
        let negative = ImpactBinary.temporaryDirectory() + "/negative.csv"
        try "series,geo,period,value\nvt.meldingen,VTWB,2019,-5\n"
            .write(toFile: negative, atomically: true, encoding: .utf8)
        let rejected = try ImpactBinary.run(["import", "csv", negative, "--store", store])
        #expect(rejected.status == 1
                    && rejected.stderr.contains("negative.csv:2:1: error[IMP-I081]: negative value -5"),
                "\(rejected.stderr)")
        let revised = ImpactBinary.temporaryDirectory() + "/revised.csv"
        try "series,geo,period,value\nvt.meldingen,VTWB,2018,6040\n"
            .write(toFile: revised, atomically: true, encoding: .utf8)
        #expect(try ImpactBinary.run(["import", "csv", revised, "--store", store]).status == 0)
        let history = try ImpactBinary.run(["history", "vt.meldingen", "--geo", "VTWB", "--period", "2018",
                                            "--store", store, "--format", "csv"])
        let lines = history.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1].contains(",6039,") && lines[1].contains("superseded by batch 3"))
        #expect(lines[2].contains(",6040,") && lines[2].hasSuffix(",current"))
        let coverage = try ImpactBinary.run(["coverage", "--store", store, "--series", "vt.onderzoeken",
                                             "--format", "csv"])
        #expect(coverage.stdout.contains("vt.onderzoeken,VTWB,v,v,v,v"))
        #expect(coverage.stdout.contains("vt.onderzoeken,GM0744,–,–,–,–") == false)
    }

    /// Output before a revised delivery equals `--as-of` output after it.
    @Test func asOfReproducesEarlierOutputExactly() throws {
        let store = try storeWithRegionalFigures()
        let arguments = ["--store", store, "--geo", "VTWB", "--period", "2015..2018",
                         "--indicator", "wb_adviezen_per_melding", "--indicator", "wb_onderzoeken", "--format", "csv"]
        let diff = ["diff", "2017", "2018", "--store", store, "--geo", "VTWB", "--format", "csv"]
        let before = try ImpactBinary.run(["eval"] + arguments)
        let diffBefore = try ImpactBinary.run(diff)
        let revised = ImpactBinary.temporaryDirectory() + "/final.csv"
        try "series,geo,period,value,status\nvt.meldingen,VTWB,2018,6101,final\nvt.onderzoeken,VTWB,2018,175,final\n"
            .write(toFile: revised, atomically: true, encoding: .utf8)
        #expect(try ImpactBinary.run(["import", "csv", revised, "--store", store]).status == 0)
        let after = try ImpactBinary.run(["eval"] + arguments)
        #expect(after.stdout != before.stdout)
        let asOf = try ImpactBinary.run(["eval"] + arguments + ["--as-of", "2"])
        #expect(asOf.stdout == before.stdout)
        let diffAsOf = try ImpactBinary.run(diff + ["--as-of", "2"])
        #expect(diffAsOf.stdout == diffBefore.stdout)
    }

    /// A repeated evaluation is answered whole from the output cache, and never after the
    /// definitions changed: edited definitions give their own answer, broken ones their errors.
    @Test func repeatedEvaluationFollowsDefinitionChanges() throws {
        let store = try storeWithRegionalFigures()
        let definitions = ImpactBinary.temporaryDirectory() + "/indicators"
        try FileManager.default.copyItem(atPath: root + "/indicators", toPath: definitions)
        let arguments = ["eval", "--store", store, "--indicators", definitions, "--geo", "VTWB",
                         "--period", "2015..2018", "--indicator", "wb_onderzoeken", "--format", "csv"]
        let first = try ImpactBinary.run(arguments)
        let repeated = try ImpactBinary.run(arguments)
        let uncached = try ImpactBinary.run(arguments + ["--no-cache"])
        #expect(first.status == 0 && repeated.stdout == first.stdout && uncached.stdout == first.stdout)
        let file = definitions + "/west-brabant.ind"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        func write(value: String) throws {
            try text.replacingOccurrences(of: "  value vt.onderzoeken\n", with: "  value \(value)\n")
                .write(toFile: file, atomically: true, encoding: .utf8)
        }
        try write(value: "vt.onderzoeken * 2")
        let edited = try ImpactBinary.run(arguments)
        #expect(edited.status == 0 && edited.stdout != first.stdout)
        try write(value: "vt.onderzoekenn")
        let broken = try ImpactBinary.run(arguments)
        #expect(broken.status == 2 && broken.stdout.isEmpty && broken.stderr.contains("error[IMP-L058]"))
        #expect(broken.stderr.contains("vt.onderzoekenn"))
    }

    /// A StatLine problem names the record, not a line of the JSON file (whose lines are not records).
    @Test func statLineProblemsNameTheRecord() throws {
        let store = ImpactBinary.temporaryDirectory() + "/no-geography.sqlite"
        #expect(try ImpactBinary.run(["init", "--store", store]).status == 0)
        let folder = ImpactBinary.projectRoot + "/fixtures/statline/vt-west-brabant"
        let result = try ImpactBinary.run(["import", "statline", folder, "--mapping", folder + ".mapping", "--store", store])
        #expect(result.status == 1)
        #expect(result.stderr.contains("TypedDataSet.json record 1: error[IMP-I001]: unknown geo code"), "\(result.stderr)")
        #expect(!result.stderr.contains("TypedDataSet.json:1:"))
    }
}
