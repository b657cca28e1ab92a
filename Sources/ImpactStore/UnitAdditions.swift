import ImpactCore

/// Geography units a plugin delivers along with its observations. A plugin record has no validity
/// dates and no successions, so it may only add units: a unit the store (or an earlier record)
/// already holds must arrive identical, because changing its name, level or kind in place would
/// rewrite history without a trace. Changes go through `impact import geography`.
public struct UnitAdditions {
    private var known: [String: GeoUnit]
    /// New units, in delivery order, written with the batch.
    public private(set) var added: [GeoUnit] = []

    public init(existing: [GeoUnit]) {
        known = Dictionary(existing.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Accepts a new or identical unit; a diagnostic at the record for a changed one.
    public mutating func accept(_ unit: GeoUnit, at location: SourceLocation) -> Diagnostic? {
        guard let current = known[unit.code] else {
            known[unit.code] = unit
            added.append(unit)
            return nil
        }
        guard Self.describe(current) != Self.describe(unit) else { return nil }
        let message = DiagnosticMessage.pluginUnitConflict(location.line, code: unit.code,
                                                           stored: Self.describe(current),
                                                           delivered: Self.describe(unit))
        return Diagnostic(message, file: location.file, line: location.line, column: 1)
    }

    /// What a plugin record says about a unit: name, level and kind.
    static func describe(_ unit: GeoUnit) -> String {
        "'\(unit.name)' (\(unit.level.rawValue), \(unit.kind.rawValue))"
    }
}
