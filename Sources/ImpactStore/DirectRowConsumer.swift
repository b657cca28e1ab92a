/// Told the rows of each series a delivery writes straight into `observation` (`DirectLoad`), so the
/// series' rollups can be built on another core while the rest of the delivery is read, instead of
/// reading the rows back after it. The rollup maintenance checks at the end that what it was told is
/// all the store holds of the series.
public protocol DirectRowConsumer: AnyObject {
    /// A run of rows of one series has ended: all of them, or nil when they were not all held (a
    /// series longer than `DirectLoad.rowsHeld`, or rows of it again after other series). The array's
    /// buffer is reused for the next series when this call has not kept it.
    func seriesWritten(id: Int64, key: String, rows: [RollupObservation]?) throws
    /// Called every few statements: what was built meanwhile can be written, so it is not held.
    func idle() throws
}
