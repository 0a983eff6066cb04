import RealizeQuery
import RealizeStore

extension FinancialCells {
    /// The 64-bit sums and hits of the rows in `range` over a grid of `cells` cells; nil when a cell's sum
    /// overflows 64 bits (the caller sums the range again in 128 bits) or on Ctrl-C (checked every 64K rows).
    static func narrowGrid(
        _ rows: FinancialRows, _ range: Range<Int>, cells grid: Int, width: Int, low: Int, pv: AmountColumn, ev: AmountColumn, ac: AmountColumn,
        token: CancellationToken?
    ) -> RangeGrid? {
        var hit = [Bool](repeating: false, count: grid)
        var overflow = false
        let plain = rows.idWords.isEmpty && rows.periodWords.isEmpty
        let units = (pv.narrowWithoutNulls, ev.narrowWithoutNulls, ac.narrowWithoutNulls)
        let base = plain ? rows.codeGroup.map { g in g < 0 ? skipped : Int(g) * width - low } : []
        if plain, pv.isAbsent, ev.isAbsent, let z = units.2 {
            // Actual cost alone: a grid of one 64-bit sum a cell, a third of the bytes, so it stays in cache.
            var costs = [Int64](repeating: 0, count: grid)
            for chunk in stride(from: range.lowerBound, to: range.upperBound, by: 1 << 16) {
                if token?.isCancelled == true || overflow { return nil }
                let rowsHere = chunk..<min(range.upperBound, chunk + (1 << 16))
                costs.withUnsafeMutableBufferPointer { s in
                    hit.withUnsafeMutableBufferPointer { h in overflow = sumCostsWithoutNulls(rows, rowsHere, base: base, costs: z, into: s, h) }
                }
            }
            return overflow ? nil : RangeGrid(narrow: [], costs: costs, wide: [], hit: hit)
        }
        var sums = [NarrowSums](repeating: .init(), count: grid)
        for chunk in stride(from: range.lowerBound, to: range.upperBound, by: 1 << 16) {
            if token?.isCancelled == true || overflow { return nil }
            let rowsHere = chunk..<min(range.upperBound, chunk + (1 << 16))
            sums.withUnsafeMutableBufferPointer { s in
                hit.withUnsafeMutableBufferPointer { h in
                    if plain, let x = units.0, let y = units.1, let z = units.2 {
                        overflow = sumWithoutNulls(rows, rowsHere, base: base, units: (x, y, z), into: s, h)
                        return
                    }
                    for row in rowsHere {
                        let g = rows.group(row)
                        if g < 0 { continue }
                        let k = g * width + (Int(rows.period[row]) - low)
                        let (a, o1) = s[k].pv.addingReportingOverflow(pv.narrow(row))
                        let (b, o2) = s[k].ev.addingReportingOverflow(ev.narrow(row))
                        let (c, o3) = s[k].ac.addingReportingOverflow(ac.narrow(row))
                        if o1 || o2 || o3 {
                            overflow = true
                            return
                        }
                        s[k] = NarrowSums(pv: a, ev: b, ac: c)
                        h[k] = true
                    }
                }
            }
        }
        return overflow ? nil : RangeGrid(narrow: sums, costs: [], wide: [], hit: hit)
    }

    /// The hot loop of ``narrowGrid``: no null id, period or amount, every buffer read raw. Each code's first
    /// cell, less the span's first period, is looked up once per code (`base`), so a row's cell is one addition.
    ///
    /// - Returns: whether a sum overflowed 64 bits (the loop stops there: the range is summed again in 128 bits).
    private static func sumWithoutNulls(
        _ rows: FinancialRows, _ range: Range<Int>, base: [Int], units: ([Int64], [Int64], [Int64]),
        into s: UnsafeMutableBufferPointer<NarrowSums>, _ h: UnsafeMutableBufferPointer<Bool>
    ) -> Bool {
        rows.codes.withUnsafeBufferPointer { cd in
            base.withUnsafeBufferPointer { cb in
                rows.period.withUnsafeBufferPointer { pe in
                    units.0.withUnsafeBufferPointer { x in
                        units.1.withUnsafeBufferPointer { y in
                            units.2.withUnsafeBufferPointer { z in
                                for row in range {
                                    let b = cb[Int(cd[row])]
                                    if b == skipped { continue }
                                    let k = b &+ Int(pe[row])
                                    // One branch per add, on its overflow flag (not the flags combined first).
                                    let (a, o1) = s[k].pv.addingReportingOverflow(x[row])
                                    if _slowPath(o1) { return true }
                                    let (e, o2) = s[k].ev.addingReportingOverflow(y[row])
                                    if _slowPath(o2) { return true }
                                    let (c, o3) = s[k].ac.addingReportingOverflow(z[row])
                                    if _slowPath(o3) { return true }
                                    s[k] = NarrowSums(pv: a, ev: e, ac: c)
                                    h[k] = true
                                }
                                return false
                            }
                        }
                    }
                }
            }
        }
    }

    /// ``sumWithoutNulls`` when planned and earned value are absent (``AmountColumn/absent(rows:)``): only the
    /// actual cost is read, and summed into a grid of costs alone.
    private static func sumCostsWithoutNulls(
        _ rows: FinancialRows, _ range: Range<Int>, base: [Int], costs: [Int64], into s: UnsafeMutableBufferPointer<Int64>,
        _ h: UnsafeMutableBufferPointer<Bool>
    ) -> Bool {
        rows.codes.withUnsafeBufferPointer { cd in
            base.withUnsafeBufferPointer { cb in
                rows.period.withUnsafeBufferPointer { pe in
                    costs.withUnsafeBufferPointer { z in
                        for row in range {
                            let b = cb[Int(cd[row])]
                            if b == skipped { continue }
                            let k = b &+ Int(pe[row])
                            let (c, o) = s[k].addingReportingOverflow(z[row])
                            if _slowPath(o) { return true }
                            s[k] = c
                            h[k] = true
                        }
                        return false
                    }
                }
            }
        }
    }

    /// The ``sumWithoutNulls`` base of a code whose rows are skipped.
    private static var skipped: Int { .min }
}
