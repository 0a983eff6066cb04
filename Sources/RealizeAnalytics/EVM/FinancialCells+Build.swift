import RealizeQuery
import RealizeStore

extension FinancialCells {
    /// The amounts of `rows`, summed per group and period in exact units, with each group's Σ|PV|, Σ|EV|, Σ|AC|.
    ///
    /// Few cells (groups × months of the period span at most `denseLimit`, by default half the rows): one sequential
    /// pass into a dense grid. Otherwise the rows are bucketed by group (a counting sort of row numbers) and each
    /// group is summed into a scratch row of the span, so memory stays one cell per group and month with data.
    ///
    /// - Returns: the cells, and whether some group's Σ|amount| passed 38 digits: the sums are then not to be
    ///   trusted and the caller names the first row that overflows (``FinancialData``).
    /// - Throws: `cancelled` (checked every 4096 rows), `result-too-large` past `.set memory_limit`.
    static func build(
        _ rows: FinancialRows, groups: Int, pv: AmountColumn, ev: AmountColumn, ac: AmountColumn, input: InputTables, denseLimit: Int? = nil
    ) throws(QueryError) -> (cells: FinancialCells, overflow: Bool) {
        var cells = FinancialCells()
        guard let span = rows.span else {
            for _ in 0..<groups { cells.closeGroup() }
            return (cells, false)
        }
        let n = rows.count
        let width = Int(span.upperBound) - Int(span.lowerBound) + 1
        let (grid, wide) = groups.multipliedReportingOverflow(by: width)
        let dense = !wide && grid <= (denseLimit ?? max(n / 2, 1 << 16))
        let cellBytes = MemoryLayout<FinancialData.Amounts>.stride + MemoryLayout<Int32>.stride
        let outCells = wide ? n : min(n, grid)
        try input.checkMemory(
            "the per-group, per-period sums", bytes: outCells * cellBytes + (dense ? grid * (cellBytes + 1) : n * 4 + min(width, scratchLimit) * cellBytes))
        cells.reserve(cells: dense ? 0 : outCells, groups: groups)
        if dense {
            return try buildDense(rows, groups: groups, width: width, low: span.lowerBound, pv: pv, ev: ev, ac: ac, input: input, into: cells)
        }
        return try buildBucketed(rows, groups: groups, width: width, low: span.lowerBound, pv: pv, ev: ev, ac: ac, input: input, into: cells)
    }

    /// Widest period span summed through a scratch row; wider spans use a dictionary per group.
    static let scratchLimit = 1 << 22

    private static func buildDense(
        _ rows: FinancialRows, groups: Int, width: Int, low: Int32, pv: AmountColumn, ev: AmountColumn, ac: AmountColumn, input: InputTables,
        into start: FinancialCells
    ) throws(QueryError) -> (cells: FinancialCells, overflow: Bool) {
        var cells = start
        let low = Int(low)
        let narrow = pv.isNarrowUnits && ev.isNarrowUnits && ac.isNarrowUnits
        // 64-bit amounts into a small grid: a range of rows per core, the grids added in range order.
        if narrow, let cells = try narrowGridInRanges(rows, groups: groups, width: width, low: low, pv: pv, ev: ev, ac: ac, input: input) {
            return (cells, false)
        }
        var sums = [FinancialData.Amounts](repeating: .init(), count: groups * width)
        var hit = [Bool](repeating: false, count: groups * width)
        var bounds = [GroupMagnitudes](repeating: .init(), count: groups)
        let n = rows.count, period = rows.period
        // In chunks of 64K rows: the cancellation check stays out of the inner loop, which runs over raw buffers.
        for chunk in stride(from: 0, to: n, by: 1 << 16) {
            try input.checkCancelled(row: 0)
            let end = min(n, chunk + (1 << 16))
            if narrow {
                // 64-bit amounts: no bound can pass 38 digits (see ``AmountColumn/isNarrowUnits``), none is kept.
                sums.withUnsafeMutableBufferPointer { s in
                    hit.withUnsafeMutableBufferPointer { h in
                        for row in chunk..<end {
                            let g = rows.group(row)
                            if g < 0 { continue }
                            let k = g * width + (Int(period[row]) - low)
                            s[k].pv &+= Int128(pv.narrow(row))
                            s[k].ev &+= Int128(ev.narrow(row))
                            s[k].ac &+= Int128(ac.narrow(row))
                            h[k] = true
                        }
                    }
                }
                continue
            }
            sums.withUnsafeMutableBufferPointer { s in
                hit.withUnsafeMutableBufferPointer { h in
                    bounds.withUnsafeMutableBufferPointer { b in
                        for row in chunk..<end {
                            let g = rows.group(row)
                            if g < 0 { continue }
                            let k = g * width + (Int(period[row]) - low)
                            let x = pv[row], y = ev[row], z = ac[row]
                            s[k].pv &+= x
                            s[k].ev &+= y
                            s[k].ac &+= z
                            h[k] = true
                            b[g].add(x, y, z)
                        }
                    }
                }
            }
        }
        let overflow = bounds.contains { $0.passes38Digits }
        cells.reserve(cells: hit.reduce(0) { $0 + ($1 ? 1 : 0) }, groups: groups)
        for g in 0..<groups {
            for o in 0..<width where hit[g * width + o] { cells.append(Int32(low + o), sums[g * width + o]) }
            cells.closeGroup()
        }
        return (cells, overflow)
    }

    private static func buildBucketed(
        _ rows: FinancialRows, groups: Int, width: Int, low: Int32, pv: AmountColumn, ev: AmountColumn, ac: AmountColumn, input: InputTables,
        into start: FinancialCells
    ) throws(QueryError) -> (cells: FinancialCells, overflow: Bool) {
        var cells = start
        let period = rows.period
        let rowsPerGroup = try rows.rowsPerGroup(groups: groups, input: input)
        // A counting sort of the kept rows by group, keeping row order within a group.
        var first = [Int](repeating: 0, count: groups + 1)
        for g in 0..<groups { first[g + 1] = first[g] + rowsPerGroup[g] }
        var fill = first
        var order = [Int32](repeating: 0, count: first[groups])
        for chunk in stride(from: 0, to: rows.count, by: 1 << 16) {
            try input.checkCancelled(row: 0)
            order.withUnsafeMutableBufferPointer { o in
                fill.withUnsafeMutableBufferPointer { f in
                    for row in chunk..<min(rows.count, chunk + (1 << 16)) {
                        let g = rows.group(row)
                        if g < 0 { continue }
                        o[f[g]] = Int32(truncatingIfNeeded: row)
                        f[g] += 1
                    }
                }
            }
        }
        let useScratch = width <= scratchLimit
        var scratch = [FinancialData.Amounts](repeating: .init(), count: useScratch ? width : 0)
        var hit = [Bool](repeating: false, count: useScratch ? width : 0)
        var touched: [Int] = []
        var wideCells: [Int: FinancialData.Amounts] = [:]
        var overflow = false, sinceCheck = 0
        let narrow = pv.isNarrowUnits && ev.isNarrowUnits && ac.isNarrowUnits
        for g in 0..<groups {
            sinceCheck += first[g + 1] - first[g]
            if sinceCheck >= 1 << 16 {
                sinceCheck = 0
                try input.checkCancelled(row: 0)
            }
            if useScratch {
                let r = first[g]..<first[g + 1]
                let o = sumThroughScratch(r, order, period, low: Int(low), narrow: narrow, (pv, ev, ac), &scratch, &hit, &touched, into: &cells)
                overflow = overflow || o
                cells.closeGroup()
                continue
            }
            var bounds = GroupMagnitudes()
            for k in first[g]..<first[g + 1] {
                let row = Int(order[k])
                let off = Int(period[row]) - Int(low)
                let a = pv[row], b = ev[row], c = ac[row]
                wideCells[off, default: .init()].pv &+= a
                wideCells[off, default: .init()].ev &+= b
                wideCells[off, default: .init()].ac &+= c
                if narrow { continue }  // 64-bit amounts: no bound can pass 38 digits
                bounds.add(a, b, c)
            }
            overflow = overflow || bounds.passes38Digits
            for off in wideCells.keys.sorted() { cells.append(low + Int32(truncatingIfNeeded: off), wideCells[off] ?? .init()) }
            wideCells.removeAll(keepingCapacity: true)
            cells.closeGroup()
        }
        return (cells, overflow)
    }
}
