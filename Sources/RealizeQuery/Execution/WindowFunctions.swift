import RealizeStore

/// Window functions within partitions, in a given order: running_sum, lag, lead, delta, pct_change,
/// rolling_mean, rank, row_number.
enum WindowFunctions {
    /// Computes one window function; `orderInGroup` lists each partition's rows in window order.
    static func compute(_ name: String, arg: Column?, params: [Int], partitions: [[Int]], rows: Int, type: DataType) -> Column {
        switch name {
        case "row_number", "rank":
            var out = [Int64](repeating: 0, count: rows)
            for part in partitions {
                if name == "row_number" || arg == nil {
                    for (k, r) in part.enumerated() { out[r] = Int64(k + 1) }
                    continue
                }
                // rank(x): 1 for the largest value; ties share a rank; nulls rank last.
                let keys = SortKeys.rankable(arg!)
                let sorted = part.sorted { a, b in
                    let c = keys.compare(a, b)
                    let bothValid = !(arg!.isNull(a) || arg!.isNull(b))
                    return bothValid ? c > 0 : c < 0
                }
                for (k, r) in sorted.enumerated() {
                    out[r] = k > 0 && keys.compare(r, sorted[k - 1]) == 0 ? out[sorted[k - 1]] : Int64(k + 1)
                }
            }
            return Column(name: "", storage: .int(out))
        case "lag", "lead":
            let off = params.first ?? 1
            var src = [Int](repeating: -1, count: rows)
            for part in partitions {
                for (k, r) in part.enumerated() {
                    let j = name == "lag" ? k - off : (off >= part.count ? -1 : k + off)
                    if j >= 0 && j < part.count { src[r] = part[j] }
                }
            }
            return Aggregator.gatherOrNull(arg!, src)
        default:
            let c = arg!
            let x = NumericVector(c).doubles
            var out = [Double](repeating: 0, count: rows)
            var valid = Bitmap(count: rows, value: true)
            var exact: [Int64]? = nil
            var exactScale = 0
            if name == "running_sum" || name == "delta", type != .double {
                let nv = NumericVector(c)
                exactScale = nv.scale
                exact = nv.units(at: exactScale).0
            }
            var exactOut = [Int64](repeating: 0, count: rows)
            for part in partitions {
                var runD = 0.0, runI: Int64 = 0
                var window: [Double] = []
                var prev: Int? = nil
                for r in part {
                    let isNull = c.isNull(r)
                    switch name {
                    case "running_sum":
                        // Nulls add nothing (aggregates skip nulls).
                        if !isNull { runD += x[r]; if let e = exact { runI = runI &+ e[r] } }
                        out[r] = runD; exactOut[r] = runI
                    case "delta", "pct_change":
                        if let p = prev, !isNull {
                            if name == "delta" {
                                out[r] = x[r] - x[p]; if let e = exact { exactOut[r] = e[r] &- e[p] }
                            } else if x[p] != 0 {
                                out[r] = (x[r] - x[p]) / x[p]
                            } else {
                                valid[r] = false
                            }
                        } else {
                            valid[r] = false
                        }
                        if !isNull { prev = r }
                    default:  // rolling_mean over the last n values in order (fewer at the start)
                        let n = params.first ?? 3
                        if !isNull { window.append(x[r]); if window.count > n { window.removeFirst() } }
                        if window.isEmpty { valid[r] = false } else { out[r] = window.reduce(0, +) / Double(window.count) }
                    }
                }
            }
            if exact != nil, type != .double {
                let storage: ColumnStorage = type == .int ? .int(exactOut) : .decimal(exactOut, scale: exactScale)
                return Column(name: "", storage: storage, validity: valid)
            }
            return Column(name: "", storage: .double(out), validity: valid)
        }
    }
}
