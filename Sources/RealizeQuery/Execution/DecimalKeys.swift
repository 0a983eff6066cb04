import RealizeStore

/// 128-bit decimal units turned into 64-bit keys for hashing, grouping and sorting, keeping the 64-bit
/// fast paths: when every value fits an `Int64` (nearly always) the units are the keys.
enum DecimalKeys {
    /// The units as `Int64`, or nil if some value does not fit.
    static func narrow(_ a: [Int128]) -> [Int64]? {
        var misfit: Int64 = 0
        let out = [Int64](unsafeUninitializedCapacity: a.count) { out, count in
            a.withUnsafeBufferPointer { x in
                // Branch-free over the rows: a value fits when its high half is the sign of its low half.
                for i in 0..<x.count {
                    let low = Int64(truncatingIfNeeded: x[i])
                    out[i] = low
                    misfit |= Int64(truncatingIfNeeded: x[i] >> 64) ^ (low >> 63)
                }
            }
            count = a.count
        }
        return misfit == 0 ? out : nil
    }

    /// Keys that order as the units do: the units themselves, or dense ranks of the distinct values.
    ///
    /// - Complexity: O(n) when the values fit 64 bits, else O(n log n).
    static func ordered(_ a: [Int128]) -> [Int64] {
        if let n = narrow(a) { return n }
        let distinct = Array(Set(a)).sorted()
        var rank: [Int128: Int64] = [:]
        rank.reserveCapacity(distinct.count)
        for (k, v) in distinct.enumerated() { rank[v] = Int64(k) }
        return a.map { rank[$0]! }
    }

    /// Keys for two decimal columns at scales `ls` and `rs` such that a left key equals a right key exactly
    /// when the values are equal (1.5 = 1.50). A value too large to align matches nothing.
    static func joint(_ l: [Int128], _ ls: Int, _ r: [Int128], _ rs: Int) -> ([Int64], [Int64]) {
        let s = max(ls, rs)
        let la = l.map { FixedDecimal.rescale($0, from: ls, to: s) }
        let ra = r.map { FixedDecimal.rescale($0, from: rs, to: s) }
        if !la.contains(nil), !ra.contains(nil), let x = narrow(la.map { $0! }), let y = narrow(ra.map { $0! }) { return (x, y) }
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
