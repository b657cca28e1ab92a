import Foundation

/// Writes a file that carries the store's figures (a report) with the permissions the store has:
/// a 0600 store must not give every user of the machine its figures through a 0644 report. The
/// content goes to a temporary file created with the mode, then replaces the target in one rename,
/// so no reader ever sees a half-written file or wider permissions.
enum OutputFile {
    /// `--mode` as given (`0640`, `640`): octal permission bits, nothing else.
    static func mode(_ text: String) -> Int? {
        let digits = text.hasPrefix("0o") ? String(text.dropFirst(2)) : text
        guard (3...4).contains(digits.count), let value = Int(digits, radix: 8), value <= 0o777 else { return nil }
        return value
    }

    /// The permission bits of the store file (0600 when it cannot be read).
    static func mode(ofStore path: String) -> Int {
        let value = try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        return (value ?? 0o600) & 0o777
    }

    /// Fails before a command does its work when `path` cannot be written: a scheduled job must not
    /// record alert transitions and then lose their output to a mistyped folder.
    static func checkWritable(_ path: String) throws {
        let parent = (path as NSString).deletingLastPathComponent
        let directory = parent.isEmpty ? "." : parent
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory)
        guard exists, isDirectory.boolValue else {
            let problem = exists ? "'\(directory)' is not a directory" : "there is no directory '\(directory)'"
            throw CommandFailure(message: "cannot write '\(path)': \(problem)",
                                 hint: "create the directory first, or write elsewhere with --out")
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CommandFailure(message: "cannot write '\(path)': it is a directory",
                                 hint: "name a file inside it with --out")
        }
        guard access(directory, W_OK) == 0 else { throw failure(path, errno) }
    }

    static func write(_ content: String, to path: String, mode: Int) throws {
        try write(Data(content.utf8), to: path, mode: mode)
    }

    static func write(_ content: Data, to path: String, mode: Int) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString.prefix(8)).tmp").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, mode_t(mode))
        guard descriptor >= 0 else { throw failure(path, errno) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            // The process umask narrowed the mode given to open; the store's mode is what counts.
            guard fchmod(descriptor, mode_t(mode)) == 0 else { throw failure(path, errno) }
            try handle.write(contentsOf: content)
            try handle.close()
            guard rename(temporary, path) == 0 else { throw failure(path, errno) }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    private static func failure(_ path: String, _ code: Int32) -> CommandFailure {
        CommandFailure(message: "cannot write '\(path)': \(String(cString: strerror(code)))",
                       hint: "check that the directory exists and is writable")
    }
}
