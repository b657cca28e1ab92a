import Foundation
import ImpactCore
import ImpactEngine
import ImpactLanguage
import ImpactSources
import ImpactStore

/// Runs rule tests in a fresh temporary store with a fixed clock, independent of any existing store.
public struct RuleTestRunner {
    public struct Result: Sendable {
        public let file: String
        public let name: String
        public let failures: [String]
        public var passed: Bool { failures.isEmpty }
    }

    public init() {}

    public func run(_ file: RuleTestFile) -> [Result] {
        file.cases.map { testCase in
            do {
                return Result(file: file.path, name: testCase.name, failures: try run(testCase, file: file.path))
            } catch let problem as CSVProblem {
                return Result(file: file.path, name: testCase.name, failures: ["setup: " + problem.message.text])
            } catch {
                return Result(file: file.path, name: testCase.name, failures: ["could not run: \(error)"])
            }
        }
    }

    private func run(_ testCase: RuleTestFile.Case, file: String) throws -> [String] {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("impact-rule-test-" + UUID().uuidString).path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let store = try Store(path: directory + "/test.sqlite")
        var failures: [String] = []
        let geography = try GeographyImport(paths: testCase.geography).run(into: store)
        if geography.failed {
            return geography.diagnostics.map { "setup: \($0)" }
        }
        let data = testCase.inputs.isEmpty ? nil : try CSVImport(paths: testCase.inputs).run(into: store)
        let events = try importEvents(testCase.events, into: store)
        let loaded = DefinitionLoader.load(files: testCase.definitions)
        let setup = geography.diagnostics + (data?.diagnostics ?? []) + events.flatMap(\.diagnostics)
            + loaded.diagnostics
        if data?.failed == true || events.contains(where: \.failed) || loaded.hasErrors {
            return setup.map { "setup: \($0)" }
        }
        let publication = try Publication(evaluator: Evaluator(store: store, definitions: loaded.definitions))
        let alertStore = AlertStore(store: store)
        let check = AlertCheck(publication: publication, alertStore: alertStore,
                               clock: { "1970-01-01T00:00:00.000Z" })
        for step in testCase.steps {
            _ = try check.run(period: step.period)
            failures += try checkValues(step, publication: publication, file: file)
            failures += try checkAlerts(step, alertStore: alertStore, file: file)
        }
        return failures
    }

    /// Each `events` line as one delivery, pseudonymised with the rule tests' public key.
    private func importEvents(_ inputs: [RuleTestFile.EventInput], into store: Store) throws -> [ImportResult] {
        guard !inputs.isEmpty else { return [] }
        let key = try PseudonymKey(bytes: Array(RuleTestFile.pseudonymKey.utf8))
        return try inputs.map { input in
            try CaseEventDelivery(source: input.source, inputs: input.paths, key: key).run(into: store)
        }
    }

    private func checkValues(_ step: RuleTestFile.Step, publication: Publication, file: String) throws -> [String] {
        try step.values.compactMap { expected in
            let request = EvaluationRequest(geos: [expected.geo], periods: [step.period])
            let actual = try publication.evaluate(expected.indicator, request).first
            let matches: Bool
            switch (expected.value, actual?.value) {
            case (nil, nil): matches = true
            case (let want?, let got?): matches = abs(want - got) <= expected.tolerance
            default: matches = false
            }
            guard !matches else { return nil }
            let wanted = expected.value.map { NumberText.readable($0) } ?? "missing"
            let got = actual?.value.map { NumberText.readable($0) } ?? "missing"
            return "\(file):\(expected.line): step \(step.period): value \(expected.indicator) \(expected.geo)\n"
                + "    expected: \(wanted)\n"
                + "    actual:   \(got) (\(actual?.status.rawValue ?? "no result"))"
        }
    }

    /// Listed alerts must be in their state; anything else pending or firing is unexpected.
    private func checkAlerts(_ step: RuleTestFile.Step, alertStore: AlertStore, file: String) throws -> [String] {
        let states = try alertStore.states()
        let actual = Dictionary(uniqueKeysWithValues: states.map { ("\($0.indicator) \($0.rule) \($0.geo)", $0.state) })
        var failures: [String] = []
        for expected in step.alerts {
            let key = "\(expected.indicator) \(expected.rule) \(expected.geo)"
            let state = actual[key] ?? .ok
            if state != expected.state {
                failures.append("\(file):\(expected.line): step \(step.period): alert \(key)\n"
                                + "    expected: \(expected.state.rawValue)\n    actual:   \(state.rawValue)")
            }
        }
        let listed = Set(step.alerts.map { "\($0.indicator) \($0.rule) \($0.geo)" })
        for state in states where state.state == .pending || state.state == .firing {
            let key = "\(state.indicator) \(state.rule) \(state.geo)"
            guard !listed.contains(key) else { continue }
            failures.append("\(file):\(step.line): step \(step.period): unexpected alert \(key)\n"
                            + "    expected: nothing pending or firing\n    actual:   \(state.state.rawValue)")
        }
        return failures
    }
}
