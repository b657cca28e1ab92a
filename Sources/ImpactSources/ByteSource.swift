import Foundation

/// Buffered bytes from a file or memory.
final class ByteSource {
    private let handle: FileHandle?
    private var buffer: [UInt8]
    private var position = 0
    private var exhausted: Bool
    private static let chunkSize = 1 << 16

    init(path: String) throws(CSVProblem) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CSVProblem(line: 0, column: 0, message: .inputIsDirectory(path))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw CSVProblem(line: 0, column: 0, message: .cannotOpenFile(path))
        }
        self.handle = handle
        buffer = []
        exhausted = false
        refill()
    }

    init(data: Data) {
        handle = nil
        buffer = Array(data)
        exhausted = true
    }

    deinit { try? handle?.close() }

    private func refill() {
        guard !exhausted, let handle else { return }
        let chunk = handle.readData(ofLength: ByteSource.chunkSize)
        if chunk.isEmpty { exhausted = true }
        buffer.removeFirst(position)
        position = 0
        buffer.append(contentsOf: chunk)
    }

    func peek() -> UInt8? {
        if position >= buffer.count { refill() }
        return position < buffer.count ? buffer[position] : nil
    }

    func next() -> UInt8? {
        guard let byte = peek() else { return nil }
        position += 1
        return byte
    }

    func skipByteOrderMark() {
        while buffer.count - position < 3 && !exhausted { refill() }
        if buffer.count - position >= 3
            && buffer[position] == 0xEF && buffer[position + 1] == 0xBB && buffer[position + 2] == 0xBF {
            position += 3
        }
    }

    /// Bytes of the first line, without consuming them (reads ahead up to 1 MiB).
    func peekLine() -> [UInt8] {
        while !buffer[position...].contains(UInt8(ascii: "\n")) && !exhausted && buffer.count < 1 << 20 {
            refill()
        }
        let rest = buffer[position...]
        let end = rest.firstIndex(of: UInt8(ascii: "\n")) ?? rest.endIndex
        return Array(rest[rest.startIndex..<end])
    }
}
