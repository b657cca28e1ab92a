import Foundation

/// Work started on another thread now, for a result wanted later: `eval` reads its definitions while
/// the store opens. Only the thread that started it takes the result.
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private let work: @Sendable () -> Value
    private let finished = DispatchSemaphore(value: 0)
    private var value: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        self.work = work
        let thread = Thread { [self] in
            value = work()
            finished.signal()
        }
        // As deep as the main thread's: the definitions' parser recurses.
        thread.stackSize = 8 << 20
        thread.start()
    }

    /// Waits for the work to finish; the semaphore orders the other thread's write before this read.
    /// Every call after the first returns at once.
    func result() -> Value {
        finished.wait()
        finished.signal()
        // Set before the signal that ended the wait; were it not, the work runs here rather than trap.
        return value ?? work()
    }
}
