import Foundation
import Testing
import TestHarness
@testable import ImpactCore
@testable import ImpactSources

@Suite(.scratch) struct NumberFormatTests {
    @Test(arguments: [("13.106", 13106.0), ("0,6", 0.6), ("1.234,5", 1234.5), ("-12", -12), ("6803", 6803),
                      ("88,4", 88.4), (",5", 0.5)])
    func dutchNumbers(text: String, value: Double) {
        #expect(DecimalSeparator.comma.parse(text) == .success(value))
    }

    @Test(arguments: [("13.106", 13.106), ("0.6", 0.6), ("1,234.5", 1234.5), ("88.4", 88.4), ("+3", 3)])
    func pointNumbers(text: String, value: Double) {
        #expect(DecimalSeparator.point.parse(text) == .success(value))
    }

    @Test(arguments: ["0.6", "1.23", "12.3456", "1x1", "", "1,2,3", "nan", "inf", "1e", "e5", "1e+", "--1", "1.", "."])
    func rejectsAmbiguousOrGarbageInDutchMode(text: String) {
        guard case .failure = DecimalSeparator.comma.parse(text) else {
            Issue.record("'\(text)' should be rejected")
            return
        }
    }

    /// Whole numbers take a fast path; it must agree with the general parser everywhere it applies.
    @Test(arguments: ["0", "7", "-0", "0012", "-45", "999999999999999", "1234567890123456", "-", "", " 12", "12 ",
                      "1-2", "+5", "٣"])
    func wholeNumberFastPathAgreesWithTheGeneralParser(text: String) {
        for separator in DecimalSeparator.allCases {
            #expect(separator.parse(text) == separator.parseInDetail(text))
        }
        #expect(DecimalSeparator.plainInteger("1234567890123456") == nil)
        #expect(DecimalSeparator.plainInteger("-0")?.sign == .minus)
        #expect(DecimalSeparator.comma.parse(" 12 ") == .success(12))
        #expect(trimmed(" a\u{00A0}") == "a")
        #expect(trimmed("GM0758") == "GM0758")
    }

    /// Exponent notation as spreadsheets export it; beyond a Double's range it is refused by name.
    @Test(arguments: [("1e3", 1000.0), ("1,5E-2", 0.015), ("-2e+2", -200), ("1e308", 1e308), ("1.000e3", 1e6)])
    func exponentNotation(text: String, value: Double) {
        #expect(DecimalSeparator.comma.parse(text) == .success(value))
    }

    @Test func tooLargeOrInexactNumbersAreRefusedWithTheReason() {
        #expect(DecimalSeparator.point.parse("1e400") == .failure(NumberProblem(text: "1e400", reason: .notFinite)))
        #expect(DiagnosticMessage.invalidValueField(NumberProblem(text: "1e400", reason: .notFinite)).text
                    == "value '1e400' is too large: numbers must lie within ±1.8e308")
        #expect(DecimalSeparator.point.parse("9007199254740993")
                    == .failure(NumberProblem(text: "9007199254740993", reason: .inexactInteger)))
        #expect(DecimalSeparator.point.parse("-9007199254740992") == .success(-9_007_199_254_740_992))
        #expect(DecimalSeparator.point.parse("00009007199254740992") == .success(9_007_199_254_740_992))
        #expect(DecimalSeparator.comma.parse("12.345.678.901.234.567")
                    == .failure(NumberProblem(text: "12.345.678.901.234.567", reason: .inexactInteger)))
    }

    @Test func explainsTheSeparatorInsteadOfGuessing() {
        guard case .failure(let problem) = DecimalSeparator.comma.parse("0.6") else { Issue.record("accepted"); return }
        #expect(problem.reason == .ungroupedThousands(thousands: ".", decimal: ",", otherOption: "point"))
        let message = DiagnosticMessage.invalidValueField(problem)
        #expect(message.code == .invalidValueField && message.hint?.contains("--decimal point") == true)
        // One sentence (it read "value '1,0' is ',' is the thousands separator here…").
        #expect(message.text == "value '0.6' has '.', the thousands separator here, without groups of three digits after it")
    }

    @Test func localeFormatting() {
        #expect(NumberLocale.nl.format(13106) == "13.106")
        #expect(NumberLocale.nl.format(0.5137) == "0,5137")
        #expect(NumberLocale.en.format(1234567.5) == "1,234,567.5")
        #expect(NumberLocale.nl.format(-1786) == "-1.786")
        // Fixed decimals keep their zeros, so one indicator's column lines up.
        #expect(NumberLocale.nl.fixed(0.37, decimals: 3) == "0,370")
        #expect(NumberLocale.nl.fixed(85.80877, decimals: 1) == "85,8")
        #expect(NumberLocale.nl.fixed(2, decimals: 2) == "2,00")
        #expect(NumberLocale.en.fixed(-1234.4, decimals: 0) == "-1,234")
    }
}
