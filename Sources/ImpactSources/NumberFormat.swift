import Foundation
import ImpactCore

/// How numbers are written in an input file. Dutch files write `13.106` for thirteen thousand
/// one hundred and six and `0,6` for six tenths; English files the other way round.
public enum DecimalSeparator: String, Sendable, CaseIterable {
    case point
    case comma

    /// Dutch spreadsheets export with `;` because `,` is their decimal separator.
    public static func guess(forDelimiter delimiter: UInt8) -> DecimalSeparator {
        delimiter == UInt8(ascii: ";") ? .comma : .point
    }

    var decimal: Character { self == .comma ? "," : "." }
    var thousands: Character { self == .comma ? "." : "," }

    /// Parses a finite number, accepting thousands separators only in groups of three.
    /// Returns an explanation instead of guessing when the text is ambiguous.
    public func parse(_ raw: String) -> Result<Double, NumberProblem> {
        if let whole = Self.plainInteger(raw) { return .success(whole) }
        return parseInDetail(raw)
    }

    func parseInDetail(_ raw: String) -> Result<Double, NumberProblem> {
        let text = trimmed(raw)
        guard !text.isEmpty else { return .failure(NumberProblem(text: raw, reason: .empty)) }
        var body = Substring(text)
        var negative = false
        if body.first == "-" || body.first == "+" {
            negative = body.first == "-"
            body = body.dropFirst()
        }
        guard let (mantissa, exponent) = Self.splitExponent(body) else {
            return .failure(NumberProblem(text: raw, reason: .notANumber))
        }
        body = mantissa
        let pieces = body.split(separator: decimal, maxSplits: 2, omittingEmptySubsequences: false)
        guard pieces.count <= 2 else {
            return .failure(NumberProblem(text: raw, reason: .severalDecimalSeparators(decimal)))
        }
        let whole = pieces[0]
        let fraction = pieces.count == 2 ? pieces[1] : ""
        guard let digits = wholeDigits(whole, raw: raw) else {
            return .failure(NumberProblem(text: raw, reason: groupingReason(whole)))
        }
        guard fraction.allSatisfy(\.isASCIIDigit), pieces.count == 1 || !fraction.isEmpty || !digits.isEmpty else {
            return .failure(NumberProblem(text: raw, reason: .notANumber))
        }
        let number = (digits.isEmpty ? "0" : digits) + (fraction.isEmpty ? "" : "." + fraction) + exponent
        guard !digits.isEmpty || !fraction.isEmpty, let value = Double(number) else {
            return .failure(NumberProblem(text: raw, reason: .notANumber))
        }
        guard value.isFinite else { return .failure(NumberProblem(text: raw, reason: .notFinite)) }
        if fraction.isEmpty && exponent.isEmpty && Self.exceedsExactRange(digits) {
            return .failure(NumberProblem(text: raw, reason: .inexactInteger))
        }
        return .success(negative ? -value : value)
    }

    /// 2^53: every whole number up to here is stored exactly; above it a Double would silently
    /// round the delivered digits, so such a number is refused instead.
    static let largestExactInteger = "9007199254740992"

    /// Compares the digits as text, because the Double has already lost the difference.
    static func exceedsExactRange(_ digits: String) -> Bool {
        let significant = digits.drop { $0 == "0" }
        if significant.count != largestExactInteger.count { return significant.count > largestExactInteger.count }
        return significant > largestExactInteger
    }

    /// Splits `1,5e3` into `1,5` and `e3`; nil when the exponent has no digits.
    static func splitExponent(_ body: Substring) -> (Substring, String)? {
        guard let marker = body.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return (body, "") }
        var exponent = body[body.index(after: marker)...]
        let sign = exponent.first == "-" || exponent.first == "+" ? String(exponent.removeFirst()) : ""
        guard !exponent.isEmpty, exponent.allSatisfy(\.isASCIIDigit) else { return nil }
        return (body[..<marker], "e" + sign + exponent)
    }

    /// Most values are small whole numbers (`21`, `-3`): read them without building substrings.
    /// Up to 15 digits, so the value is exact as a Double.
    static func plainInteger(_ raw: String) -> Double? {
        var bytes = raw.utf8[...]
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes = bytes.dropFirst() }
        guard (1...15).contains(bytes.count) else { return nil }
        var value: Int64 = 0
        for byte in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int64(byte - UInt8(ascii: "0"))
        }
        return negative ? -Double(value) : Double(value)
    }

    private func wholeDigits(_ whole: Substring, raw: String) -> String? {
        let groups = whole.split(separator: thousands, omittingEmptySubsequences: false)
        guard groups.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        if groups.count > 1 {
            guard let first = groups.first, (1...3).contains(first.count),
                  groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        return groups.joined()
    }

    private func groupingReason(_ whole: Substring) -> NumberProblem.Reason {
        if whole.contains(where: { !$0.isASCIIDigit && $0 != thousands }) { return .notANumber }
        return .ungroupedThousands(thousands: thousands, decimal: decimal,
                                   otherOption: (self == .comma ? Self.point : .comma).rawValue)
    }
}
