import RealizeStore

/// 128-bit decimal units turned into 64-bit keys for hashing, grouping and sorting, keeping the 64-bit
/// fast paths: when every value fits an `Int64` (nearly always) the units are the keys.
enum DecimalKeys {
    /// Keys that order as the units do: the units themselves, or dense ranks of the distinct values.
    ///
    /// - Complexity: O(n) when the values fit 64 bits, else O(n log n).
    static func ordered(_ units: DecimalUnits) -> [Int64] {
        if let n = units.narrow { return n }
        let a = units.widened
        if let n = DecimalUnits.narrowed(a) { return n }
        let distinct = Array(Set(a)).sorted()
        var rank: [Int128: Int64] = [:]
        rank.reserveCapacity(distinct.count)
        for (k, v) in distinct.enumerated() { rank[v] = Int64(k) }
        return a.map { rank[$0]! }
    }

    /// Keys for two decimal columns at scales `ls` and `rs` such that a left key equals a right key exactly
    /// when the values are equal (1.5 = 1.50). A value too large to align matches nothing.
    static func joint(_ lu: DecimalUnits, _ ls: Int, _ ru: DecimalUnits, _ rs: Int) -> ([Int64], [Int64]) {
        if ls == rs, let x = lu.narrow, let y = ru.narrow { return (x, y) }
        let l = lu.widened, r = ru.widened
        let s = max(ls, rs)
        let la = l.map { FixedDecimal.rescale($0, from: ls, to: s) }
        let ra = r.map { FixedDecimal.rescale($0, from: rs, to: s) }
        if !la.contains(nil), !ra.contains(nil), let x = DecimalUnits.narrowed(la.map { $0! }), let y = DecimalUnits.narrowed(ra.map { $0! }) { return (x, y) }
        var ids: [Int128: Int64] = [:]
        var unmatched = Int64.min
        func id(_ v: Int128?) -> Int64 {
            guard let v else {
                unmatched += 1
                return unmatched
            }
            if let x = ids[v] { return x }
            ids[v] = Int64(ids.count)
            return Int64(ids.count - 1)
        }
        return (la.map(id), ra.map(id))
    }
}
