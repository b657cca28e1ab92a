import Testing
import TestHarness
@testable import ImpactCompiler
@testable import ImpactLanguage

/// Property test: random and mutated definitions always give diagnostics or success — never a
/// crash or a hang — and every diagnostic points inside its file.
@Suite(.scratch) struct LanguageFuzzTests {
    static let seedText = baseSeries + """
        indicator x {
          title "X"
          criterion output
          programme wb
          line al1
          unit percent
          better higher
          value pct(vt.meldingen[melder in ("Politie", "Onderwijs")], coalesce(vt.meldingen, 1)) - previous(x2)
          target 2021 >= 0.6
          target by 2020-12-31 >= 100
          alert a {
            when change > 10% vs last_year
            for 2 periods
            keep_firing 1 periods
            levels regio, gemeente
            summary "{region} {value}"
          }
        }
        indicator x2 {
          title "Y"
          criterion outcome
          unit percent
          better lower
          value median(ggd.veilig) + lag(ggd.veilig, 2) * 2
        }
        """

    static let fragments = ["{", "}", "(", ")", "[", "]", "\"", "\n", ",", "=", "!=", ">=", "per", "1000", "2018-H1",
                            "vt.", "#", "-", "*", "/", "indicator", "series", "value", "sum(", "lag(", "in", "not", "é",
                            "\\", "%", "0.5", "x"]

    @Test func tenThousandRandomAndMutatedInputs() {
        var generator = SeededGenerator(seed: 2026)
        let seed = Array(Self.seedText)
        for round in 0..<10_000 {
            var text: String
            if round % 4 == 0 {
                text = (0..<Int.random(in: 0..<40, using: &generator))
                    .map { _ in Self.fragments.randomElement(using: &generator)! }.joined(separator: " ")
            } else {
                var characters = seed
                for _ in 0..<Int.random(in: 1...6, using: &generator) {
                    let position = Int.random(in: 0..<characters.count, using: &generator)
                    switch Int.random(in: 0..<3, using: &generator) {
                    case 0: characters.remove(at: position)
                    case 1:
                        let fragment = Self.fragments.randomElement(using: &generator)!
                        characters.insert(contentsOf: Array(fragment), at: position)
                    default:
                        let length = Int.random(in: 1...20, using: &generator)
                        characters.removeSubrange(position..<min(characters.count, position + length))
                    }
                }
                text = String(characters)
            }
            let loaded = DefinitionLoader.load(sources: [SourceFile(path: "fuzz.ind", text: text)])
            let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
            for diagnostic in loaded.diagnostics {
                #expect(diagnostic.line >= 1 && diagnostic.line <= lineCount + 1, "\(diagnostic) in round \(round)")
                #expect(!diagnostic.message.isEmpty)
                #expect(diagnostic.code.rawValue.hasPrefix("IMP-L"), "\(diagnostic) in round \(round)")
            }
            if !loaded.hasErrors {
                for indicator in loaded.definitions.indicators where indicator.value != nil {
                    _ = try? SQLGenerator().compile(Planner(definitions: loaded.definitions).plan(indicator.id.value))
                }
            }
        }
    }

    static func indicator(_ id: String, unit: String = "count", value: String) -> String {
        "indicator \(id) {\n  title \"T\"\n  criterion context\n  unit \(unit)\n  better none\n  value \(value)\n}\n"
    }

    static func codes(_ text: String) -> [String] {
        DefinitionLoader.load(sources: [SourceFile(path: "deep.ind", text: baseSeries + text)]).diagnostics
            .map(\.code.rawValue)
    }

    /// Inputs that once overflowed the parser's stack: each is refused with one diagnostic.
    @Test(arguments: [
        (String(repeating: "(", count: 1200) + "vt.meldingen" + String(repeating: ")", count: 1200), "IMP-L100"),
        (String(repeating: "-", count: 100_000) + "vt.meldingen", "IMP-L100"),
        (String(repeating: "previous(", count: 10_000) + "vt.meldingen" + String(repeating: ")", count: 10_000),
         "IMP-L100"),
        (Array(repeating: "vt.meldingen", count: 1500).joined(separator: " + "), "IMP-L101"),
        (Array(repeating: "vt.meldingen", count: 100_000).joined(separator: " * "), "IMP-L101"),
    ])
    func deepAndLongExpressionsAreRefused(value: String, code: String) {
        #expect(Self.codes(Self.indicator("x", value: value)) == [code])
    }

    @Test func expressionsAtTheLimitsAreAccepted() {
        let nested = String(repeating: "(", count: ExpressionLimits.levels) + "vt.meldingen"
            + String(repeating: ")", count: ExpressionLimits.levels)
        let long = Array(repeating: "vt.meldingen", count: ExpressionLimits.terms).joined(separator: " + ")
        #expect(Self.codes(Self.indicator("x", value: nested) + Self.indicator("y", value: long)) == [])
    }

    /// Written out, a reference is as large as the indicator it names: only the first indicator
    /// beyond the limits is reported, not every one that uses it.
    @Test func indicatorsTooLargeWrittenOutAreReportedOnce() {
        let sum = Array(repeating: "vt.meldingen", count: 200).joined(separator: " + ")
        let large = Self.indicator("a", value: sum) + Self.indicator("b", value: "a + a")
            + Self.indicator("c", value: "b * 2")
        #expect(Self.codes(large) == ["IMP-L102"])
        let negated = Self.indicator("n0", value: String(repeating: "-", count: 15) + "vt.meldingen")
            + Self.indicator("n1", value: String(repeating: "-", count: 15) + "n0")
        #expect(Self.codes(negated) == ["IMP-L103"])
    }

    /// A chain of thousands of indicators, each using the one before: no recursion per link.
    @Test func aLongChainOfReferencesIsChecked() {
        let chain = (1..<5000).map { Self.indicator("c\($0)", value: "c\($0 - 1)") }.joined()
        #expect(Self.codes(Self.indicator("c0", value: "vt.meldingen") + chain) == [])
        let cycle = Self.indicator("c0", value: "c4999") + chain
        #expect(Self.codes(cycle) == ["IMP-L064"])
    }
}
