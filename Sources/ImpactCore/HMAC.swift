/// HMAC-SHA256 (RFC 2104) over the project's own `SHA256`: the keyed hash that turns case and
/// person ids into pseudonyms at import. A plain hash of a 9-digit id can be reversed by trying every
/// id; without the key that is not possible. The hash states after the padded key are computed once
/// per key, so each tag costs two compressions for a short message instead of four.
public struct HMAC: Sendable {
    private static let blockSize = 64
    private let inner: SHA256
    private let outer: SHA256

    public init(key: [UInt8]) {
        var hashed = SHA256()
        hashed.update(key)
        var block = key.count > Self.blockSize ? hashed.finalizeBytes() : key
        block += [UInt8](repeating: 0, count: Self.blockSize - block.count)
        var inner = SHA256()
        inner.update(block.map { $0 ^ 0x36 })
        var outer = SHA256()
        outer.update(block.map { $0 ^ 0x5c })
        self.inner = inner
        self.outer = outer
    }

    /// The 32-byte tag of `message`.
    public func tag(_ message: [UInt8]) -> [UInt8] {
        var inner = self.inner
        inner.update(message)
        var outer = self.outer
        outer.update(inner.finalizeBytes())
        return outer.finalizeBytes()
    }

    public func hex(_ message: [UInt8]) -> String { SHA256.lowercaseHex(tag(message)) }

    public static func hex(key: [UInt8], message: [UInt8]) -> String { HMAC(key: key).hex(message) }
}
