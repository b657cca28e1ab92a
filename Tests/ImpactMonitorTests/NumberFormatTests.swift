import Testing
@testable import ImpactMonitor

@Suite struct NumberFormatTests {
    @Test(arguments: [("13.106", 13106.0), ("0,6", 0.6), ("1.234,5", 1234.5), ("-12", -12), ("6803", 6803), ("88,4", 88.4), (",5", 0.5)])
    func dutchNumbers(text: String, value: Double) {
        #expect(DecimalSeparator.comma.parse(text) == .success(value))
    }

    @Test(arguments: [("13.106", 13.106), ("0.6", 0.6), ("1,234.5", 1234.5), ("88.4", 88.4), ("+3", 3)])
    func pointNumbers(text: String, value: Double) {
        #expect(DecimalSeparator.point.parse(text) == .success(value))
    }

    @Test(arguments: ["0.6", "1.23", "12.3456", "1x1", "", "1,2,3", "nan", "inf", "1e5", "--1", "1.", "."])
    func rejectsAmbiguousOrGarbageInDutchMode(text: String) {
        guard case .failure = DecimalSeparator.comma.parse(text) else {
            Issue.record("'\(text)' should be rejected")
            return
        }
    }

    @Test func explainsTheSeparatorInsteadOfGuessing() {
        guard case .failure(let problem) = DecimalSeparator.comma.parse("0.6") else { Issue.record("accepted"); return }
        #expect(problem.reason.contains("thousands separator"))
    }

    @Test func localeFormatting() {
        #expect(NumberLocale.nl.format(13106) == "13.106")
        #expect(NumberLocale.nl.format(0.5137) == "0,5137")
        #expect(NumberLocale.en.format(1234567.5) == "1,234,567.5")
        #expect(NumberLocale.nl.format(-1786) == "-1.786")
    }
}
