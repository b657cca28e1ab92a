import Foundation
import ImpactCore

/// Options of one `impact import`.
public struct ImportOptions: Sendable {
    public var delimiter: Character?
    public var decimal: DecimalSeparator?
    /// Mapping file for the wide CSV and StatLine sources.
    public var mapping: String?
    /// How long an external plugin may run.
    public var timeout: TimeInterval = 120
    /// The store's geography, for sources that name areas instead of coding them.
    public var geography = Geography()

    public init(delimiter: Character? = nil, decimal: DecimalSeparator? = nil, mapping: String? = nil,
                timeout: TimeInterval = 120) {
        self.delimiter = delimiter
        self.decimal = decimal
        self.mapping = mapping
        self.timeout = timeout
    }
}
