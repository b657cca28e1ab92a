import Foundation

/// Every file a test writes lives under one folder per test process, removed when the process
/// exits: a run of the suite leaves nothing in the system's temporary folder (left-over stores
/// once filled a CI machine's disk). Folders of runs that crashed, and so never reached their
/// exit handler, are removed by the next run. Inside a test of a suite marked `.scratch`, the
/// folders `directory` makes go when that test ends.
public enum Scratch {
    /// The running test's scope, if its suite is marked `.scratch`.
    @TaskLocal public static var scope: ScratchScope?

    private static let prefix = "impact-tests-"

    /// The process's folder, made (and older runs' folders swept) on first use.
    public static let root: String = {
        let system = FileManager.default.temporaryDirectory.path
        sweepFoldersOfEndedRuns(in: system)
        let path = system + "/" + prefix + String(getpid())
        try? FileManager.default.removeItem(atPath: path)
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o755])
        } catch {
            fatalError("cannot make the tests' scratch folder \(path): \(error)")
        }
        atexit { try? FileManager.default.removeItem(atPath: Scratch.root) }
        warnIfShortOfSpace(path)
        return path
    }()

    /// A new empty folder for the running test, removed when it ends (or for the whole process,
    /// outside a test's scope).
    public static func directory(_ label: String) -> String {
        let path = processDirectory(label)
        scope?.removeAtEnd(path)
        return path
    }

    /// A new empty folder kept until the process exits: for what several tests share.
    public static func processDirectory(_ label: String) -> String {
        let path = root + "/" + label + "-" + UUID().uuidString
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        } catch {
            fatalError("cannot make a scratch folder \(path): \(error)")
        }
        return path
    }

    /// What a full run holds at its peak (1.07 GB measured) with room to spare: below it, tests fail at
    /// random on a full disk, so say so first.
    static let roomNeeded: Int64 = 2 << 30

    private static func warnIfShortOfSpace(_ path: String) {
        let free = (try? FileManager.default.attributesOfFileSystem(forPath: path))?[.systemFreeSize] as? Int64
        guard let free, free < roomNeeded else { return }
        let warning = "warning: only \(free >> 20) MB free for the tests' scratch folder \(path); "
            + "a full run needs about \(roomNeeded >> 20) MB (set TMPDIR to a roomier disk)\n"
        FileHandle.standardError.write(Data(warning.utf8))
    }

    /// Folders named after a process that no longer runs.
    private static func sweepFoldersOfEndedRuns(in system: String) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: system)) ?? []
        for name in names where name.hasPrefix(prefix) {
            guard let pid = pid_t(name.dropFirst(prefix.count)), pid != getpid() else { continue }
            if kill(pid, 0) == -1 && errno == ESRCH {
                try? FileManager.default.removeItem(atPath: system + "/" + name)
            }
        }
    }
}
