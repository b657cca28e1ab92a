/// Why a field of an input file is not a number. It carries no wording: the catalogue words it
/// (`invalidValueField`, `invalidNField`), so every importer explains a number alike.
public struct NumberProblem: Error, Equatable, Sendable {
    public enum Reason: Equatable, Sendable {
        case empty
        case notANumber
        case notFinite
        /// A whole number above 2^53, which a Double cannot hold digit for digit.
        case inexactInteger
        case severalDecimalSeparators(Character)
        /// The thousands separator is not followed by groups of three digits: perhaps the file
        /// writes decimals the other way, which `--decimal` would say.
        case ungroupedThousands(thousands: Character, decimal: Character, otherOption: String)
    }

    public let text: String
    public let reason: Reason

    public init(text: String, reason: Reason) {
        self.text = text
        self.reason = reason
    }
}
