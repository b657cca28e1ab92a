/// Where long work says how far it is. Declared here, below the store and engine that drive it, so
/// they report without knowing whether or how it is shown: the executable draws it on a terminal.
/// Called often from the working thread; implementations keep each call cheap and limit redraws.
public protocol ProgressReporter: AnyObject {
    /// A new phase starts; `total` is how many steps it takes, when that is known.
    func begin(_ phase: ProgressPhase, total: Int?)
    /// `done` steps of the current phase are finished: rows while parsing or copying, series in
    /// rollups, measures in case results.
    func advance(to done: Int)
}
