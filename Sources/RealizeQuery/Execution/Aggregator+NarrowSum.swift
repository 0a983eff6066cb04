import RealizeStore

extension Aggregator {
    /// Exact per-group sums of 64-bit decimal units, at 128 bits, never an overflow (below 2^63 rows).
    ///
    /// Each group's running sum is a 64-bit value plus a count of its wraps (±2^64): the hot loop is a 64-bit
    /// add whose overflow is almost never taken, where a 128-bit accumulator costs a widening and a wider add
    /// on every row. Returns the sums and the non-null count per group (nil when every group has a value), as
    /// ``sumExact(_:_:_:groups:as:)`` does.
    static func sumNarrow(_ a: [Int64], _ valid: Bitmap?, _ gid: [Int32], groups: Int) -> (sums: [Int128], counts: [Int64]?) {
        var low = [Int64](repeating: 0, count: groups)
        var wraps = [Int64](repeating: 0, count: groups)
        let n = a.count
        guard n > 0, groups > 0 else { return ([Int128](repeating: 0, count: groups), [Int64](repeating: 0, count: groups)) }
        var counts: [Int64]? = nil
        low.withUnsafeMutableBufferPointer { s in
            wraps.withUnsafeMutableBufferPointer { wr in
                a.withUnsafeBufferPointer { x in
                    gid.withUnsafeBufferPointer { g in
                        if let v = valid {
                            var seen = [Int64](repeating: 0, count: groups)
                            seen.withUnsafeMutableBufferPointer { c in
                                v.words.withUnsafeBufferPointer { w in
                                    for i in 0..<n where w[i >> 6] & (1 << UInt64(i & 63)) != 0 {
                                        let k = Int(g[i])
                                        let (r, o) = s[k].addingReportingOverflow(x[i])
                                        s[k] = r
                                        if o { wr[k] += x[i] < 0 ? -1 : 1 }
                                        c[k] += 1
                                    }
                                }
                            }
                            counts = seen
                        } else {
                            // The current group's sum stays in registers while consecutive rows share it.
                            var k = Int(g[0])
                            var acc: Int64 = 0
                            var wrap: Int64 = 0
                            for i in 0..<n {
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
        // |wraps| < 2^63: the sum fits 128 bits.
        let sums = (0..<groups).map { Int128(low[$0]) + Int128(wraps[$0]) << 64 }
        return (sums, counts)
    }
}
