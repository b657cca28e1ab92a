import ImpactCore

/// ISO bounds of the periods seen while writing, formatted once each.
struct WindowCache {
    private var windows: [Period: (start: String, end: String)] = [:]

    mutating func window(_ period: Period) -> (start: String, end: String) {
        if let window = windows[period] { return window }
        let window = (period.start.iso, period.end.iso)
        windows[period] = window
        return window
    }
}
