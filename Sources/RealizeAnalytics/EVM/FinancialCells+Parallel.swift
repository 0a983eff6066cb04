import RealizeQuery
import RealizeStore

extension FinancialCells {
    /// Most cells a dense grid may have for its rows to be summed a range per core: each range sums into a grid of
    /// its own, so the grids must stay small beside the rows (a programme × month grid is, a project × month grid at
    /// the large scale is not: summing it per range was measured slower there).
    static let parallelGridLimit = 1 << 16

    /// The dense grid's sums and hits for 64-bit amounts, a contiguous range of rows per core (``ParallelRanges``),
    /// the ranges' grids added in range order; nil when the rows are too few for more than one range, the grid is
    /// too large, or Ctrl-C was pressed before the ranges started (the caller then sums serially, and its chunked
    /// loop stops on the cancellation).
    ///
    /// Exact and identical to the serial sum: cell sums of 64-bit units are added as 128-bit integers, and integer
    /// addition does not depend on its order.
    static func narrowGridInRanges(
        _ rows: FinancialRows, cells grid: Int, width: Int, low: Int, pv: AmountColumn, ev: AmountColumn, ac: AmountColumn, input: InputTables
    ) -> (sums: [FinancialData.Amounts], hit: [Bool])? {
        let n = rows.group.count
        guard grid <= parallelGridLimit, ParallelRanges.ranges(rows: n).count > 1 else { return nil }
        let group = rows.group, period = rows.period
        let parts = ParallelRanges.map(rows: n, shouldStop: { input.session.isCancelled }) { range, _ in
            var sums = [FinancialData.Amounts](repeating: .init(), count: grid)
            var hit = [Bool](repeating: false, count: grid)
            sums.withUnsafeMutableBufferPointer { s in
                hit.withUnsafeMutableBufferPointer { h in
                    group.withUnsafeBufferPointer { gr in
                        period.withUnsafeBufferPointer { pe in
                            for row in range {
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
            return (sums, hit)
        }
        guard var parts, !parts.isEmpty else { return nil }
        var (sums, hit) = parts.removeFirst()
        for (s, h) in parts {
            for k in 0..<grid where h[k] {
                sums[k].pv &+= s[k].pv
                sums[k].ev &+= s[k].ev
                sums[k].ac &+= s[k].ac
                hit[k] = true
            }
        }
        return (sums, hit)
    }
}
