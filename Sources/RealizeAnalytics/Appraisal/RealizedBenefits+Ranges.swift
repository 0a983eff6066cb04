import RealizeQuery
import RealizeStore

extension RealizedBenefits {
    /// The counting rows of one range of rows, per project-id code: the first such row, how many, their earliest
    /// period and Σ|units| (saturating; not kept for 64-bit amounts, whose sums fit).
    struct CodeTally: Sendable {
        var firstRow: [Int]
        var count: [Int]
        var first: [Int32]
        var magnitude: [UInt128]
        /// Whether Ctrl-C stopped the range before its end.
        var cancelled = false

        init(codes: Int, narrow: Bool) {
            firstRow = [Int](repeating: .max, count: codes)
            count = [Int](repeating: 0, count: codes)
            first = [Int32](repeating: .max, count: codes)
            magnitude = narrow ? [] : [UInt128](repeating: 0, count: codes)
        }
    }

    /// ``collect(through:grouping:input:)`` with dictionary-coded project ids, a contiguous range of rows per core
    /// (``ParallelRanges``), in two passes.
    ///
    /// The first tallies each range's counting rows per code; the tallies are merged in range order, and the codes'
    /// groups are looked up (an unknown project becomes a group) in the order of their first counting row, as the
    /// row-by-row lookup creates them. The second places each range's rows from where the rows of the ranges
    /// before it end in each group, so every group holds its rows in row order, as serially. Integers only: the
    /// same result whatever the thread timing.
    /// - Throws: ``QueryError``: `numeric-overflow` naming the group, `cancelled`.
    mutating func collectByCode(
        _ rows: BenefitRows, codes: [UInt32], dictionary: [String], idWords: [UInt64], grouping: inout ProjectGrouping, input: InputTables
    ) throws(QueryError) {
        let n = codes.count, codeCount = dictionary.count, narrow = rows.realized.isNarrowUnits
        let token = input.session.cancellation
        // Known ids through ``ProjectGrouping/existingGroups(ofDictionary:)`` (compared at their code, not hashed).
        let known = grouping.existingGroups(ofDictionary: dictionary)
        if try sumKnown(rows, codes: codes, idWords: idWords, known: known, groups: grouping.count, input: input) { return }
        let tallies = ParallelRanges.map(rows: n, shouldStop: { token?.isCancelled == true }) { range, _ in
            Self.tally(rows, codes: codes, idWords: idWords, range: range, codeCount: codeCount, narrow: narrow, token: token)
        }
        guard let tallies, !tallies.contains(where: \.cancelled) else { throw InputError.make(.cancelled, "query cancelled", at: input.at) }
        // Codes in the order of their first counting row, then their groups.
        var firstRow = [Int](repeating: .max, count: codeCount)
        for t in tallies {
            for c in 0..<codeCount where t.firstRow[c] < firstRow[c] { firstRow[c] = t.firstRow[c] }
        }
        // Unknown ids added as groups in that order.
        var codeGroup = [Int](repeating: -1, count: codeCount)
        for c in (0..<codeCount).filter({ firstRow[$0] != .max }).sorted(by: { firstRow[$0] < firstRow[$1] }) {
            codeGroup[c] = known[c] >= 0 ? Int(known[c]) : grouping.group(ofProject: dictionary[c])
        }
        let groups = grouping.count
        var count = [Int](repeating: 0, count: groups), magnitude = [UInt128](repeating: 0, count: groups)
        first = [Int32](repeating: .max, count: groups)
        for t in tallies {
            for c in 0..<codeCount where t.count[c] > 0 {
                let g = codeGroup[c]
                count[g] += t.count[c]
                first[g] = min(first[g], t.first[c])
                if narrow { continue }
                let (sum, overflow) = magnitude[g].addingReportingOverflow(t.magnitude[c])
                magnitude[g] = overflow ? .max : sum
            }
        }
        if magnitude.contains(where: { $0 > FixedDecimal.maxUnits.magnitude }) {
            try Self.throwFirstOverflow(rows: n, groupCount: groups, grouping: grouping, input: input) { r in
                guard rows.period(r) != nil, idWords.isEmpty || idWords[r >> 6] & (1 << UInt64(r & 63)) != 0 else { return nil }
                return (codeGroup[Int(codes[r])], rows.realized.units(r))
            }
        }
        if sumDense(rows, codes: codes, idWords: idWords, codeGroup: codeGroup, count: count, status: rows.status) { return }
        start.reserveCapacity(groups + 1)
        for c in count { start.append(start[start.count - 1] + c) }
        // Where each range's rows of a group go: after the rows of the ranges before it.
        var next = Array(start.prefix(groups))
        var rangeNext: [[Int]] = []
        for t in tallies {
            rangeNext.append(next)
            for c in 0..<codeCount where t.count[c] > 0 { next[codeGroup[c]] += t.count[c] }
        }
        let groupOfCode = codeGroup, offsets = rangeNext
        var periods = [Int32](repeating: 0, count: start[groups])
        var units = [Int128](repeating: 0, count: periods.count)
        periods.withUnsafeMutableBufferPointer { p in
            units.withUnsafeMutableBufferPointer { u in
                let out = Placement(periods: p.baseAddress, units: u.baseAddress)
                _ = ParallelRanges.map(rows: n) { range, k in
                    Self.place(rows, codes: codes, idWords: idWords, codeGroup: groupOfCode, range: range, next: offsets[k], into: out)
                }
            }
        }
        self.periods = periods
        self.units = units
    }

    /// Most cells (group × month, from each group's first period to the status) summed straight into a grid a
    /// range of rows per core: each range sums into a grid of its own, so the grid must stay small beside the rows.
    /// Tests lower it to 0 to place the rows (`$denseCells.withValue(0) { … }`).
    @TaskLocal static var denseCells = 1 << 16

    /// Sums the counting rows straight into each group's months (``grid``) when the grid has at most
    /// ``denseCells`` cells, a range of rows per core, the ranges' grids added in range order; false (nothing
    /// done) when it would be larger.
    ///
    /// Exact and the same as summing the placed rows: every partial sum of a group's rows is bounded by its
    /// Σ|units|, checked to fit 38 digits before, and integer addition does not depend on its order.
    private mutating func sumDense(
        _ rows: BenefitRows, codes: [UInt32], idWords: [UInt64], codeGroup: [Int], count: [Int], status: Int32
    ) -> Bool {
        let limit = Self.denseCells
        var offsets = [0]
        offsets.reserveCapacity(count.count + 1)
        for g in count.indices {
            let span = count[g] > 0 ? Int(status - first[g]) + 1 : 0
            offsets.append(offsets[g] + span)
            if offsets[g + 1] > limit { return false }
        }
        let cells = offsets[count.count], firstOf = first, starts = offsets
        let parts =
            ParallelRanges.map(rows: codes.count) { range, _ in
                Self.sum(rows, codes: codes, idWords: idWords, codeGroup: codeGroup, offsets: starts, first: firstOf, range: range, cells: cells)
            } ?? []
        var grid = parts.first ?? [Int128](repeating: 0, count: cells)
        for part in parts.dropFirst() {
            for i in 0..<cells { grid[i] &+= part[i] }
        }
        self.grid = grid
        gridStart = offsets
        return true
    }

    /// One range's rows summed into a grid: group g's month m (from its first period) at `offsets[g] + m`.
    private static func sum(
        _ rows: BenefitRows, codes: [UInt32], idWords: [UInt64], codeGroup: [Int], offsets: [Int], first: [Int32], range: Range<Int>,
        cells: Int
    ) -> [Int128] {
        var grid = [Int128](repeating: 0, count: cells)
        let narrow = rows.realized.isNarrowUnits
        grid.withUnsafeMutableBufferPointer { grid in
            for r in range {
                guard let p = rows.period(r) else { continue }
                if !idWords.isEmpty, idWords[r >> 6] & (1 << UInt64(r & 63)) == 0 { continue }
                let g = codeGroup[Int(codes[r])]
                grid[offsets[g] + Int(p - first[g])] &+= narrow ? Int128(rows.realized.narrow(r)) : rows.realized.units(r)
            }
        }
        return grid
    }

    /// One range's tally (``CodeTally``), looking at Ctrl-C every 64K rows.
    private static func tally(
        _ rows: BenefitRows, codes: [UInt32], idWords: [UInt64], range: Range<Int>, codeCount: Int, narrow: Bool, token: CancellationToken?
    ) -> CodeTally {
        var t = CodeTally(codes: codeCount, narrow: narrow)
        for low in stride(from: range.lowerBound, to: range.upperBound, by: 1 << 16) {
            if token?.isCancelled == true {
                t.cancelled = true
                return t
            }
            for r in low..<min(range.upperBound, low + (1 << 16)) {
                guard let p = rows.period(r) else { continue }
                if !idWords.isEmpty, idWords[r >> 6] & (1 << UInt64(r & 63)) == 0 { continue }
                let c = Int(codes[r])
                if t.count[c] == 0 { t.firstRow[c] = r }
                t.count[c] += 1
                if p < t.first[c] { t.first[c] = p }
                if narrow { continue }
                let (sum, overflow) = t.magnitude[c].addingReportingOverflow(rows.realized.units(r).magnitude)
                t.magnitude[c] = overflow ? .max : sum
            }
        }
        return t
    }

    /// Places one range's counting rows, group `g`'s from `next[g]` on.
    private static func place(
        _ rows: BenefitRows, codes: [UInt32], idWords: [UInt64], codeGroup: [Int], range: Range<Int>, next: [Int], into out: Placement
    ) {
        var next = next
        let narrow = rows.realized.isNarrowUnits
        for r in range {
            guard let p = rows.period(r) else { continue }
            if !idWords.isEmpty, idWords[r >> 6] & (1 << UInt64(r & 63)) == 0 { continue }
            let g = codeGroup[Int(codes[r])]
            out.write(next[g], p, narrow ? Int128(rows.realized.narrow(r)) : rows.realized.units(r))
            next[g] += 1
        }
    }

    /// The placed rows' buffers, written by the ranges at disjoint indices.
    ///
    /// `@unchecked Sendable` because it holds raw pointers: each range writes only the slots from its own `next`
    /// offsets on, which no other range's rows reach (the offsets are the counts of the ranges before it), and the
    /// buffers are read only after ``ParallelRanges/map(rows:shouldStop:_:)`` has returned, which is after every
    /// range has finished.
    struct Placement: @unchecked Sendable {
        let periods: UnsafeMutablePointer<Int32>?
        let units: UnsafeMutablePointer<Int128>?

        @inline(__always) func write(_ i: Int, _ period: Int32, _ value: Int128) {
            periods.unsafelyUnwrapped[i] = period
            units.unsafelyUnwrapped[i] = value
        }
    }
}
