import ImpactLanguage

/// An alert rule as a policy reader says it ("waarde boven 80,0 %, 2 perioden op rij"), not as
/// written in a definition ("politie_dominant: value > 80").
struct AlertRuleWords {
    let text: ReportText

    func words(_ rule: AlertRule, unit: Unit?) -> String? {
        guard let condition = rule.condition else { return nil }
        let held = rule.forPeriods > 1
            ? text.pick(", \(rule.forPeriods) perioden op rij", ", \(rule.forPeriods) periods in a row") : ""
        return words(condition, unit: unit) + held
    }

    private func words(_ condition: AlertRule.Condition, unit: Unit?) -> String {
        switch condition {
        case .threshold(let comparison, let value):
            return text.pick("waarde ", "value ") + compared(comparison) + " " + text.format(value, unit: unit)
        case .change(let comparison, let value, let relative, let reference):
            let amount = relative ? text.number(value, decimals: 1) + " %" : text.signedChange(value, unit: unit)
            return text.pick("verandering ten opzichte van ", "change against ") + since(reference) + " "
                + compared(comparison) + " " + amount
        case .targetMissed:
            return text.pick("doel niet gehaald", "target missed")
        case .outsideExpectedRange(let deviations, let periods):
            let spread = text.number(deviations, decimals: 1)
            return text.pick("buiten het gebruikelijke bereik (gemiddelde ± \(spread) standaardafwijking "
                                + "over de laatste \(periods) perioden)",
                             "outside the usual range (mean ± \(spread) standard deviations "
                                + "over the last \(periods) periods)")
        }
    }

    private func compared(_ comparison: Comparison) -> String {
        switch comparison {
        case .above: return text.pick("boven", "above")
        case .below: return text.pick("onder", "below")
        case .atLeast: return text.pick("minstens", "at least")
        case .atMost: return text.pick("hoogstens", "at most")
        case .equal: return text.pick("gelijk aan", "equal to")
        }
    }

    private func since(_ reference: AlertRule.ChangeReference) -> String {
        switch reference {
        case .previous: return text.pick("de vorige periode", "the previous period")
        case .lastYear: return text.pick("een jaar eerder", "a year before")
        }
    }
}
