/// Findings of import gates (IMP-G…). Each names its gate and where the gate is declared; a gate
/// declared `warn` reports a warning instead of an error, so the delivery is still written.
extension DiagnosticMessage {
    private static func finding(_ code: DiagnosticCode, _ gate: ImportGate, _ text: String) -> DiagnosticMessage {
        let failing = gate.level == .fail
        return DiagnosticMessage(
            code, "gate \(gate.kind.keyword) (\(gate.range.file):\(gate.range.start.line)): \(text)",
            hint: failing ? "fix the delivery, or declare the gate 'warn' if this is expected" : nil,
            severity: failing ? .error : .warning)
    }

    public static func gateMissingArea(_ code: String, gate: ImportGate) -> DiagnosticMessage {
        finding(.gateMissingArea, gate, "no figures for expected area \(code)")
    }

    public static func gateMissingPeriod(_ period: String, gate: ImportGate) -> DiagnosticMessage {
        finding(.gateMissingPeriod, gate, "no figures for expected period \(period)")
    }

    /// `row` is `file:line` of the row in the delivery; `key` its series, geo and period.
    public static func gateNegativeValue(_ value: String, row: String, key: String,
                                         gate: ImportGate) -> DiagnosticMessage {
        finding(.gateNegativeValue, gate, "\(row): negative value \(value) for \(key)")
    }

    /// `key` is the total's series, geo, period and dimensions; `members` the areas it covers.
    public static func gatePartsSum(_ key: String, parts: String, total: String, delivered: Int, members: Int,
                                    gate: ImportGate) -> DiagnosticMessage {
        finding(.gatePartsSum, gate, "\(key): parts sum to \(parts), the total says \(total)"
                    + " (\(delivered) parts delivered; \(members) member areas)")
    }

    public static func gateNoPeriods(gate: ImportGate) -> DiagnosticMessage {
        finding(.gateNoPeriods, gate, "the delivery holds no periods")
    }

    public static func gateStale(newestEnd: CivilDate, months: Int, today: CivilDate,
                                 gate: ImportGate) -> DiagnosticMessage {
        finding(.gateStale, gate,
                "the newest period ends \(newestEnd.iso), more than \(months) months before \(today.iso)")
    }
}
