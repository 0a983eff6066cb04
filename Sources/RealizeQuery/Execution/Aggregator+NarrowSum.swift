import RealizeStore

extension Aggregator {
    /// Exact per-group sums of 64-bit decimal units, at 128 bits, never an overflow (below 2^63 rows).
    ///
    /// Each group's running sum is a 64-bit value plus a count of its wraps (±2^64): the hot loop is a 64-bit
    /// add whose overflow is almost never taken, where a 128-bit accumulator costs a widening and a wider add
    /// on every row. Returns the sums and the non-null count per group (nil when every group has a value), as
    /// ``sumExact(_:_:_:groups:as:)`` does.
    ///
    /// Past ``ParallelRanges/defaultMinRows`` rows, each range of rows is summed on its own core and the exact
    /// partial sums and counts are added in range order: the same integers as one pass.
    static func sumNarrow(_ a: [Int64], _ valid: Bitmap?, _ gid: [Int32], groups: Int) -> (sums: [Int128], counts: [Int64]?) {
        let n = a.count
        guard n > 0, groups > 0 else { return ([Int128](repeating: 0, count: groups), [Int64](repeating: 0, count: groups)) }
        let parts = ParallelRanges.map(rows: n) { r, _ in NarrowPartial(a, valid, gid, groups: groups, rows: r) } ?? []
        var sums = [Int128](repeating: 0, count: groups)
        var counts: [Int64]? = valid == nil ? nil : [Int64](repeating: 0, count: groups)
        for p in parts {
            // |wraps| < 2^63: each partial fits 128 bits, and so does their total.
            for k in 0..<groups { sums[k] += Int128(p.low[k]) + Int128(p.wraps[k]) << 64 }
            if let seen = p.seen { for k in 0..<groups { counts![k] += seen[k] } }
        }
        return (sums, counts)
    }
}

/// One range's part of ``Aggregator/sumNarrow(_:_:_:groups:)``: per group, the low 64 bits of the sum, the count
/// of its wraps (±2^64), and the non-null rows (nil without a validity bitmap).
struct NarrowPartial: Sendable {
    var low: [Int64]
    var wraps: [Int64]
    var seen: [Int64]?

    init(_ a: [Int64], _ valid: Bitmap?, _ gid: [Int32], groups: Int, rows: Range<Int>) {
        var low = [Int64](repeating: 0, count: groups)
        var wraps = [Int64](repeating: 0, count: groups)
        var seen: [Int64]? = nil
        low.withUnsafeMutableBufferPointer { s in
            wraps.withUnsafeMutableBufferPointer { wr in
                a.withUnsafeBufferPointer { x in
                    gid.withUnsafeBufferPointer { g in
                        if let v = valid {
                            var counts = [Int64](repeating: 0, count: groups)
                            counts.withUnsafeMutableBufferPointer { c in
                                v.words.withUnsafeBufferPointer { w in
                                    for i in rows where w[i >> 6] & (1 << UInt64(i & 63)) != 0 {
                                        let k = Int(g[i])
                                        let (r, o) = s[k].addingReportingOverflow(x[i])
                                        s[k] = r
                                        if o { wr[k] += x[i] < 0 ? -1 : 1 }
                                        c[k] += 1
                                    }
                                }
                            }
                            seen = counts
                        } else if !rows.isEmpty {
                            // The current group's sum stays in registers while consecutive rows share it.
                            var k = Int(g[rows.lowerBound])
                            var acc: Int64 = 0
                            var wrap: Int64 = 0
                            for i in rows {
                                let gi = Int(g[i])
                                if gi != k {
                                    s[k] = acc
                                    wr[k] = wrap
                                    k = gi
                                    acc = s[k]
                                    wrap = wr[k]
                                }
                                let (r, o) = acc.addingReportingOverflow(x[i])
                                acc = r
                                if o { wrap += x[i] < 0 ? -1 : 1 }
                            }
                            s[k] = acc
                            wr[k] = wrap
                        }
                    }
                }
            }
        }
        self.low = low
        self.wraps = wraps
        self.seen = seen
    }
}
