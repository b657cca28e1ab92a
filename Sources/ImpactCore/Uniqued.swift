extension Sequence where Element: Hashable {
    /// Each element once, in the order of its first appearance: a repeated `--geo` asks for one area.
    public func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
