/// Suggestions for misspelt names ("did you mean …?").
package enum EditDistance {
    /// The edit distance between `a` and `b`, by characters, counting a swap of neighbours as one
    /// edit (optimal string alignment), so `hlep` is one edit from `help`.
    ///
    /// - Complexity: O(a.count × b.count).
    package static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[x.count][y.count]
    }

    /// The candidate closest to `name`, if it is close enough to be a plausible typo.
    package static func suggestion(for name: String, among candidates: [String]) -> String? {
        let limit = max(1, (name.count + 2) / 3)
        var best: (String, Int)? = nil
        for c in candidates {
            let d = distance(name.lowercased(), c.lowercased())
            if d <= limit, best == nil || d < best!.1 { best = (c, d) }
        }
        if best == nil, let p = candidates.first(where: { $0.hasPrefix(name) && !name.isEmpty }) { return p }
        return best?.0
    }
}
