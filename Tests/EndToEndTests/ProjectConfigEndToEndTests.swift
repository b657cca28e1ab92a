import Foundation
import Testing
import TestHarness

/// Settings from anywhere (docs/cli.md): a project's `impact.conf` found from a subfolder, the
/// environment, and the order flag > environment > file > default, one step at a time.
@Suite(.scratch) struct ProjectConfigEndToEndTests {
    /// A project folder with the demo store in `data/`, the shipped definitions copied to `defs/`
    /// (their tests find `../../fixtures` through a link), a broken `indicators/` folder where the
    /// default would look, and a subfolder to run from.
    struct Project {
        let root = ImpactBinary.temporaryDirectory()
        var folder: String { root + "/project" }
        var store: String { folder + "/data/region.sqlite" }
        var definitions: String { folder + "/defs" }
        var broken: String { folder + "/indicators" }
        var subfolder: String { folder + "/reports/2018" }
        var missingStore: String { root + "/missing.sqlite" }

        init() throws {
            let manager = FileManager.default
            for folder in [folder + "/data", subfolder, broken] {
                try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            try manager.copyItem(atPath: ImpactBinary.projectRoot + "/indicators", toPath: definitions)
            try manager.createSymbolicLink(atPath: folder + "/fixtures",
                                           withDestinationPath: ImpactBinary.projectRoot + "/fixtures")
            try "indicator wb_x {\n  value = \n"
                .write(toFile: broken + "/broken.ind", atomically: true, encoding: .utf8)
            #expect(try DemoStore.copy(to: store))
        }

        func configure(_ text: String) throws {
            try text.write(toFile: folder + "/impact.conf", atomically: true, encoding: .utf8)
        }

        func run(_ arguments: [String], environment: [String: String] = [:],
                 from directory: String? = nil) throws -> ImpactBinary.Output {
            try ImpactBinary.run(arguments, environment: environment, directory: directory ?? subfolder)
        }
    }

    /// A repeated evaluation is answered from the store's output cache; the language in impact.conf,
    /// which the arguments do not show, is part of what the cached text answers for.
    @Test func theCachedTableFollowsTheConfiguredLanguage() throws {
        let project = try Project()
        let eval = ["eval", "--indicator", "wb_meldingen", "--geo", "VTWB", "--period", "2018"]
        try project.configure("store = data/region.sqlite\nindicators = defs\nlanguage = nl\n")
        let dutch = try project.run(eval)
        #expect(dutch.status == 0 && dutch.stdout.hasPrefix("indicator     gebied"), "\(dutch.stdout)\(dutch.stderr)")
        try project.configure("store = data/region.sqlite\nindicators = defs\nlanguage = en\n")
        let english = try project.run(eval)
        #expect(english.status == 0 && english.stdout.hasPrefix("indicator     geo"), "\(english.stdout)")
    }

    @Test func everyCommandFindsTheProjectFileFromASubfolder() throws {
        let project = try Project()
        // Windows line ends, a comment line, a blank line and comments after values are all fine.
        try project.configure("# West-Brabant\r\nstore = data/region.sqlite   # shared\r\n\r\n"
                              + "indicators = defs\r\nprogramme = zl\r\nlanguage = en\r\n")
        // A folder named impact.conf on the way up is not the file.
        try FileManager.default.createDirectory(atPath: project.folder + "/reports/impact.conf",
                                                withIntermediateDirectories: true)
        let commands: [[String]] = [
            ["init"], ["check"], ["test"], ["explain", "wb_meldingen"], ["alerts", "list"], ["history"], ["coverage"],
            ["import", "csv", ImpactBinary.projectRoot + "/fixtures/vt-west-brabant/regio-2015-2018.csv", "--dry-run"],
        ]
        for arguments in commands {
            let result = try project.run(arguments)
            #expect(result.status == 0, "impact \(arguments.joined(separator: " ")): \(result.stderr)")
        }
        let eval = try project.run(["eval", "--indicator", "wb_meldingen", "--geo", "VTWB", "--period", "2018",
                                    "--format", "csv"])
        #expect(eval.status == 0 && eval.stdout.contains("wb_meldingen,VTWB,2018,6039,"), "\(eval.stderr)")
        let diff = try project.run(["diff", "2017", "2018", "--geo", "VTWB", "--indicator", "wb_meldingen"])
        #expect(diff.status == 0 && diff.stdout.contains("7,561"), "English number format: \(diff.stdout)")
        let catalogue = try project.run(["catalogue", "--format", "csv"])
        let programmes = Set(catalogue.stdout.split(separator: "\n").dropFirst().map { $0.prefix { $0 != "," } })
        #expect(catalogue.status == 0 && programmes == ["zl"], "\(catalogue.stderr)")
        let report = try project.run(["report", "--period", "2018", "--out", "-"])
        #expect(report.status == 0 && report.stdout.contains("<html lang=\"en\""), "\(report.stderr)")
        #expect(report.stdout.contains("Zuid-Limburg"), "the region of programme zl")
    }

    @Test func theEnvironmentNamesTheDefinitionsAndTheStore() throws {
        let project = try Project()
        let elsewhere = ImpactBinary.temporaryDirectory()
        let environment = ["IMPACT_INDICATORS": project.definitions, "IMPACT_STORE": project.store]
        for arguments in [["check"], ["test"], ["eval", "--period", "2018"], ["catalogue"]] {
            let result = try project.run(arguments, environment: environment, from: elsewhere)
            #expect(result.status == 0, "impact \(arguments.joined(separator: " ")): \(result.stderr)")
        }
        let broken = try project.run(["check"], environment: ["IMPACT_INDICATORS": project.broken], from: elsewhere)
        #expect(broken.status == 1 && broken.stderr.contains("broken.ind"))
        let empty = try project.run(["check"], environment: ["IMPACT_INDICATORS": ""], from: project.folder)
        #expect(empty.status == 1 && empty.stderr.contains("broken.ind"), "empty means unset: ./indicators")
    }

    @Test func theFlagBeatsTheEnvironment() throws {
        let project = try Project()
        try project.configure("store = \(project.missingStore)\nindicators = indicators\nlanguage = en\n")
        let environment = ["IMPACT_INDICATORS": project.broken, "IMPACT_STORE": project.missingStore]
        let check = try project.run(["check", "--indicators", project.definitions], environment: environment)
        #expect(check.status == 0, "\(check.stderr)")
        let coverage = try project.run(["coverage", "--store", project.store], environment: environment)
        #expect(coverage.status == 0, "\(coverage.stderr)")
        let report = try project.run(["report", "--period", "2018", "--programme", "wb", "--lang", "nl", "--out", "-",
                                      "--store",
                                      project.store, "--indicators", project.definitions],
                                     environment: environment)
        #expect(report.status == 0 && report.stdout.contains("<html lang=\"nl\""), "\(report.stderr)")
    }

    @Test func theEnvironmentBeatsTheFile() throws {
        let project = try Project()
        try project.configure("store = \(project.missingStore)\nindicators = indicators\n")
        let environment = ["IMPACT_INDICATORS": project.definitions, "IMPACT_STORE": project.store]
        let eval = try project.run(["eval", "--period", "2018"], environment: environment)
        #expect(eval.status == 0, "\(eval.stderr)")
    }

    @Test func theFileBeatsTheDefault() throws {
        let project = try Project()
        try FileManager.default.copyItem(atPath: project.store, toPath: project.folder + "/impact.sqlite")
        try project.configure("store = \(project.missingStore)\nindicators = defs\nprogramme = wb\nlanguage = en\n")
        // From the project folder the defaults would be ./impact.sqlite (present) and ./indicators (broken).
        let check = try project.run(["check"], from: project.folder)
        #expect(check.status == 0, "\(check.stderr)")
        let coverage = try project.run(["coverage"], from: project.folder)
        #expect(coverage.status == 2 && coverage.stderr.contains("no store at \(project.missingStore)"))
        let store = ["--store", project.store]
        let catalogue = try project.run(["catalogue", "--format", "csv"] + store)
        #expect(!catalogue.stdout.contains("\nhvb,") && catalogue.stdout.contains("\nwb,"), "\(catalogue.stderr)")
        let chosen = try project.run(["catalogue", "--format", "csv", "--programme", "hvb"] + store)
        #expect(chosen.stdout.contains("\nhvb,") && !chosen.stdout.contains("\nwb,"), "the flag beats the file")
        let diff = try project.run(["diff", "2017", "2018", "--geo", "VTWB", "--indicator", "wb_meldingen",
                                    "--locale", "nl"] + store)
        #expect(diff.stdout.contains("7.561"), "--locale beats language in impact.conf")
    }

    /// `language` in impact.conf also sets the words of tables, unless `--lang` says otherwise.
    @Test func theFilesLanguageSetsTableHeaders() throws {
        let project = try Project()
        try project.configure("language = nl\n")
        let store = ["--store", project.store, "--indicators", ImpactBinary.projectRoot + "/indicators",
                     "--indicator", "wb_meldingen", "--geo", "VTWB", "--period", "2018"]
        let dutch = try project.run(["eval"] + store, from: project.folder)
        #expect(dutch.stdout.hasPrefix("indicator") && dutch.stdout.contains("gebied"), "\(dutch.stdout)\(dutch.stderr)")
        let english = try project.run(["eval", "--lang", "en"] + store, from: project.folder)
        #expect(english.stdout.contains("geo") && !english.stdout.contains("gebied"), "\(english.stdout)")
    }

    @Test func withoutAnySettingTheDefaultsApply() throws {
        let project = try Project()
        let check = try project.run(["check"], from: project.folder)
        #expect(check.status == 1 && check.stderr.contains("broken.ind"), "./indicators: \(check.stderr)")
        let coverage = try project.run(["coverage"], from: project.folder)
        #expect(coverage.status == 2 && coverage.stderr.contains("no store at impact.sqlite"), "\(coverage.stderr)")
        let report = try project.run(["report", "--period", "2018", "--programme", "wb", "--out", "-",
                                      "--store", project.store, "--indicators", project.definitions])
        #expect(report.status == 0 && report.stdout.contains("<html lang=\"nl\""), "\(report.stderr)")
    }

    /// Each mistake names the file, line and column, says what is wrong and, for a key, the known keys.
    @Test(arguments: [
        ("store = data/region.sqlite\nindicator = defs\n", 64, ":2:1: unknown key 'indicator'",
         "did you mean 'indicators'? (known keys: store, indicators, programme, language)"),
        ("  colour = blue\n", 64, ":1:3: unknown key 'colour'", "known keys: store, indicators, programme, language"),
        ("store data/region.sqlite\n", 64, ":1:1: expected 'key = value'", "known keys:"),
        ("language = de\n", 64, ":1:12: language must be nl or en, not 'de'", ""),
        ("language = en#gb # a comment\n", 64, ":1:12: language must be nl or en, not 'en#gb'", ""),
        ("store =   # nothing\n", 64, ":1:8: 'store' has no value", ""),
        ("store = a.sqlite\n\nstore = b.sqlite\n", 64, ":3:1: 'store' is set twice", "first set at"),
        ("programme = wbb\n", 64, ":1:13", "did you mean 'wb'"),
    ])
    func aBrokenProjectFileIsReportedWhereItIsWrong(text: String, status: Int, message: String, hint: String) throws {
        let project = try Project()
        try project.configure(text)
        let result = try project.run(["catalogue", "--store", project.store, "--indicators", project.definitions])
        #expect(result.status == Int32(status), "\(result.stderr)")
        #expect(result.stderr.contains(project.folder + "/impact.conf" + message), "\(result.stderr)")
        #expect(hint.isEmpty || result.stderr.contains(hint), "\(result.stderr)")
        #expect(try project.run(["version"]).status == 0, "commands without settings ignore the file")
    }

    @Test func aProjectFileThatIsNotTextFails() throws {
        let project = try Project()
        try Data([0x73, 0x74, 0xff, 0xfe, 0x0a]).write(to: URL(fileURLWithPath: project.folder + "/impact.conf"))
        let result = try project.run(["coverage"])
        #expect(result.status == 2 && result.stderr.contains("cannot read \(project.folder)/impact.conf"))
        let report = try project.run(["report", "--period", "2018", "--store", project.store,
                                      "--indicators", project.definitions, "--out", "-"])
        #expect(report.status == 2, "the report's region may come from the file: \(report.stderr)")
    }
}
