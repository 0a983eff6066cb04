/// "Did you mean …?" suggestions by edit distance.
public enum Suggest {
    /// The candidate nearest to `word` (case-insensitive edit distance), if it is close enough to be a likely typo.
    /// Used for every "did you mean" in the project: columns, tables, verbs, functions, dot commands, settings.
    public static func nearest(_ word: String, in candidates: [String]) -> String? {
        let w = Array(word.lowercased())
        var best: (String, Int)? = nil
        for c in candidates {
            let d = distance(w, Array(c.lowercased()))
            if best == nil || d < best!.1 { best = (c, d) }
        }
        guard let (name, d) = best else { return nil }
        let limit = max(1, min(3, w.count / 3 + 1))
        let isPrefix = name.lowercased().hasPrefix(word.lowercased()) && w.count >= 3
        return d <= limit || isPrefix ? name : nil
    }

    /// Edit distance by characters, counting a swap of neighbours as one edit (optimal string alignment),
    /// so `hlep` is one edit from `help` and `tabels` one from `tables`.
    ///
    /// - Complexity: O(a.count × b.count).
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[a.count][b.count]
    }
}
