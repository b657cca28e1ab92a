import Testing
@testable import ImpactCompiler
@testable import ImpactLanguage

/// Property test: random and mutated definitions always give diagnostics or success — never a
/// crash or a hang — and every diagnostic points inside its file.
@Suite struct LanguageFuzzTests {
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
}
