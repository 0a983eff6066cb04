import RealizeStore

/// Computes aggregates per group, and the helpers their kernels share (``AggregateFunction`` holds the kernels).
enum Aggregator {
    /// Computes one aggregate per group: the kernel of its catalog entry.
    static func compute(_ spec: AggregateSpec, input: Column?, grouping g: Grouping, rows: Int) throws(NumericOverflow) -> Column {
        try spec.function.evaluate(input, parameter: spec.parameter, grouping: g, rows: rows)
    }

    /// Exact per-group sums of scaled integers, over raw buffers (the hot loop of most PMO queries).
    /// Returns the sums, the non-null count per group (nil when every group has a value: no nulls and at least
    /// one row), and whether some group's running sum overflowed.
    ///
    /// The running sum of the current group stays in a register while consecutive rows share it (rows of one
    /// project or program are usually together), and is stored back when the group changes: the same additions
    /// in the same order as a per-row read-modify-write, so the sums and the overflow are the same.
    ///
    /// The sums are of type `S`, at least as wide as `T` (64-bit decimal units sum in 128 bits: no overflow
    /// below 2^63 rows).
    static func sumExact<T: FixedWidthInteger, S: FixedWidthInteger>(
        _ a: [T], _ valid: Bitmap?, _ gid: [Int32], groups: Int, as _: S.Type
    ) -> (sums: [S], counts: [Int64]?, overflow: Bool) {
        var sums = [S](repeating: 0, count: groups)
        let n = a.count
        guard n > 0, groups > 0 else { return (sums, [Int64](repeating: 0, count: groups), false) }
        var overflow = false
        if let v = valid {
            var counts = [Int64](repeating: 0, count: groups)
            sums.withUnsafeMutableBufferPointer { s in
                counts.withUnsafeMutableBufferPointer { c in
                    a.withUnsafeBufferPointer { x in
                        gid.withUnsafeBufferPointer { g in
                            v.words.withUnsafeBufferPointer { w in
                                for i in 0..<n where w[i >> 6] & (1 << UInt64(i & 63)) != 0 {
                                    let k = Int(g[i])
                                    let (r, f) = s[k].addingReportingOverflow(S(truncatingIfNeeded: x[i]))
                                    s[k] = r
                                    c[k] += 1
                                    overflow = overflow || f
                                }
                            }
                        }
                    }
                }
            }
            return (sums, counts, overflow)
        }
        sums.withUnsafeMutableBufferPointer { s in
            a.withUnsafeBufferPointer { x in
                gid.withUnsafeBufferPointer { g in
                    var k = Int(g[0])
                    var acc: S = 0
                    var f = false
                    for i in 0..<n {
                        let gi = Int(g[i])
                        if gi != k {
                            s[k] = acc
                            k = gi
                            acc = s[k]
                        }
                        let (r, o) = acc.addingReportingOverflow(S(truncatingIfNeeded: x[i]))
                        acc = r
                        f = f || o
                    }
                    s[k] = acc
                    overflow = f
                }
            }
        }
        // Every group of a grouping has at least one row, so each has a value.
        return (sums, nil, overflow)
    }

    static func validity(_ seen: [Int64]?, _ overflow: [Int]) -> Bitmap? {
        guard let seen else { return nil }
        guard seen.contains(0) || !overflow.isEmpty else { return nil }
        var b = Bitmap(count: seen.count, value: true)
        for (k, s) in seen.enumerated() where s == 0 { b[k] = false }
        for k in overflow { b[k] = false }
        return b
    }

    /// Gathers `c` at `rows`, with -1 giving null (on every core for millions of rows: see ``ParallelGather``).
    static func gatherOrNull(_ c: Column, _ rows: [Int]) -> Column {
        if c.count == 0 {
            var b = ColumnBuilder(name: c.name, type: c.type)
            for _ in rows { b.appendNull() }
            return b.finish()
        }
        return ParallelGather.gather(c, rows)
    }
}
