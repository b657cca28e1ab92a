/// Where a case-event import stages its rows before the checks (`event_staging`, numbered by `rowid`
/// in delivery order, and an empty `event_changed`): bound inserts on SQLite (`CaseEventInsertStaging`),
/// `COPY` on a server.
public protocol CaseEventStaging: AnyObject {
    func send(_ record: CaseEventRecord) throws
    /// After the last record: the rows are in place (a server also waits for other imports into the source).
    func finish() throws
    /// After a failure while sending: the transaction will be rolled back.
    func abort()
}
