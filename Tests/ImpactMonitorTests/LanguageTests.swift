import Testing
import TestHarness
@testable import ImpactCore
@testable import ImpactLanguage

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

func diagnose(_ text: String, file: String = "test.ind") -> [Diagnostic] {
    DefinitionLoader.load(sources: [SourceFile(path: "base.ind", text: baseSeries), SourceFile(path: file, text: text)])
        .diagnostics
}

/// Codes and positions of the problems in `text`, which is checked after `baseSeries`.
func reported(_ text: String) -> [Reported] {
    let found = diagnose(text)
    #expect(found.allSatisfy { $0.file == "test.ind" }, "\(found)")
    return found.map(\.reported)
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

@Suite(.scratch) struct LanguageTests {
    @Test func validDefinitionsAreClean() {
        #expect(diagnose(indicator("vt.adviezen / vt.meldingen")).isEmpty)
        #expect(diagnose(indicator("pct(vt.meldingen[melder = \"Politie\"], vt.meldingen)", unit: "percent")).isEmpty)
        #expect(diagnose(indicator("vt.meldingen per 1000 pop.inwoners", unit: "rate_per_1000")).isEmpty)
        #expect(diagnose(indicator("(vt.adviezen - previous(vt.adviezen)) / lag(vt.adviezen, 1)")).isEmpty)
        #expect(diagnose(indicator("coalesce(vt.adviezen, 0) / last_year(vt.meldingen)")).isEmpty)
        #expect(diagnose(indicator("median(vt.adviezen)", unit: "count")).isEmpty)
        #expect(diagnose(indicator(
            "vt.meldingen[melder in (\"Politie\", \"Onderwijs\")] / vt.meldingen[melder != \"Politie\"]")).isEmpty)
    }

    @Test func unknownSeriesWithSuggestion() {
        let found = diagnose(indicator("vt.meldngen / vt.adviezen"))
        #expect(found.map(\.reported) == [Reported(.unknownSeries, 6, 9)])
        #expect(found.first?.hint?.contains("'vt.meldingen'") == true)
    }

    @Test func unknownIndicatorReference() {
        #expect(reported(indicator("wb_politi / 2")).first == Reported(.unknownReference, 6, 9))
    }

    @Test func unknownDimensionAndValue() {
        let found = diagnose(indicator("vt.meldingen[meldr = \"Politie\"] / vt.meldingen[melder = \"Polite\"]"))
        let dimension = found.first { $0.reported == Reported(.unknownDimension, 6, 22) }
        let value = found.first { $0.reported == Reported(.unknownDimensionValue, 6, 65) }
        #expect(dimension?.hint?.contains("'melder'") == true)
        #expect(value?.hint?.contains("'Politie'") == true)
    }

    @Test func aliasValueSuggestsItsCanonicalValue() {
        let found = diagnose(indicator("vt.meldingen[melder = \"Basisonderwijs\"] / vt.meldingen"))
        #expect(found.first?.code == .unknownDimensionValue)
        #expect(found.first?.hint?.contains("'Onderwijs'") == true)
    }

    @Test func unitAlgebra() {
        #expect(reported(indicator("ggd.veilig + vt.meldingen", unit: "percent"))
                    == [Reported(.incompatibleTerms, 6, 9)])
        #expect(reported(indicator("vt.adviezen / vt.meldingen", unit: "percent")) == [Reported(.unitMismatch, 6, 9)])
        #expect(reported(indicator("ggd.veilig / vt.meldingen")).first?.code == .incompatibleDivision)
        #expect(reported(indicator("vt.adviezen * vt.meldingen")).first?.code == .incompatibleFactors)
        #expect(reported(indicator("vt.meldingen per 7 pop.inwoners")).first?.code == .unsupportedRate)
    }

    @Test func forbiddenAggregations() {
        #expect(reported(indicator("sum(vt.unieke_personen)", unit: "persons")) == [Reported(.nonAdditiveSum, 6, 13)])
        #expect(reported(indicator("sum(ggd.veilig)", unit: "percent")).first?.code == .meaninglessSum)
        #expect(diagnose(indicator("vt.unieke_personen", unit: "persons")).isEmpty)
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
        #expect(reported(text) == [Reported(.referenceCycle, 1, 11)])
    }

    @Test func invalidTargets() {
        let extra = "  target 2021-13 >= 0.6\n  target 2021 => 0.6\n  target by 2020-02-30 >= 1\n"
        let found = reported(indicator("vt.adviezen / vt.meldingen", extra: extra))
        #expect(found.contains(Reported(.invalidPeriod, 7, 10)))
        #expect(found.contains(Reported(.expectedComparison, 8, 15)))
        #expect(found.contains(Reported(.expectedDeadline, 9, 13)))
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
        let found = reported(text)
        #expect(found.contains(Reported(.unclosedString, 2, 9)))
        #expect(found.contains(Reported(.unknownChoice, 3, 13)))
        #expect(found.contains(Reported(.unknownField, 5, 3)))
        #expect(found.contains(Reported(.unknownDeclaration, 8, 1)))
        #expect(found.count >= 5)
    }

    @Test func lexicalErrorsAreLocated() {
        let found = reported(indicator("vt.adviezen / vt.meldingen ~ 2", extra: "  owner \"a\\qb\"\n"))
        #expect(found.contains(Reported(.unexpectedCharacter, 6, 36)))
        #expect(found.contains(Reported(.unknownEscape, 7, 11)))
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
        #expect(reported(text) == [Reported(.indicatorWithoutValue, 1, 11)])
    }

    @Test func programmeTreeReferences() {
        let extra = "  programme wb\n  line al4\n  outcome y\n"
        let found = reported(indicator("vt.adviezen / vt.meldingen", extra: extra))
        #expect(found.contains(Reported(.unknownActionLine, 8, 8)))
        #expect(found.contains(Reported(.unknownOutcome, 9, 11)))
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
        let found = reported(indicator("vt.adviezen / vt.meldingen", extra: alert))
        #expect(found.contains(Reported(.unknownChoice, 10, 14)))
        #expect(found.contains(Reported(.unknownPlaceholder, 7, 9)))
        #expect(found.contains(Reported(.targetAlertWithoutTarget, 13, 9)))
    }

    @Test func duplicateDefinitions() {
        let found = diagnose(indicator("vt.adviezen / vt.meldingen") + "\n" + indicator("vt.adviezen / vt.meldingen"))
        #expect(found.map(\.reported) == [Reported(.duplicateDefinition, 8, 11)])
        #expect(found.first?.hint?.contains("test.ind:1:11") == true)
    }

    @Test func caretRendering() {
        let diagnostic = Diagnostic(.unknownSeries("vt.meldngen", known: ["vt.meldingen"]), file: "a.ind", line: 2,
                                    column: 9, length: 11)
        let lines = diagnostic.rendered(sourceLine: "  value vt.meldngen / 2").split(separator: "\n").map(String.init)
        #expect(lines[0] == "a.ind:2:9: error[IMP-L058]: unknown series 'vt.meldngen'")
        #expect(lines[1] == "      value vt.meldngen / 2")
        #expect(lines[2] == String(repeating: " ", count: 12) + "^" + String(repeating: "~", count: 10))
        #expect(lines[3] == "    hint: did you mean 'vt.meldingen'?")
    }
}

extension LanguageTests {
    /// Printing and re-parsing gives the same text: the printer writes valid definitions.
    @Test(arguments: ["vt.adviezen / vt.meldingen", "pct(vt.meldingen[melder = \"Politie\"], vt.meldingen)",
                      "vt.meldingen per 1000 pop.inwoners",
                      "(vt.adviezen - previous(vt.adviezen)) / lag(vt.adviezen, 2)",
                      "-(vt.adviezen + 1) * 2", "coalesce(vt.adviezen, 0) - last_year(vt.adviezen)",
                      "median(vt.adviezen) + sum(vt.meldingen[melder in (\"Politie\", \"Onderwijs\")])",
                      "vt.adviezen - (vt.meldingen - vt.adviezen)"])
    func expressionsPrintBackToTheirSource(source: String) {
        let loaded = DefinitionLoader.load(sources: [SourceFile(path: "b.ind", text: baseSeries),
                                                     SourceFile(path: "x.ind", text: indicator(source, unit: "count"))])
        let value = loaded.definitions.indicator("x")!.value!
        #expect(ExpressionPrinter.text(value) == source)
    }
}
