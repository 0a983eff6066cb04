/// Suggestions for misspelt names ("did you mean …?").
package enum EditDistance {
    /// The Levenshtein distance between `a` and `b`, by characters.
    ///
    /// - Complexity: O(a.count × b.count).
    package static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var prev = Array(0...y.count)
        var cur = [Int](repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            cur[0] = i
            for j in 1...y.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[y.count]
    }

    /// The candidate closest to `name`, if it is close enough to be a plausible typo.
    package static func suggestion(for name: String, among candidates: [String]) -> String? {
        let limit = max(1, name.count / 3)
        var best: (String, Int)? = nil
        for c in candidates {
            let d = distance(name.lowercased(), c.lowercased())
            if d <= limit, best == nil || d < best!.1 { best = (c, d) }
        }
        if best == nil, let p = candidates.first(where: { $0.hasPrefix(name) && !name.isEmpty }) { return p }
        return best?.0
    }
}
