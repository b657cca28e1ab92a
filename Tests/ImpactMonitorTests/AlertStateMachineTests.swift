import Testing
import TestHarness
@testable import ImpactAlerts
@testable import ImpactCore
@testable import ImpactEngine
@testable import ImpactLanguage

@Suite(.scratch) struct AlertStateMachineTests {
    func rule(for forPeriods: Int = 0, keep: Int = 0, noData: AlertRule.NoDataPolicy = .keep) -> AlertRule {
        var rule = AlertRule(name: Located(value: "r", range: SourceRange(file: "t", line: 1, column: 1, length: 1)))
        rule.condition = .threshold(.above, 80)
        rule.forPeriods = forPeriods
        rule.keepFiringPeriods = keep
        rule.noData = noData
        return rule
    }

    func run(_ observations: [AlertObservation], _ rule: AlertRule) -> [AlertState] {
        var memory = AlertMemory()
        return observations.map { observation in
            memory = AlertStateMachine.step(memory, observation, rule: rule)
            return memory.state
        }
    }

    @Test func pendingBeforeFiringThenResolved() {
        #expect(run([.active, .active, .active, .inactive, .inactive], rule(for: 2)) == [.pending, .firing, .firing, .resolved, .ok])
        #expect(run([.active, .inactive, .active], rule(for: 2)) == [.pending, .ok, .pending])
        #expect(run([.active, .inactive], rule(for: 0)) == [.firing, .resolved])
    }

    @Test func keepFiringAgainstFlapping() {
        #expect(run([.active, .inactive, .active, .inactive, .inactive], rule(keep: 1)) == [.firing, .firing, .firing, .firing, .resolved])
    }

    @Test func noDataPolicies() {
        #expect(run([.active, .noData, .active], rule(for: 2, noData: .keep)) == [.pending, .pending, .firing])
        #expect(run([.active, .noData], rule(noData: .ok)) == [.firing, .resolved])
        #expect(run([.active, .noData, .active], rule(noData: .alert)) == [.firing, .noData, .firing])
    }

    @Test func conditionsFromValues() {
        var change = rule()
        change.condition = .change(.below, -5, relative: false, against: .lastYear)
        let indicator = IndicatorDeclaration(id: Located(value: "x", range: SourceRange(file: "t", line: 1, column: 1, length: 1)))
        let condition = AlertCondition(rule: change, indicator: indicator)
        func result(_ value: Double?, n: Double? = nil) -> IndicatorResult {
            IndicatorResult(indicator: "x", geo: "G", period: "2018", value: value, numerator: nil, denominator: nil, n: n, status: .ok, flags: [])
        }
        #expect(condition.observe(result(20), history: ["2017": result(27)], period: .year(2018)) == .active)
        #expect(condition.observe(result(25), history: ["2017": result(27)], period: .year(2018)) == .inactive)
        #expect(condition.observe(result(25), history: [:], period: .year(2018)) == .noData)
        var minimum = rule()
        minimum.minimumN = 30
        #expect(AlertCondition(rule: minimum, indicator: indicator).observe(result(90, n: 3), history: [:], period: .year(2018)) == .noData)
        var range = rule()
        range.condition = .outsideExpectedRange(deviations: 2, periods: 4)
        let history = ["2017": result(10), "2016": result(11), "2015": result(9), "2014": result(10)]
        #expect(AlertCondition(rule: range, indicator: indicator).observe(result(14), history: history, period: .year(2018)) == .active)
        #expect(AlertCondition(rule: range, indicator: indicator).observe(result(11), history: history, period: .year(2018)) == .inactive)
    }
}
