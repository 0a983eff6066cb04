import RealizeStore

/// The kernels of the aggregates, over typed buffers. Aggregates skip nulls; a group with no values gives null
/// (count gives 0).
extension AggregateFunction {
    /// Computes the aggregate per group of `g`; `input` is the evaluated argument (nil for `count()`), and
    /// `parameter` percentile's fraction.
    ///
    /// - Throws: ``NumericOverflow`` when an exact sum of a group does not fit (never a wrap).
    func evaluate(_ input: Column?, parameter: Double, grouping g: Grouping, rows: Int) throws(NumericOverflow) -> Column {
        let groups = g.count
        let gid = g.groupOf
        guard let c = input else {
            var counts = [Int64](repeating: 0, count: groups)
            counts.withUnsafeMutableBufferPointer { c in
                gid.withUnsafeBufferPointer { g in
                    for i in 0..<rows { c[Int(g[i])] += 1 }
                }
            }
            return Column(name: "", storage: .int(counts))
        }
        var seen = [Int64](repeating: 0, count: groups)  // non-null values per group
        let hasNulls = c.validity != nil
        switch self {
        case .count:
            for i in 0..<rows where !hasNulls || !c.isNull(i) { seen[Int(gid[i])] += 1 }
            return Column(name: "", storage: .int(seen))
        case .countDistinct:
            let values = Grouping.denseIds(c)
            var pairs = Set<Int>()
            for i in 0..<rows where !hasNulls || !c.isNull(i) {
                if pairs.insert(Int(gid[i]) * values.count + Int(values.ids[i])).inserted { seen[Int(gid[i])] += 1 }
            }
            return Column(name: "", storage: .int(seen))
        case .sum:
            switch c.storage {
            case .int(let a):
                let (sums, counts, overflow) = Aggregator.sumExact(a, c.validity, gid, groups: groups, as: Int64.self)
                if overflow { throw NumericOverflow("sum of ints") }
                return Column(name: "", storage: .int(sums), validity: Aggregator.validity(counts, []))
            case .decimal(let a, let s):
                let sums: [Int128], counts: [Int64]?
                switch a.storage {
                case .narrow(let x): (sums, counts) = Aggregator.sumNarrow(x, c.validity, gid, groups: groups)
                case .wide(let x):
                    let r = Aggregator.sumExact(x, c.validity, gid, groups: groups, as: Int128.self)
                    if r.overflow { throw NumericOverflow("sum of decimals") }
                    (sums, counts) = (r.sums, r.counts)
                }
                return Column(name: "", storage: .decimal(sums, scale: s), validity: Aggregator.validity(counts, []))
            default:
                let x = NumericVector(c).doubles
                var sums = [Double](repeating: 0, count: groups)
                for i in 0..<rows where !hasNulls || !c.isNull(i) {
                    sums[Int(gid[i])] += x[i]
                    seen[Int(gid[i])] += 1
                }
                return Column(name: "", storage: .double(sums), validity: ScalarFunction.finite(sums, Aggregator.validity(seen, [])))
            }
        case .avg, .stddev:
            let x = NumericVector(c).doubles
            // Welford's algorithm: numerically stable mean and variance.
            var mean = [Double](repeating: 0, count: groups)
            var m2 = [Double](repeating: 0, count: groups)
            for i in 0..<rows where !hasNulls || !c.isNull(i) {
                let k = Int(gid[i])
                seen[k] += 1
                let d = x[i] - mean[k]
                mean[k] += d / Double(seen[k])
                m2[k] += d * (x[i] - mean[k])
            }
            if self == .avg { return Column(name: "", storage: .double(mean), validity: Aggregator.validity(seen, [])) }
            let sd = (0..<groups).map { seen[$0] > 1 ? (m2[$0] / Double(seen[$0] - 1)).squareRoot() : 0 }
            return Column(name: "", storage: .double(sd), validity: Aggregator.validity(seen.map { $0 > 1 ? $0 : 0 }, []))
        case .median, .percentile:
            let x = NumericVector(c).doubles
            var buckets = [[Double]](repeating: [], count: groups)
            // NaN (from a column built in code) has no place in an order: it counts as null here.
            for i in 0..<rows where (!hasNulls || !c.isNull(i)) && !x[i].isNaN {
                buckets[Int(gid[i])].append(x[i])
                seen[Int(gid[i])] += 1
            }
            let p = self == .median ? 0.5 : parameter
            let out = buckets.map { b -> Double in
                if b.isEmpty { return 0 }
                let s = b.sorted()
                let pos = p * Double(s.count - 1)
                let lo = Int(pos.rounded(.down))
                let hi = Int(pos.rounded(.up))
                return s[lo] + (s[hi] - s[lo]) * (pos - Double(lo))
            }
            return Column(name: "", storage: .double(out), validity: Aggregator.validity(seen, []))
        case .first, .last:
            var pick = [Int](repeating: -1, count: groups)
            let isFirst = self == .first
            for i in 0..<rows where !hasNulls || !c.isNull(i) {
                let k = Int(gid[i])
                if !isFirst || pick[k] < 0 { pick[k] = i }
            }
            return Aggregator.gatherOrNull(c, pick)
        case .min, .max:
            let isMin = self == .min
            var pick = [Int](repeating: -1, count: groups)
            let order = SortKeys.rankable(c)
            for i in 0..<rows where !hasNulls || !c.isNull(i) {
                let k = Int(gid[i])
                let j = pick[k]
                if j < 0 || (isMin ? order.less(i, j) : order.less(j, i)) { pick[k] = i }
            }
            return Aggregator.gatherOrNull(c, pick)
        }
    }
}
