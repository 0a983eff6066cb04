import RealizeStore

/// Computes aggregates per group, and the helpers their kernels share (``AggregateFunction`` holds the kernels).
enum Aggregator {
    /// Computes one aggregate per group: the kernel of its catalog entry.
    static func compute(_ spec: AggregateSpec, input: Column?, grouping g: Grouping, rows: Int) throws(NumericOverflow) -> Column {
        try spec.function.evaluate(input, parameter: spec.parameter, grouping: g, rows: rows)
    }

    /// Exact per-group sums of scaled integers, over raw buffers (the hot loop of most PMO queries).
    /// Returns the sums, the non-null count per group, and the groups whose sum overflowed.
    static func sumExact<T: FixedWidthInteger>(_ a: [T], _ valid: Bitmap?, _ gid: [Int32], groups: Int) -> ([T], [Int64], [Int]) {
        var sums = [T](repeating: 0, count: groups)
        var counts = [Int64](repeating: 0, count: groups)
        var overflowed = [Bool](repeating: false, count: groups)
        sums.withUnsafeMutableBufferPointer { s in
            counts.withUnsafeMutableBufferPointer { n in
                overflowed.withUnsafeMutableBufferPointer { o in
                    a.withUnsafeBufferPointer { x in
                        gid.withUnsafeBufferPointer { g in
                            if let v = valid {
                                v.words.withUnsafeBufferPointer { w in
                                    for i in 0..<x.count where w[i >> 6] & (1 << UInt64(i & 63)) != 0 {
                                        let k = Int(g[i])
                                        let (r, f) = s[k].addingReportingOverflow(x[i])
                                        s[k] = r; n[k] += 1; o[k] = o[k] || f
                                    }
                                }
                            } else {
                                for i in 0..<x.count {
                                    let k = Int(g[i])
                                    let (r, f) = s[k].addingReportingOverflow(x[i])
                                    s[k] = r; n[k] += 1; o[k] = o[k] || f
                                }
                            }
                        }
                    }
                }
            }
        }
        return (sums, counts, overflowed.indices.filter { overflowed[$0] })
    }

    static func validity(_ seen: [Int64], _ overflow: [Int]) -> Bitmap? {
        guard seen.contains(0) || !overflow.isEmpty else { return nil }
        var b = Bitmap(count: seen.count, value: true)
        for (k, s) in seen.enumerated() where s == 0 { b[k] = false }
        for k in overflow { b[k] = false }
        return b
    }

    /// Gathers `c` at `rows`, with -1 giving null.
    static func gatherOrNull(_ c: Column, _ rows: [Int]) -> Column {
        if c.count == 0 {
            var b = ColumnBuilder(name: c.name, type: c.type)
            for _ in rows { b.appendNull() }
            return b.finish()
        }
        return c.gather(rows)
    }
}
