import Foundation
import ImpactCore

/// Input files: folders expanded to their files, and the SHA-256 of their contents, read in chunks.
public enum FileDigest {
    /// Paths with every folder replaced by its files ending in `suffix` (all files for ""), sorted.
    static func expand(_ paths: [String], suffix: String = "") -> [String] {
        paths.flatMap { path -> [String] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                return [path]
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return names.filter { $0.hasSuffix(suffix) }.sorted().map { (path as NSString).appendingPathComponent($0) }
        }
    }

    /// Throws a located `Diagnostic` when a file cannot be opened.
    public static func sha256(paths: [String]) throws -> String {
        var hasher = SHA256()
        for path in paths {
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw Diagnostic(.cannotOpenFile(path), file: path)
            }
            defer { try? handle.close() }
            while true {
                let chunk = handle.readData(ofLength: 1 << 20)
                if chunk.isEmpty { break }
                hasher.update([UInt8](chunk))
            }
        }
        return hasher.finalize()
    }
}
