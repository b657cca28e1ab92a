/// "Did you mean …?" candidates by edit distance, case-insensitive.
public enum Suggestions {
    public static func closest(to word: String, among candidates: [String], limit: Int = 3) -> [String] {
        let target = Array(word.lowercased())
        let maximum = max(2, target.count / 3)
        let scored = candidates.compactMap { candidate -> (String, Int)? in
            let distance = editDistance(target, Array(candidate.lowercased()), limit: maximum)
            return distance <= maximum ? (candidate, distance) : nil
        }
        return scored.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(limit).map(\.0)
    }

    /// Levenshtein distance, stopping early once every path exceeds `limit`.
    static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int {
        if abs(a.count - b.count) > limit { return limit + 1 }
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            if current.min()! > limit { return limit + 1 }
            previous = current
        }
        return previous[b.count]
    }

    /// Candidates that begin or end with `word` (`per_1000` → `rate_per_1000`): a part of the right
    /// name is far from it by edit distance but plainly meant it.
    static func completions(of word: String, among candidates: [String], limit: Int = 3) -> [String] {
        let part = word.lowercased()
        guard part.count >= 3 else { return [] }
        return Array(candidates.filter {
            let candidate = $0.lowercased()
            return candidate != part && (candidate.hasSuffix(part) || candidate.hasPrefix(part))
        }.sorted { ($0.count, $0) < ($1.count, $1) }.prefix(limit))
    }

    /// The hint line for a diagnostic, or nil when nothing is close.
    public static func hint(for word: String, among candidates: [String]) -> String? {
        var close = closest(to: word, among: candidates)
        if close.isEmpty { close = completions(of: word, among: candidates) }
        guard !close.isEmpty else { return nil }
        return "did you mean " + close.map { "'\($0)'" }.joined(separator: " or ") + "?"
    }
}
