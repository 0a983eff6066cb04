import RealizeStore

/// `sum(a + b)` and `sum(a - b)` over two decimal columns at one scale, in one pass: the per-row results are
/// summed as they are computed, never stored (a column of units as long as the table spared).
///
/// Results and errors are those of evaluating the argument, then summing: a row whose `+`/`-` overflows
/// (where both operands hold values) throws the operator's overflow, before any overflow of a sum is reported.
enum FusedSum {
    /// The sums per group of `g`, or nil when `spec` is not a sum of `+`/`-` on decimals (the caller then evaluates
    /// the argument). Operands of other shapes are evaluated once and summed the ordinary way.
    static func compute(_ spec: AggregateSpec, _ ev: Evaluator, grouping g: Grouping, rows: Int) throws(NumericOverflow) -> Column? {
        guard spec.function == .sum, case .arithmetic(let op, let l, let r, .decimal) = spec.argument, op == .add || op == .subtract
        else { return nil }
        let a = try ev.eval(l)
        let b = try ev.eval(r)
        guard case .decimal(let x, let s) = a.storage, case .decimal(let y, let t) = b.storage, s == t, x.count == rows, y.count == rows,
            g.groupOf.count == rows, rows > 0
        else {
            return try Aggregator.compute(spec, input: op.arithmetic(a, b, type: .decimal, rows: ev.n), grouping: g, rows: rows)
        }
        let valid = Bitmap.and(a.validity, b.validity)
        let subtract = op == .subtract
        if let x = x.narrow, let y = y.narrow {
            // 64-bit units: Σ(x ± y) = Σx ± Σy over the rows where both hold values, each sum a 64-bit add per row
            // (see Aggregator.sumNarrow); a row's x ± y never leaves 128 bits, and neither do the sums (< 2^127).
            let (sx, counts) = Aggregator.sumNarrow(x, valid, g.groupOf, groups: g.count)
            let (sy, _) = Aggregator.sumNarrow(y, valid, g.groupOf, groups: g.count)
            let sums = subtract ? zip(sx, sy).map { $0 - $1 } : zip(sx, sy).map { $0 + $1 }
            return Column(name: "", storage: .decimal(sums, scale: s), validity: Aggregator.validity(counts, []))
        }
        var sums = [Int128](repeating: 0, count: g.count)
        var counts = [Int64](repeating: 0, count: valid == nil ? 0 : g.count)
        let words = valid?.words ?? []
        let (rowOverflow, sumOverflow) = accumulate(x.widened, y.widened, subtract: subtract, words, g.groupOf, &sums, &counts)
        if rowOverflow { throw NumericOverflow("`\(op.symbol)` on decimals") }
        if sumOverflow { throw NumericOverflow("sum of decimals") }
        return Column(name: "", storage: .decimal(sums, scale: s), validity: Aggregator.validity(valid == nil ? nil : counts, []))
    }

    /// Adds `x[i] ± y[i]` into `sums[gid[i]]` for the valid rows (all when `words` is empty, else counting them);
    /// returns whether a row's `±` and whether a sum overflowed 128 bits.
    private static func accumulate<T: FixedWidthInteger>(
        _ x: [T], _ y: [T], subtract: Bool, _ words: [UInt64], _ groupOf: [Int32], _ sums: inout [Int128], _ counts: inout [Int64]
    ) -> (row: Bool, sum: Bool) {
        var rowOverflow = false
        var sumOverflow = false
        let rows = x.count
        sums.withUnsafeMutableBufferPointer { sm in
            counts.withUnsafeMutableBufferPointer { c in
                x.withUnsafeBufferPointer { x in
                    y.withUnsafeBufferPointer { y in
                        groupOf.withUnsafeBufferPointer { gid in
                            words.withUnsafeBufferPointer { w in
                                var k = Int(gid[0])
                                var acc: Int128 = 0
                                for i in 0..<rows {
                                    let a = Int128(truncatingIfNeeded: x[i])
                                    let b = Int128(truncatingIfNeeded: y[i])
                                    let (d, f) = subtract ? a.subtractingReportingOverflow(b) : a.addingReportingOverflow(b)
                                    if !w.isEmpty {
                                        guard w[i >> 6] & (1 << UInt64(i & 63)) != 0 else { continue }
                                        c[Int(gid[i])] += 1
                                    }
                                    rowOverflow = rowOverflow || f
                                    let gi = Int(gid[i])
                                    if gi != k {
                                        sm[k] = acc
                                        k = gi
                                        acc = sm[k]
                                    }
                                    let (sum, o) = acc.addingReportingOverflow(d)
                                    acc = sum
                                    sumOverflow = sumOverflow || o
                                }
                                sm[k] = acc
                            }
                        }
                    }
                }
            }
        }
        return (rowOverflow, sumOverflow)
    }
}
