import Testing
import TestHarness
@testable import ImpactEngine

/// Sums beyond a Double's range must not surface as numbers: an infinite denominator makes a
/// ratio read 0, which looks like a real figure.
@Suite(.scratch) struct OverflowStatusTests {
    @Test func infiniteDenominatorGivesOverflowNotZero() {
        let inputs = [InputCell(value: 5, present: true), InputCell(value: .infinity, present: true)]
        let result = IndicatorResult(indicator: "ratio", geo: "VTWB", period: "2018", value: 0, numerator: 5,
                                     denominator: .infinity, divisionByZero: false, inputs: inputs, minimumN: nil,
                                     hasFraction: true)
        #expect(result.status == .overflow)
        #expect(result.value == nil && result.denominator == nil && result.n == nil)
        #expect(result.numerator == 5)
        #expect(result.row[7] == .text("overflow"))
    }

    @Test func infiniteValueGivesOverflow() {
        let result = IndicatorResult(indicator: "sum", geo: "VTWB", period: "2018", value: .infinity, numerator: nil,
                                     denominator: nil, divisionByZero: false,
                                     inputs: [InputCell(value: .infinity, present: true)], minimumN: nil,
                                     hasFraction: false)
        #expect(result.status == .overflow && result.value == nil)
    }
}
