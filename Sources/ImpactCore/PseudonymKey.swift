import Foundation

/// The secret that turns raw case and person ids into pseudonyms. It is read from a file or the
/// environment for one import and never written anywhere: the store keeps only a check value, so
/// a delivery pseudonymised with another key is refused instead of silently breaking every link.
public struct PseudonymKey: Sendable {
    private let hmac: HMAC

    /// 32 bytes: a 256-bit random key (`openssl rand -hex 32` gives 64 characters, which is more).
    public static let minimumLength = 32
    public static let environmentVariable = "IMPACT_PSEUDONYM_KEY"

    public enum Problem: Error, Equatable, Sendable {
        case missing
        case unreadable(String)
        case tooShort(Int)
    }

    public init(bytes: [UInt8]) throws(Problem) {
        guard bytes.count >= Self.minimumLength else { throw .tooShort(bytes.count) }
        hmac = HMAC(key: bytes)
    }

    /// The key from `file` when given, else from `IMPACT_PSEUDONYM_KEY`; one trailing newline of a
    /// file is not part of the key.
    public static func load(file: String?, environment: [String: String]) throws(Problem) -> PseudonymKey {
        if let file {
            guard let data = FileManager.default.contents(atPath: file) else { throw .unreadable(file) }
            var bytes = [UInt8](data)
            while let last = bytes.last, last == 0x0A || last == 0x0D { bytes.removeLast() }
            return try PseudonymKey(bytes: bytes)
        }
        guard let text = environment[environmentVariable], !text.isEmpty else { throw .missing }
        return try PseudonymKey(bytes: Array(text.utf8))
    }

    /// The pseudonym of a raw id within a domain (`case`, `person`): the same id gets different
    /// pseudonyms as a case and as a person, so the two cannot be linked. 128 bits are kept.
    public func pseudonym(_ raw: String, domain: String) -> String {
        String(hmac.hex(Array(domain.utf8) + [0] + Array(raw.utf8)).prefix(32))
    }

    /// Stored beside the events: equal for equal keys, and says nothing about the key itself.
    public var check: String { pseudonym("impactmonitor key check", domain: "check").prefix(16).description }
}
