import RealizeQuery
import RealizeStore

extension FinancialCells {
    /// The dense grid of 64-bit amounts summed a range of rows per core (see ``ParallelRanges``): each range sums
    /// into a grid of its own, and the grids are added in range order. The sums are exact integers (64-bit amounts
    /// cannot pass 128 bits), so they are those of one pass; nil when the rows are too few for more than one range
    /// or the grid is too large to hold one per range (the caller then sums in one pass).
    ///
    /// - Throws: `cancelled`, looked at every 64K rows in each range.
    static func denseNarrowInRanges(
        _ rows: FinancialRows, width: Int, low: Int, pv: AmountColumn, ev: AmountColumn, ac: AmountColumn, input: InputTables
    ) throws(QueryError) -> (sums: [FinancialData.Amounts], hit: [Bool])? {
        let group = rows.group, period = rows.period
        let n = group.count
        let grid = rows.rowsPerGroup.count * width
        let parts = ParallelRanges.ranges(rows: n).count
        // A grid per range costs memory and a merge: only when they are small beside the rows (whatever their size
        // when a test forces the ranges).
        guard parts > 1, grid * parts <= n / 4 || ParallelRanges.override != nil else { return nil }
        let token = input.session.cancellation
        let partials =
            ParallelRanges.map(rows: n) { range, _ -> (sums: [FinancialData.Amounts], hit: [Bool])? in
                var sums = [FinancialData.Amounts](repeating: .init(), count: grid)
                var hit = [Bool](repeating: false, count: grid)
                for chunk in stride(from: range.lowerBound, to: range.upperBound, by: 1 << 16) {
                    if token?.isCancelled == true { return nil }
                    sums.withUnsafeMutableBufferPointer { s in
                        hit.withUnsafeMutableBufferPointer { h in
                            group.withUnsafeBufferPointer { gr in
                                period.withUnsafeBufferPointer { pe in
                                    for row in chunk..<min(range.upperBound, chunk + (1 << 16)) {
                                        let g = Int(gr[row])
                                        if g < 0 { continue }
                                        let k = g * width + (Int(pe[row]) - low)
                                        s[k].pv &+= Int128(pv.narrow(row))
                                        s[k].ev &+= Int128(ev.narrow(row))
                                        s[k].ac &+= Int128(ac.narrow(row))
                                        h[k] = true
                                    }
                                }
                            }
                        }
                    }
                }
                return (sums, hit)
            } ?? []
        try input.checkCancelled(row: 0)
        guard var total = partials.first ?? nil else { return nil }
        for part in partials.dropFirst() {
            guard let part else { try input.checkCancelled(row: 0); return nil }
            for k in 0..<grid {
                total.sums[k].pv &+= part.sums[k].pv
                total.sums[k].ev &+= part.sums[k].ev
                total.sums[k].ac &+= part.sums[k].ac
                total.hit[k] = total.hit[k] || part.hit[k]
            }
        }
        return total
    }
}
