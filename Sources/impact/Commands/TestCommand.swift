import Foundation
import ImpactAlerts
import ImpactCommandLine

/// `impact test [FILE…]`: run rule tests (like `promtool test rules`).
enum TestCommand: Command {
    static let spec = CommandSpec(
        name: "test",
        summary: "run rule tests: input data, evaluation periods, expected values and alert states",
        discussion: """
            Each test runs in a fresh temporary store with a fixed clock. Without FILE, runs every *.test under \
            the tests folder of the definitions directory (indicators/tests, or DIR/tests with --indicators DIR). \
            Format: docs/alerts.md.
            """,
        positionals: [.init("FILE", minimum: 0, maximum: nil,
                            help: "test files or directories (default: indicators/tests)")],
        options: [DefinitionsOption.option],
        examples: ["impact test", "impact test indicators/tests/politie.test", "impact test --indicators my-region"])

    /// What to run: the FILE arguments, or the tests folder of the definitions directory, which the
    /// context resolves from `--indicators`, the environment or `impact.conf` when the command runs.
    enum Inputs {
        case files([String])
        case definitionTests(flag: String?)
    }

    /// Test files and `--indicators` at once are refused: each test file names its own definitions,
    /// so the flag would silently mean nothing.
    static func options(_ arguments: ParsedArguments) throws -> Inputs {
        guard !arguments.positionals.isEmpty else { return .definitionTests(flag: DefinitionsOption.flag(arguments)) }
        guard arguments.value(DefinitionsOption.option) == nil else {
            throw UsageError("give test files or \(DefinitionsOption.option.name) DIR, not both",
                             hint: "each test file names its definitions with 'definitions \"…\"'")
        }
        return .files(arguments.positionals)
    }

    static func run(_ given: Inputs, context: CommandContext) throws -> Int32 {
        let inputs: [String]
        switch given {
        case .files(let files): inputs = files
        case .definitionTests(let flag): inputs = [try context.definitionsDirectory(flag) + "/tests"]
        }
        let files = try inputs.flatMap(testFiles)
        guard !files.isEmpty else {
            throw CommandFailure(message: "no *.test files found in \(inputs.joined(separator: ", "))")
        }
        var failed = 0
        var passed = 0
        for path in files {
            let (file, diagnostics) = RuleTestFile.parse(path: path)
            context.report(diagnostics)
            guard let file else { failed += 1; continue }
            for result in RuleTestRunner().run(file) {
                if result.passed {
                    passed += 1
                    context.write("ok    \(result.name) (\(path))\n")
                } else {
                    failed += 1
                    let failures = result.failures.map { "  " + $0.replacingOccurrences(of: "\n", with: "\n  ") + "\n" }
                    context.write("FAIL  \(result.name) (\(path))\n" + failures.joined())
                }
            }
        }
        context.write("\(passed) passed, \(failed) failed\n")
        return failed == 0 ? ExitCode.success : ExitCode.findings
    }

    static func testFiles(_ path: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CommandFailure(message: "test file or directory '\(path)' does not exist")
        }
        guard isDirectory.boolValue else { return [path] }
        return (FileManager.default.enumerator(atPath: path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".test") }.sorted().map { (path as NSString).appendingPathComponent($0) }
    }
}
