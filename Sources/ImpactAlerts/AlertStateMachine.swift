import ImpactCore
import ImpactLanguage

/// ok → pending → firing → resolved, with `for N periods` before firing, `keep_firing N` against
/// flapping, and a policy for periods without data. Pure, so rule tests and the scheduler share it.
public enum AlertStateMachine {
    public static func step(_ memory: AlertMemory, _ observation: AlertObservation, rule: AlertRule) -> AlertMemory {
        switch observation {
        case .noData:
            switch rule.noData {
            case .keep: return memory
            case .ok: return step(memory, .inactive, rule: rule)
            case .alert: return AlertMemory(state: .noData)
            }
        case .active:
            let count = memory.activeCount + 1
            if memory.state == .firing || count >= rule.forPeriods {
                return AlertMemory(state: .firing, activeCount: count, inactiveCount: 0)
            }
            return AlertMemory(state: .pending, activeCount: count, inactiveCount: 0)
        case .inactive:
            guard memory.state == .firing else { return AlertMemory(state: .ok) }
            let quiet = memory.inactiveCount + 1
            if quiet > rule.keepFiringPeriods { return AlertMemory(state: .resolved) }
            return AlertMemory(state: .firing, activeCount: 0, inactiveCount: quiet)
        }
    }
}
