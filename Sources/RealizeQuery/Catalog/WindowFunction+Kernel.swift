import RealizeStore

/// The kernels of the window functions, one loop per function over each partition's rows in window order.
extension WindowFunction {
    /// Computes the function; `partitions` lists each partition's rows in window order, `type` is the result
    /// type the checker gave the call.
    ///
    /// - Throws: ``NumericOverflow`` when an exact running sum or delta does not fit (never a wrap).
    func evaluate(_ arg: Column?, params: [Int], partitions: [[Int]], rows: Int, type: DataType) throws(NumericOverflow) -> Column {
        switch self {
        case .rowNumber, .rank:
            var out = [Int64](repeating: 0, count: rows)
            // The keys of the whole column, built once for every partition.
            let keys = self == .rank ? arg.map(SortKeys.rankable) : nil
            for part in partitions {
                guard let keys, let arg else {
                    for (k, r) in part.enumerated() { out[r] = Int64(k + 1) }
                    continue
                }
                // rank(x): 1 for the largest value; ties share a rank; nulls rank last.
                let sorted = part.sorted { a, b in
                    let c = keys.compare(a, b)
                    let bothValid = !(arg.isNull(a) || arg.isNull(b))
                    return bothValid ? c > 0 : c < 0
                }
                for (k, r) in sorted.enumerated() {
                    out[r] = k > 0 && keys.compare(r, sorted[k - 1]) == 0 ? out[sorted[k - 1]] : Int64(k + 1)
                }
            }
            return Column(name: "", storage: .int(out))
        case .lag, .lead:
            let off = params.first ?? 1
            var src = [Int](repeating: -1, count: rows)
            for part in partitions {
                for (k, r) in part.enumerated() {
                    let j = self == .lag ? k - off : (off >= part.count ? -1 : k + off)
                    if j >= 0 && j < part.count { src[r] = part[j] }
                }
            }
            return Aggregator.gatherOrNull(arg!, src)
        case .runningSum, .delta, .pctChange, .rollingMean:
            return try numeric(arg!, window: params.first ?? 3, partitions: partitions, rows: rows, type: type)
        }
    }

    /// running_sum, delta, pct_change and rolling_mean. running_sum and delta stay exact for ints and decimals.
    private func numeric(_ c: Column, window n: Int, partitions: [[Int]], rows: Int, type: DataType) throws(NumericOverflow) -> Column {
        let nv = NumericVector(c)
        let x = nv.doubles
        var out = [Double](repeating: 0, count: rows)
        var valid = Bitmap(count: rows, value: true)
        let exact: [Int128]? = (self == .runningSum || self == .delta) && type != .double ? try nv.units(at: nv.scale) : nil
        var exactOut = [Int128](repeating: 0, count: rows)
        // rolling_mean of ints and decimals: a running sum of the exact units, divided once per row.
        let rollingUnits: (units: [Int128], scale: Int)? = self == .rollingMean && c.type != .double ? (try nv.units(at: nv.scale), nv.scale) : nil
        var overflow = false
        for part in partitions {
            switch self {
            case .runningSum:
                // Nulls add nothing (aggregates skip nulls).
                var runD = 0.0
                var runI: Int128 = 0
                for r in part {
                    if !c.isNull(r) {
                        runD += x[r]
                        if let e = exact {
                            let (sum, o) = runI.addingReportingOverflow(e[r])
                            runI = sum
                            overflow = overflow || o
                        }
                    }
                    out[r] = runD
                    exactOut[r] = runI
                }
            case .delta, .pctChange:
                var prev: Int? = nil
                for r in part {
                    let isNull = c.isNull(r)
                    if let p = prev, !isNull {
                        if self == .delta {
                            out[r] = x[r] - x[p]
                            if let e = exact {
                                let (d, o) = e[r].subtractingReportingOverflow(e[p])
                                exactOut[r] = d
                                overflow = overflow || o
                            }
                        } else if x[p] != 0 {
                            out[r] = (x[r] - x[p]) / x[p]
                        } else {
                            valid[r] = false
                        }
                    } else {
                        valid[r] = false
                    }
                    if !isNull { prev = r }
                }
            default:  // rolling_mean over the last n values in order (fewer at the start)
                RollingMean.partition(part, x, exact: rollingUnits, window: n, nulls: c.validity, out: &out, valid: &valid)
            }
        }
        if overflow { throw NumericOverflow("\(name) of \(type == .int ? "ints" : "decimals")") }
        if exact != nil {
            let storage: ColumnStorage
            if type == .int {
                var ints = [Int64](repeating: 0, count: rows)
                for r in 0..<rows {
                    guard let v = Int64(exactly: exactOut[r]) else { throw NumericOverflow("\(name) of ints") }
                    ints[r] = v
                }
                storage = .int(ints)
            } else {
                storage = .decimal(exactOut, scale: nv.scale)
            }
            return Column(name: "", storage: storage, validity: valid)
        }
        return Column(name: "", storage: .double(out), validity: ScalarFunction.finite(out, valid))
    }
}
