import Foundation
import ImpactCore
import ImpactLanguage

/// A rule test, in the spirit of `promtool test rules`:
///
///     test "politieaandeel boven 80 % gedurende 2 perioden" {
///       definitions "../series.ind" "../west-brabant.ind"
///       geography "../../fixtures/geography"
///       input "politie.csv"
///       events vt_casus "casus.csv"
///       step 2017 {
///         value wb_politie_aandeel VTWB 85.81
///         alert wb_politie_aandeel politie_dominant VTWB pending
///       }
///       step 2018 {
///       }
///     }
///
/// Paths are relative to the test file. `events SOURCE FILE…` imports case events as one delivery
/// of that event source, pseudonymised with `RuleTestFile.pseudonymKey`. A step without `alert`
/// lines asserts that nothing is pending or firing. Values match within 0.005 unless `within X` follows.
public struct RuleTestFile: Sendable {
    public struct ValueExpectation: Sendable {
        public let indicator: String
        public let geo: String
        public let value: Double?
        public let tolerance: Double
        public let line: Int
    }

    public struct AlertExpectation: Sendable, Hashable {
        public let indicator: String
        public let rule: String
        public let geo: String
        public let state: AlertState
        /// The expectation's own line, where a failure is reported.
        public let line: Int
    }

    public struct Step: Sendable {
        public let period: Period
        public var values: [ValueExpectation] = []
        public var alerts: [AlertExpectation] = []
        public let line: Int
    }

    /// Case event files imported as one delivery of an event source.
    public struct EventInput: Sendable {
        public let source: String
        public var paths: [String]
    }

    /// Rule tests run on test data only, so their events are pseudonymised with this public key:
    /// the test file never names a real key, and the same raw ids link across its deliveries.
    public static let pseudonymKey = "impact-rule-tests-public-key-for-test-events-only"

    public struct Case: Sendable {
        public let name: String
        public var definitions: [String] = []
        public var geography: [String] = []
        public var inputs: [String] = []
        public var events: [EventInput] = []
        public var steps: [Step] = []
        public let line: Int
    }

    public let path: String
    public let cases: [Case]

    public static func parse(path: String) -> (RuleTestFile?, [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: path),
              let text = String(data: data, encoding: .utf8) else {
            return (nil, [Diagnostic(.unreadableTestFile(path), file: path)])
        }
        var parser = RuleTestParser(file: SourceFile(path: path, text: text))
        let cases = parser.parseFile()
        let directory = (path as NSString).deletingLastPathComponent
        func absolute(_ relative: String) -> String {
            relative.hasPrefix("/") ? relative : (directory as NSString).appendingPathComponent(relative)
        }
        let resolved = cases.map { testCase -> Case in
            var copy = testCase
            copy.definitions = testCase.definitions.map(absolute)
            copy.geography = testCase.geography.map(absolute)
            copy.inputs = testCase.inputs.map(absolute)
            copy.events = testCase.events.map { EventInput(source: $0.source, paths: $0.paths.map(absolute)) }
            return copy
        }
        let missing = parser.files.filter { !FileManager.default.fileExists(atPath: absolute($0.path)) }
        let diagnostics = parser.diagnostics + missing.map { $0.range.diagnostic(.missingTestInput($0.field, $0.path)) }
        return (diagnostics.isEmpty ? RuleTestFile(path: path, cases: resolved) : nil, diagnostics)
    }
}
