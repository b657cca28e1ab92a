import Foundation

/// How many rows input files hold, estimated from their size and the line length of their first
/// 256 KiB: enough for a progress estimate without reading the files twice.
enum ExpectedRows {
    static func estimate(_ paths: [String]) -> Int? {
        let manager = FileManager.default
        var bytes = 0
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
                  let size = (try? manager.attributesOfItem(atPath: path))?[.size] as? Int else { return nil }
            bytes += size
        }
        guard let first = paths.first, let handle = FileHandle(forReadingAtPath: first),
              let sample = try? handle.read(upToCount: 256 * 1024), !sample.isEmpty else { return nil }
        let lines = sample.reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        guard lines > 0 else { return nil }
        return Int(Double(bytes) * Double(lines) / Double(sample.count))
    }
}
