/// A ZIP file with stored (uncompressed) entries: the container of an Office Open XML workbook.
/// Stored entries need no deflate and every reader accepts them; a workbook of tables is small.
/// Entries carry a fixed date (1980-01-01), so the same content always gives the same bytes.
public struct ZipArchive: Sendable {
    /// Beyond the classic format's 16- and 32-bit fields an archive needs ZIP64, which this writer
    /// does not write; a workbook that large is refused rather than written corrupt.
    public struct TooLarge: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    private struct Entry {
        let name: [UInt8]
        let content: [UInt8]
        let checksum: UInt32
    }

    private var entries: [Entry] = []

    public init() {}

    /// Adds a file; `path` uses `/` and is stored as UTF-8.
    public mutating func add(_ path: String, _ content: [UInt8]) {
        entries.append(Entry(name: Array(path.utf8), content: content, checksum: CRC32.checksum(content)))
    }

    public mutating func add(_ path: String, text: String) { add(path, Array(text.utf8)) }

    /// Local headers with the data, then the central directory and its end record.
    public func bytes() throws -> [UInt8] {
        guard entries.count <= Int(UInt16.max) else {
            throw TooLarge(description: "\(entries.count) files is more than a ZIP archive holds without ZIP64")
        }
        var output: [UInt8] = []
        var directory: [UInt8] = []
        for entry in entries {
            let offset = try Self.field32(output.count, "the archive")
            let size = try Self.field32(entry.content.count, String(decoding: entry.name, as: UTF8.self))
            output += Self.header(0x0403_4B50, entry, size: size)
            output += entry.name + entry.content
            directory += Self.header(0x0201_4B50, entry, size: size, localOffset: offset)
            directory += entry.name
        }
        let directoryOffset = try Self.field32(output.count, "the archive")
        let directorySize = try Self.field32(directory.count, "the central directory")
        output += directory
        var end = LittleEndian()
        end.append32(0x0605_4B50)
        end.append16(0)
        end.append16(0)
        end.append16(UInt16(entries.count))
        end.append16(UInt16(entries.count))
        end.append32(directorySize)
        end.append32(directoryOffset)
        end.append16(0)
        return output + end.bytes
    }

    /// A local file header, or with `localOffset` a central directory header, up to the name.
    private static func header(_ signature: UInt32, _ entry: Entry, size: UInt32,
                               localOffset: UInt32? = nil) -> [UInt8] {
        var header = LittleEndian()
        header.append32(signature)
        if localOffset != nil { header.append16(20) }
        header.append16(20)
        header.append16(0x0800)
        header.append16(0)
        header.append16(0)
        header.append16(0x21)
        header.append32(entry.checksum)
        header.append32(size)
        header.append32(size)
        header.append16(UInt16(entry.name.count))
        header.append16(0)
        if let localOffset {
            header.append16(0)
            header.append16(0)
            header.append16(0)
            header.append32(0)
            header.append32(localOffset)
        }
        return header.bytes
    }

    private static func field32(_ value: Int, _ what: String) throws -> UInt32 {
        guard value < Int(UInt32.max) else {
            throw TooLarge(description: "\(what) is larger than 4 GiB, more than a ZIP archive holds without ZIP64")
        }
        return UInt32(value)
    }

    /// Little-endian fields, as every ZIP header has them.
    private struct LittleEndian {
        var bytes: [UInt8] = []

        mutating func append16(_ value: UInt16) {
            bytes += [UInt8(value & 0xFF), UInt8(value >> 8)]
        }

        mutating func append32(_ value: UInt32) {
            bytes += (0..<4).map { UInt8((value >> (8 * UInt32($0))) & 0xFF) }
        }
    }
}
