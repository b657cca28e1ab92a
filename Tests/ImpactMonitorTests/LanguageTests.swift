import Testing
@testable import ImpactAlerts
@testable import ImpactCommandLine
@testable import ImpactCompiler
@testable import ImpactCore
@testable import ImpactEngine
@testable import ImpactLanguage
@testable import ImpactRender
@testable import ImpactSources
@testable import ImpactStatistics
@testable import ImpactStore

/// Minimal valid series used by the language tests.
let baseSeries = """
    series vt.meldingen {
      title "Meldingen"
      unit count
      dimension melder {
        "Politie"
        "Onderwijs" = ["Basisonderwijs", "Anders onderwijs"]
      }
    }
    series vt.adviezen {
      title "Adviezen"
      unit count
    }
    series vt.unieke_personen {
      title "Unieke betrokkenen"
      unit persons
      time none
      geo none
    }
    series pop.inwoners {
      title "Inwoners"
      unit persons
      time last
    }
    series ggd.veilig {
      title "Voelt zich veilig"
      unit percent
      time weighted
      geo weighted
    }
    programme wb {
      title "West-Brabant"
      line al1 "Eerder en beter in beeld"
    }

    """

func diagnose(_ text: String, file: String = "test.ind") -> [String] {
    let loaded = DefinitionLoader.load(sources: [SourceFile(path: "base.ind", text: baseSeries), SourceFile(path: file, text: text)])
    return loaded.diagnostics.map { "\($0.file):\($0.line):\($0.column): \($0.message)" + ($0.hint.map { " | \($0)" } ?? "") }
}

func indicator(_ value: String, unit: String = "ratio", extra: String = "") -> String {
    """
    indicator x {
      title "X"
      criterion output
      unit \(unit)
      better higher
      value \(value)
    \(extra)}
    """
}

@Suite struct LanguageTests {
    @Test func validDefinitionsAreClean() {
        #expect(diagnose(indicator("vt.adviezen / vt.meldingen")) == [])
        #expect(diagnose(indicator("pct(vt.meldingen[melder = \"Politie\"], vt.meldingen)", unit: "percent")) == [])
        #expect(diagnose(indicator("vt.meldingen per 1000 pop.inwoners", unit: "rate_per_1000")) == [])
        #expect(diagnose(indicator("(vt.adviezen - previous(vt.adviezen)) / lag(vt.adviezen, 1)")) == [])
        #expect(diagnose(indicator("coalesce(vt.adviezen, 0) / last_year(vt.meldingen)")) == [])
        #expect(diagnose(indicator("median(vt.adviezen)", unit: "count")) == [])
        #expect(diagnose(indicator("vt.meldingen[melder in (\"Politie\", \"Onderwijs\")] / vt.meldingen[melder != \"Politie\"]")) == [])
    }

    @Test func unknownSeriesWithSuggestion() {
        let found = diagnose(indicator("vt.meldngen / vt.adviezen"))
        #expect(found == ["test.ind:6:9: unknown series 'vt.meldngen' | did you mean 'vt.meldingen'?"])
    }

    @Test func unknownIndicatorReference() {
        #expect(diagnose(indicator("wb_politi / 2")).first?.hasPrefix("test.ind:6:9: unknown indicator or series 'wb_politi'") == true)
    }

    @Test func unknownDimensionAndValue() {
        let found = diagnose(indicator("vt.meldingen[meldr = \"Politie\"] / vt.meldingen[melder = \"Polite\"]"))
        #expect(found.contains("test.ind:6:22: series 'vt.meldingen' has no dimension 'meldr' | did you mean 'melder'?"))
        #expect(found.contains("test.ind:6:65: 'Polite' is not a value of dimension 'melder' | did you mean 'Politie'?"))
    }

    @Test func aliasValueSuggestsItsCanonicalValue() {
        let found = diagnose(indicator("vt.meldingen[melder = \"Basisonderwijs\"] / vt.meldingen"))
        #expect(found.first?.contains("is a raw value of 'Onderwijs'") == true)
    }

    @Test func unitAlgebra() {
        #expect(diagnose(indicator("ggd.veilig + vt.meldingen", unit: "percent")) == ["test.ind:6:9: cannot add a count to a percent | both sides of + and - need the same unit"])
        #expect(diagnose(indicator("vt.adviezen / vt.meldingen", unit: "percent")) == ["test.ind:6:9: the value is a ratio but the indicator's unit is percent | use pct(a, b) for a percentage"])
        #expect(diagnose(indicator("ggd.veilig / vt.meldingen")).first?.contains("cannot divide a percent by a count") == true)
        #expect(diagnose(indicator("vt.adviezen * vt.meldingen")).first?.contains("cannot multiply") == true)
        #expect(diagnose(indicator("vt.meldingen per 7 pop.inwoners")).first?.contains("'per 7' is not a supported rate") == true)
    }

    @Test func forbiddenAggregations() {
        let distinct = diagnose(indicator("sum(vt.unieke_personen)", unit: "persons"))
        #expect(distinct.count == 1)
        #expect(distinct[0].hasPrefix("test.ind:6:13: sum() over 'vt.unieke_personen' is not allowed: it counts distinct persons"))
        #expect(diagnose(indicator("sum(ggd.veilig)", unit: "percent")).first?.contains("sum() of a percent series is meaningless") == true)
        #expect(diagnose(indicator("vt.unieke_personen", unit: "persons")) == [])
    }

    @Test func cyclesBetweenIndicators() {
        let text = """
            indicator a {
              title "A"
              criterion output
              unit count
              better higher
              value b + 1
            }
            indicator b {
              title "B"
              criterion output
              unit count
              better higher
              value a - 1
            }
            """
        let found = diagnose(text)
        #expect(found == ["test.ind:1:11: indicators refer to each other in a cycle: a → b → a | one of them must be computed from series only"])
    }

    @Test func invalidTargets() {
        let found = diagnose(indicator("vt.adviezen / vt.meldingen", extra: "  target 2021-13 >= 0.6\n  target 2021 => 0.6\n  target by 2020-02-30 >= 1\n"))
        #expect(found.contains { $0.hasPrefix("test.ind:7:10: invalid period '2021-13'") })
        #expect(found.contains { $0.hasPrefix("test.ind:8:15: expected a comparison") })
        #expect(found.contains { $0.hasPrefix("test.ind:9:13: expected a deadline as YYYY-MM-DD") })
    }

    @Test func syntaxErrorsAreAllReportedInOneRun() {
        let text = """
            indicator a {
              title "A
              criterion outcom
              unit count
              bettr higher
              value (vt.meldingen +
            }
            indicatr b {
            }
            """
        let found = diagnose(text)
        #expect(found.contains { $0.hasPrefix("test.ind:2:9: string is not closed") })
        #expect(found.contains("test.ind:3:13: unknown criterion 'outcom' | did you mean 'outcome'? (outcome, output, context)"))
        #expect(found.contains { $0.hasPrefix("test.ind:5:3: unknown field 'bettr' in an indicator | did you mean 'better'?") })
        #expect(found.contains { $0.hasPrefix("test.ind:8:1: unknown declaration 'indicatr'") })
        #expect(found.count >= 5)
    }

    @Test func missingFieldsAndPlanningStatus() {
        let text = """
            indicator a {
              title "A"
              criterion output
              unit count
              better higher
            }
            indicator b {
              title "B"
              criterion output
              unit count
              better higher
              status not_arranged "Nog niet belegd"
            }
            """
        #expect(diagnose(text) == ["test.ind:1:11: indicator 'a' has no value expression | add 'value …', or declare its planning status: status planned \"expected September 2019\""])
    }

    @Test func programmeTreeReferences() {
        let text = indicator("vt.adviezen / vt.meldingen", extra: "  programme wb\n  line al4\n  outcome y\n")
        let found = diagnose(text)
        #expect(found.contains { $0.hasPrefix("test.ind:8:8: programme 'wb' has no action line 'al4' | did you mean 'al1'?") })
        #expect(found.contains { $0.hasPrefix("test.ind:9:11: unknown outcome criterion 'y'") })
    }

    @Test func alertRulesAreValidated() {
        let alert = """
              alert hoog {
                when value > 80
                for 2 periods
                severity urgent
                summary "{regio} {period}"
              }
              alert doel {
                when target missed
              }

            """
        let found = diagnose(indicator("vt.adviezen / vt.meldingen", extra: alert))
        #expect(found.contains("test.ind:10:14: unknown severity 'urgent' | (info, warning, critical)"))
        #expect(found.contains("test.ind:7:9: unknown placeholder {regio} in the summary of alert 'hoog' | did you mean 'region'?"))
        #expect(found.contains { $0.contains("fires on a missed target, but the indicator has no target") })
    }

    @Test func duplicateDefinitions() {
        let found = diagnose(indicator("vt.adviezen / vt.meldingen") + "\n" + indicator("vt.adviezen / vt.meldingen"))
        #expect(found == ["test.ind:8:11: indicator 'x' is defined twice | the first definition is at test.ind:1:11"])
    }

    @Test func caretRendering() {
        let diagnostic = Diagnostic(file: "a.ind", line: 2, column: 9, length: 11, message: "unknown series 'vt.meldngen'", hint: "did you mean 'vt.meldingen'?")
        let lines = diagnostic.rendered(sourceLine: "  value vt.meldngen / 2").split(separator: "\n").map(String.init)
        #expect(lines[0] == "a.ind:2:9: error: unknown series 'vt.meldngen'")
        #expect(lines[1] == "      value vt.meldngen / 2")
        #expect(lines[2] == String(repeating: " ", count: 12) + "^" + String(repeating: "~", count: 10))
        #expect(lines[3] == "    hint: did you mean 'vt.meldingen'?")
    }
}

extension LanguageTests {
    /// Printing and re-parsing gives the same text: the printer writes valid definitions.
    @Test(arguments: ["vt.adviezen / vt.meldingen", "pct(vt.meldingen[melder = \"Politie\"], vt.meldingen)", "vt.meldingen per 1000 pop.inwoners",
                      "(vt.adviezen - previous(vt.adviezen)) / lag(vt.adviezen, 2)", "-(vt.adviezen + 1) * 2", "coalesce(vt.adviezen, 0) - last_year(vt.adviezen)",
                      "median(vt.adviezen) + sum(vt.meldingen[melder in (\"Politie\", \"Onderwijs\")])", "vt.adviezen - (vt.meldingen - vt.adviezen)"])
    func expressionsPrintBackToTheirSource(source: String) {
        let loaded = DefinitionLoader.load(sources: [SourceFile(path: "b.ind", text: baseSeries), SourceFile(path: "x.ind", text: indicator(source, unit: "count"))])
        let value = loaded.definitions.indicator("x")!.value!
        #expect(ExpressionPrinter.text(value) == source)
    }
}
