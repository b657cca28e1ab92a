import Foundation

/// glibc serves a large block from its own mapping and unmaps it when freed, but after the first
/// such free it raises that threshold (up to 32 MiB): later large blocks come from the heap, which
/// keeps what is freed. An import frees a series' rows and rollups every few seconds, and its peak
/// memory at 10.4 M rows grew from 180 to 240–440 MB so. A fixed threshold keeps blocks over 4 MiB
/// mapped, returned to the system when freed.
enum LargeAllocations {
    static let threshold: Int32 = 4 << 20
    /// `M_MMAP_THRESHOLD` of glibc's `<malloc.h>`, which Swift's Glibc module does not export.
    private static let mmapThreshold: Int32 = -3

    static func returnToSystemWhenFreed() {
        #if os(Linux)
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(nil, "mallopt") else { return }
        _ = unsafeBitCast(symbol, to: Mallopt.self)(mmapThreshold, threshold)
        #endif
    }
}
