/// HMAC-SHA256 (RFC 2104) over the project's own `SHA256`: the keyed hash that turns case and
/// person ids into pseudonyms at import. A plain hash of a 9-digit id can be reversed by trying every
/// id; without the key that is not possible.
public enum HMAC {
    private static let blockSize = 64

    /// The 32-byte tag of `message` under `key`.
    public static func sha256(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var block = key.count > blockSize ? digest(key) : key
        block += [UInt8](repeating: 0, count: blockSize - block.count)
        var inner = SHA256()
        inner.update(block.map { $0 ^ 0x36 })
        inner.update(message)
        var outer = SHA256()
        outer.update(block.map { $0 ^ 0x5c })
        outer.update(bytes(hex: inner.finalize()))
        return bytes(hex: outer.finalize())
    }

    public static func hex(key: [UInt8], message: [UInt8]) -> String {
        sha256(key: key, message: message).map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }

    private static func digest(_ bytes: [UInt8]) -> [UInt8] { Self.bytes(hex: SHA256.hex(bytes)) }

    /// `SHA256.finalize` answers in hex; the tag needs the bytes.
    private static func bytes(hex: String) -> [UInt8] {
        let digits = Array(hex.utf8).map { $0 <= 0x39 ? $0 - 0x30 : $0 - 0x61 + 10 }
        return stride(from: 0, to: digits.count, by: 2).map { digits[$0] << 4 | digits[$0 + 1] }
    }
}
