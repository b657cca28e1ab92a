import Glibc

/// The three pipes between the tool and a child program. Every descriptor of the tool is made
/// close-on-exec before the spawn, so the child gets only the ends `posix_spawn` duplicates onto
/// 0–2 (a daemon it starts cannot hold the tool's own output open); the parent's ends are
/// non-blocking, so a read or write can never outlast the deadline.
struct ChildPipes {
    var childInput: Int32 = -1, parentInput: Int32 = -1
    var parentOutput: Int32 = -1, childOutput: Int32 = -1
    var parentErrors: Int32 = -1, childErrors: Int32 = -1

    /// False (with errno set) when the system is out of descriptors.
    mutating func open() -> Bool {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return false }
        (childInput, parentInput) = (ends[0], ends[1])
        guard pipe(&ends) == 0 else { return false }
        (parentOutput, childOutput) = (ends[0], ends[1])
        guard pipe(&ends) == 0 else { return false }
        (parentErrors, childErrors) = (ends[0], ends[1])
        for descriptor in [parentInput, parentOutput, parentErrors] {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        }
        Self.closeOnExec()
        return true
    }

    /// Marks every open descriptor above 2 close-on-exec (the tool itself never execs, so this
    /// only affects children). Glibc's `closefrom` spawn action is not visible to Swift.
    static func closeOnExec() {
        var limit = rlimit()
        getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
        let highest = Int32(clamping: min(limit.rlim_cur, 1 << 16))
        for descriptor in 3..<max(highest, 3) where fcntl(descriptor, F_GETFD) >= 0 {
            _ = fcntl(descriptor, F_SETFD, fcntl(descriptor, F_GETFD) | FD_CLOEXEC)
        }
    }

    /// After the spawn: the child holds its own copies, and the parent must not keep the write ends
    /// of stdout and stderr open or it would never see their end.
    mutating func closeChildEnds() {
        for descriptor in [childInput, childOutput, childErrors] where descriptor >= 0 { close(descriptor) }
        (childInput, childOutput, childErrors) = (-1, -1, -1)
    }

    /// When the program could not be started: nothing else owns the descriptors yet.
    mutating func closeAll() {
        closeChildEnds()
        for descriptor in [parentInput, parentOutput, parentErrors] where descriptor >= 0 { close(descriptor) }
        (parentInput, parentOutput, parentErrors) = (-1, -1, -1)
    }
}
