import Foundation

/// SHA-256 over the contents of input files, read in chunks.
public enum FileDigest {
    public static func sha256(paths: [String]) throws -> String {
        var hasher = SHA256()
        for path in paths {
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw CSVProblem(line: 0, column: 0, message: "cannot open '\(path)' for reading")
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
