import RealizeQuery
import RealizeStore

extension FinancialCells {
    /// Most cells a dense grid may have for its rows to be summed a range per core: each range sums into a grid of
    /// its own, so the grids must stay small beside the rows (a programme × month grid is, a project × month grid at
    /// the large scale is not: summing it per range was measured slower there).
    static let parallelGridLimit = 1 << 16

    /// One range's grid: 64-bit sums while no cell overflows 64 bits, else the range summed again in 128 bits.
    struct RangeGrid: Sendable {
        /// The 64-bit sums; empty when the range was summed in 128 bits, or as ``costs``.
        var narrow: [NarrowSums]
        /// The 64-bit actual costs alone, when planned and earned value are absent (``AmountColumn/absent(rows:)``);
        /// else empty.
        var costs: [Int64]
        /// The 128-bit sums; empty when the range was summed in 64 bits.
        var wide: [FinancialData.Amounts]
        /// Per cell: whether a row of the range falls in it.
        var hit: [Bool]
    }

    /// A cell's PV, EV and AC summed in 64 bits (half the bytes of ``FinancialData/Amounts``).
    struct NarrowSums: Sendable {
        var pv: Int64 = 0, ev: Int64 = 0, ac: Int64 = 0
    }

    /// The dense grid's cells for 64-bit amounts, a contiguous range of rows per core (``ParallelRanges``), each
    /// cell's sums added over the ranges in range order; nil when the grid is too large (the caller then sums
    /// serially).
    ///
    /// Exact and identical to the serial sum: each range sums a cell in 64 bits with overflow detection, and sums
    /// it again in 128 bits if any of its cells overflows (never a wrap); the ranges' sums are added as 128-bit
    /// integers, and integer addition does not depend on its order.
    ///
    /// - Throws: `cancelled` (checked before the ranges start and every 64K rows of each range).
    static func narrowGridInRanges(
        _ rows: FinancialRows, groups: Int, width: Int, low: Int, pv: AmountColumn, ev: AmountColumn, ac: AmountColumn, input: InputTables
    ) throws(QueryError) -> FinancialCells? {
        let grid = groups * width
        guard grid <= parallelGridLimit else { return nil }
        let token = input.session.cancellation
        let parts = ParallelRanges.map(rows: rows.count, shouldStop: { input.session.isCancelled }) { range, _ -> RangeGrid? in
            if let part = narrowGrid(rows, range, cells: grid, width: width, low: low, pv: pv, ev: ev, ac: ac, token: token) { return part }
            if token?.isCancelled == true { return nil }
            let wide = wideGrid(rows, range, cells: grid, width: width, low: low, pv: pv, ev: ev, ac: ac)
            return RangeGrid(narrow: [], costs: [], wide: wide, hit: wideHits(rows, range, grid, width, low))
        }
        guard let parts, parts.allSatisfy({ $0 != nil }), token?.isCancelled != true else {
            throw InputError.make(.cancelled, "query cancelled", at: input.at)
        }
        // The ranges' sums added cell by cell in range order, over raw buffers, into one slot per cell with rows
        // (no grid of 128-bit totals): 64-bit sums of a few ranges cannot overflow 128 bits.
        let ranges = parts.map { $0! }
        var any = [Bool](repeating: false, count: grid)
        for part in ranges {
            part.hit.withUnsafeBufferPointer { h in
                any.withUnsafeMutableBufferPointer { a in
                    for k in 0..<grid where h[k] { a[k] = true }
                }
            }
        }
        var slot = [Int](repeating: -1, count: grid)
        var count = 0
        for k in 0..<grid where any[k] {
            slot[k] = count
            count += 1
        }
        var sums = [FinancialData.Amounts](repeating: .init(), count: count)
        sums.withUnsafeMutableBufferPointer { t in
            slot.withUnsafeBufferPointer { at in
                for part in ranges {
                    part.hit.withUnsafeBufferPointer { h in
                        if !part.costs.isEmpty {
                            part.costs.withUnsafeBufferPointer { c in
                                for k in 0..<grid where h[k] { t[at[k]].ac &+= Int128(c[k]) }
                            }
                        } else if !part.narrow.isEmpty {
                            part.narrow.withUnsafeBufferPointer { s in
                                for k in 0..<grid where h[k] {
                                    t[at[k]].pv &+= Int128(s[k].pv)
                                    t[at[k]].ev &+= Int128(s[k].ev)
                                    t[at[k]].ac &+= Int128(s[k].ac)
                                }
                            }
                        } else {
                            for k in 0..<grid where h[k] { t[at[k]] = t[at[k]] + part.wide[k] }
                        }
                    }
                }
            }
        }
        var cells = FinancialCells()
        cells.reserve(cells: count, groups: groups)
        for g in 0..<groups {
            for o in 0..<width where any[g * width + o] { cells.append(Int32(low + o), sums[slot[g * width + o]]) }
            cells.closeGroup()
        }
        return cells
    }

    /// The 128-bit sums of `range` (after a 64-bit overflow there).
    private static func wideGrid(
        _ rows: FinancialRows, _ range: Range<Int>, cells grid: Int, width: Int, low: Int, pv: AmountColumn, ev: AmountColumn, ac: AmountColumn
    ) -> [FinancialData.Amounts] {
        var sums = [FinancialData.Amounts](repeating: .init(), count: grid)
        for row in range {
            let g = rows.group(row)
            if g < 0 { continue }
            let k = g * width + (Int(rows.period[row]) - low)
            sums[k].pv &+= Int128(pv.narrow(row))
            sums[k].ev &+= Int128(ev.narrow(row))
            sums[k].ac &+= Int128(ac.narrow(row))
        }
        return sums
    }

    private static func wideHits(_ rows: FinancialRows, _ range: Range<Int>, _ grid: Int, _ width: Int, _ low: Int) -> [Bool] {
        var hit = [Bool](repeating: false, count: grid)
        for row in range {
            let g = rows.group(row)
            if g >= 0 { hit[g * width + (Int(rows.period[row]) - low)] = true }
        }
        return hit
    }
}
