/// The median as the store's `median()` aggregate computes it, shared with the rollup builder so a
/// kept member statistic equals the evaluated one.
public enum Median {
    /// The middle value, or the mean of the two middle values; nil for no values.
    public static func of(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
