import Foundation

/// One JSON value of a plugin record. Numbers keep their text, so they are checked like a CSV
/// field (finite, exact, `n` never negative) instead of being rounded, retyped or refused as a
/// whole line by a general-purpose parser.
enum PluginJSON: Equatable {
    case object([String: PluginJSON])
    case array([PluginJSON])
    case string(String)
    case number(String)
    case bool(Bool)
    case null

    /// Deep nesting is refused rather than recursed into: a record is flat.
    static let maximumDepth = 32

    /// The value of one NDJSON line, or nil when the line is not exactly one JSON value.
    static func parse(_ line: Data) -> PluginJSON? {
        var reader = Reader(bytes: [UInt8](line))
        guard let value = reader.value(depth: 0) else { return nil }
        reader.skipSpace()
        return reader.atEnd ? value : nil
    }

    /// A recursive-descent reader over the bytes of one line.
    private struct Reader {
        let bytes: [UInt8]
        var position = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { position >= bytes.count }
        var current: UInt8? { atEnd ? nil : bytes[position] }

        mutating func skipSpace() {
            while let byte = current, [0x20, 0x09, 0x0A, 0x0D].contains(byte) { position += 1 }
        }

        mutating func take(_ byte: UInt8) -> Bool {
            skipSpace()
            guard current == byte else { return false }
            position += 1
            return true
        }

        mutating func value(depth: Int) -> PluginJSON? {
            skipSpace()
            guard depth < PluginJSON.maximumDepth, let byte = current else { return nil }
            switch byte {
            case UInt8(ascii: "{"): return object(depth: depth)
            case UInt8(ascii: "["): return array(depth: depth)
            case UInt8(ascii: "\""): return string().map(PluginJSON.string)
            case UInt8(ascii: "t"): return literal("true", .bool(true))
            case UInt8(ascii: "f"): return literal("false", .bool(false))
            case UInt8(ascii: "n"): return literal("null", .null)
            default: return number()
            }
        }

        mutating func literal(_ word: String, _ value: PluginJSON) -> PluginJSON? {
            let expected = Array(word.utf8)
            guard bytes.count - position >= expected.count,
                  Array(bytes[position..<position + expected.count]) == expected else { return nil }
            position += expected.count
            return value
        }

        mutating func object(depth: Int) -> PluginJSON? {
            position += 1
            var fields: [String: PluginJSON] = [:]
            if take(UInt8(ascii: "}")) { return .object(fields) }
            repeat {
                skipSpace()
                guard let key = string(), take(UInt8(ascii: ":")), let value = value(depth: depth + 1),
                      fields[key] == nil else { return nil }
                fields[key] = value
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "}")) ? .object(fields) : nil
        }

        mutating func array(depth: Int) -> PluginJSON? {
            position += 1
            var items: [PluginJSON] = []
            if take(UInt8(ascii: "]")) { return .array(items) }
            repeat {
                guard let item = value(depth: depth + 1) else { return nil }
                items.append(item)
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "]")) ? .array(items) : nil
        }

        /// A string token with its escapes resolved; a control character or a lone surrogate is not JSON.
        mutating func string() -> String? {
            guard current == UInt8(ascii: "\"") else { return nil }
            position += 1
            var scalars = String.UnicodeScalarView()
            var plain: [UInt8] = []
            func flush() -> Bool {
                guard let text = String(validating: plain, as: UTF8.self) else { return false }
                scalars.append(contentsOf: text.unicodeScalars)
                plain.removeAll()
                return true
            }
            while let byte = current, byte != UInt8(ascii: "\"") {
                guard byte >= 0x20 else { return nil }
                position += 1
                guard byte == UInt8(ascii: "\\") else {
                    plain.append(byte)
                    continue
                }
                guard flush(), let scalar = escape() else { return nil }
                scalars.append(scalar)
            }
            guard !atEnd, flush() else { return nil }
            position += 1
            return String(scalars)
        }

        /// The character after a backslash, reading a `\uXXXX` surrogate pair as one scalar.
        mutating func escape() -> Unicode.Scalar? {
            guard let byte = current else { return nil }
            position += 1
            let simple: [UInt8: Unicode.Scalar] = [0x22: "\"", 0x5C: "\\", 0x2F: "/", 0x62: "\u{08}",
                                                   0x66: "\u{0C}", 0x6E: "\n", 0x72: "\r", 0x74: "\t"]
            if let scalar = simple[byte] { return scalar }
            guard byte == UInt8(ascii: "u"), let high = hex() else { return nil }
            guard (0xD800..<0xDC00).contains(high) else { return Unicode.Scalar(high) }
            guard bytes.count - position >= 2, bytes[position] == UInt8(ascii: "\\"),
                  bytes[position + 1] == UInt8(ascii: "u") else { return nil }
            position += 2
            guard let low = hex(), (0xDC00..<0xE000).contains(low) else { return nil }
            return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
        }

        mutating func hex() -> UInt32? {
            guard bytes.count - position >= 4,
                  bytes[position..<position + 4].allSatisfy({ Character(Unicode.Scalar($0)).isHexDigit }),
                  let value = UInt32(String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
            else { return nil }
            position += 4
            return value
        }

        /// The text of a number token in JSON's grammar; its value is judged later, like a CSV field.
        mutating func number() -> PluginJSON? {
            let start = position
            func digits() -> Bool {
                let first = position
                while let byte = current, (0x30...0x39).contains(byte) { position += 1 }
                return position > first
            }
            if current == UInt8(ascii: "-") { position += 1 }
            guard digits() else { return nil }
            if current == UInt8(ascii: ".") {
                position += 1
                guard digits() else { return nil }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                position += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
                guard digits() else { return nil }
            }
            return .number(String(decoding: bytes[start..<position], as: UTF8.self))
        }
    }
}
