import RealizeStore

/// Computes aggregates per group over typed buffers. Aggregates skip nulls; a group with no values gives null
/// (count gives 0).
enum Aggregator {
    static func compute(_ spec: AggregateSpec, input: Column?, grouping g: Grouping, rows: Int) -> Column {
        let groups = g.count
        let gid = g.groupOf
        guard let c = input else {
            var counts = [Int64](repeating: 0, count: groups)
            for i in 0..<rows { counts[Int(gid[i])] += 1 }
            return Column(name: "", storage: .int(counts))
        }
        var seen = [Int64](repeating: 0, count: groups)  // non-null values per group
        let hasNulls = c.validity != nil
        switch spec.function {
        case "count":
            for i in 0..<rows where !hasNulls || !c.isNull(i) { seen[Int(gid[i])] += 1 }
            return Column(name: "", storage: .int(seen))
        case "count_distinct":
            let values = Grouping.denseIds(c)
            var pairs = Set<Int>()
            for i in 0..<rows where !hasNulls || !c.isNull(i) {
                if pairs.insert(Int(gid[i]) * values.count + Int(values.ids[i])).inserted { seen[Int(gid[i])] += 1 }
            }
            return Column(name: "", storage: .int(seen))
        case "sum":
            switch c.storage {
            case .int(let a), .decimal(let a, _):
                let (sums, counts, overflow) = sumExact(a, c.validity, gid, groups: groups)
                let valid = validity(counts, overflow)
                if case .decimal(_, let s) = c.storage { return Column(name: "", storage: .decimal(sums, scale: s), validity: valid) }
                return Column(name: "", storage: .int(sums), validity: valid)
            default:
                let x = NumericVector(c).doubles
                var sums = [Double](repeating: 0, count: groups)
                for i in 0..<rows where !hasNulls || !c.isNull(i) { sums[Int(gid[i])] += x[i]; seen[Int(gid[i])] += 1 }
                return Column(name: "", storage: .double(sums), validity: validity(seen, []))
            }
        case "avg", "stddev":
            let x = NumericVector(c).doubles
            // Welford's algorithm: numerically stable mean and variance.
            var mean = [Double](repeating: 0, count: groups), m2 = [Double](repeating: 0, count: groups)
            for i in 0..<rows where !hasNulls || !c.isNull(i) {
                let k = Int(gid[i])
                seen[k] += 1
                let d = x[i] - mean[k]
                mean[k] += d / Double(seen[k])
                m2[k] += d * (x[i] - mean[k])
            }
            if spec.function == "avg" { return Column(name: "", storage: .double(mean), validity: validity(seen, [])) }
            let sd = (0..<groups).map { seen[$0] > 1 ? (m2[$0] / Double(seen[$0] - 1)).squareRoot() : 0 }
            return Column(name: "", storage: .double(sd), validity: validity(seen.map { $0 > 1 ? $0 : 0 }, []))
        case "median", "percentile":
            let x = NumericVector(c).doubles
            var buckets = [[Double]](repeating: [], count: groups)
            for i in 0..<rows where !hasNulls || !c.isNull(i) { buckets[Int(gid[i])].append(x[i]); seen[Int(gid[i])] += 1 }
            let p = spec.function == "median" ? 0.5 : spec.parameter
            let out = buckets.map { b -> Double in
                if b.isEmpty { return 0 }
                let s = b.sorted()
                let pos = p * Double(s.count - 1)
                let lo = Int(pos.rounded(.down)), hi = Int(pos.rounded(.up))
                return s[lo] + (s[hi] - s[lo]) * (pos - Double(lo))
            }
            return Column(name: "", storage: .double(out), validity: validity(seen, []))
        case "first", "last":
            var pick = [Int](repeating: -1, count: groups)
            let isFirst = spec.function == "first"
            for i in 0..<rows where !hasNulls || !c.isNull(i) {
                let k = Int(gid[i])
                if !isFirst || pick[k] < 0 { pick[k] = i }
            }
            return gatherOrNull(c, pick)
        default:  // min, max
            let isMin = spec.function == "min"
            var pick = [Int](repeating: -1, count: groups)
            let order = SortKeys.rankable(c)
            for i in 0..<rows where !hasNulls || !c.isNull(i) {
                let k = Int(gid[i])
                let j = pick[k]
                if j < 0 || (isMin ? order.less(i, j) : order.less(j, i)) { pick[k] = i }
            }
            return gatherOrNull(c, pick)
        }
    }

    /// Exact per-group sums of scaled integers, over raw buffers (the hot loop of most PMO queries).
    /// Returns the sums, the non-null count per group, and the groups whose sum overflowed.
    static func sumExact(_ a: [Int64], _ valid: Bitmap?, _ gid: [Int32], groups: Int) -> ([Int64], [Int64], [Int]) {
        var sums = [Int64](repeating: 0, count: groups)
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
