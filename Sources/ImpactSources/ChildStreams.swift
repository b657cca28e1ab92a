import Glibc

/// Moves bytes between the tool and a running child with poll(2): stdin is written as far as the
/// child takes it, stdout and stderr are read as they come. Nothing here blocks past the wait it is
/// given, so a child that never reads its input or never closes its output cannot stall the tool.
struct ChildStreams {
    private var input: Int32
    private var output: Int32
    private var errors: Int32
    private var pendingInput: ArraySlice<UInt8>
    private var buffer = [UInt8](repeating: 0, count: 1 << 16)

    /// The descriptors are the parent's ends; from here on this value owns and closes them.
    init(stdin: Int32, stdout: Int32, stderr: Int32, input: [UInt8]) {
        self.input = stdin
        self.output = stdout
        self.errors = stderr
        self.pendingInput = input[...]
        if pendingInput.isEmpty { closeInput() }
    }

    /// A chunk of stdout (`true`) or stderr (`false`); an empty stdout chunk marks its end.
    typealias Handler = ([UInt8], Bool) throws -> Void

    /// One round: waits at most `seconds` for any stream to be ready and serves those that are.
    mutating func pump(waitingAtMost seconds: Double, _ handle: Handler) throws {
        var requests = [pollfd(fd: output, events: Int16(POLLIN), revents: 0),
                        pollfd(fd: errors, events: Int16(POLLIN), revents: 0),
                        pollfd(fd: input, events: Int16(POLLOUT), revents: 0)]
        guard poll(&requests, nfds_t(requests.count), Int32(max(seconds, 0) * 1000)) > 0 else { return }
        if requests[2].revents != 0 { writeInput() }
        if requests[1].revents != 0 { try read(isOutput: false, handle) }
        if requests[0].revents != 0 { try read(isOutput: true, handle) }
    }

    /// After the child ended: reads what it left in the pipes (bounded, in case a process outside
    /// its group still writes), then reports the end of stdout.
    mutating func drain(_ handle: Handler) throws {
        closeInput()
        for _ in 0..<256 where errors >= 0 {
            guard try read(isOutput: false, handle) else { break }
        }
        for _ in 0..<256 where output >= 0 {
            guard try read(isOutput: true, handle) else { break }
        }
        if output >= 0 {
            close(output)
            output = -1
            try handle([], true)
        }
    }

    /// Closes whatever is still open.
    mutating func closeAll() {
        closeInput()
        for descriptor in [output, errors] where descriptor >= 0 { close(descriptor) }
        (output, errors) = (-1, -1)
    }

    /// One read; true when it delivered bytes. At the end of the stream the descriptor is closed.
    @discardableResult
    private mutating func read(isOutput: Bool, _ handle: Handler) throws -> Bool {
        let descriptor = isOutput ? output : errors
        let count = Glibc.read(descriptor, &buffer, buffer.count)
        if count > 0 {
            try handle(Array(buffer[0..<count]), isOutput)
            return true
        }
        if count == 0 || errno != EAGAIN {
            close(descriptor)
            if isOutput { output = -1 } else { errors = -1 }
            if isOutput { try handle([], true) }
        }
        return false
    }

    private mutating func writeInput() {
        let written = pendingInput.withUnsafeBytes { Glibc.write(input, $0.baseAddress, $0.count) }
        if written > 0 { pendingInput = pendingInput.dropFirst(written) }
        if written < 0 && errno != EAGAIN || pendingInput.isEmpty { closeInput() }
    }

    /// Closing stdin tells the child its input is complete.
    private mutating func closeInput() {
        if input >= 0 { close(input) }
        input = -1
    }
}
