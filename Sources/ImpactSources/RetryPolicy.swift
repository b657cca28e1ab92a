import Foundation

/// How often and how patiently the live StatLine import repeats a request that failed for a reason
/// that may pass (a busy server, a dropped connection): a scheduled import should not fail on one bad
/// moment, nor wait long for a server that is really down. Tests pass tiny delays.
public struct RetryPolicy: Sendable {
    /// Tries in all, the first included; at least 1.
    public let tries: Int
    /// The wait before the second try; it doubles before every further one.
    public let firstDelay: TimeInterval

    /// The default waits 0.25, 0.5 and 1 s between four tries: under two seconds in all.
    public init(tries: Int = 4, firstDelay: TimeInterval = 0.25) {
        self.tries = max(1, tries)
        self.firstDelay = max(0, firstDelay)
    }

    /// The wait before try `number` (2, 3, …).
    public func delay(beforeTry number: Int) -> TimeInterval {
        firstDelay * pow(2, Double(max(0, number - 2)))
    }
}
