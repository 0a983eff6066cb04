import RealizeQuery
import RealizeStore

/// `benefits.realized` up to the status period, per group: each row's period and exact units, the group's rows
/// side by side (counted first, then placed, so nothing grows and moves).
///
/// A row counts when its period is at most the status, its amount is not null and its project has a group (one the
/// grouping lacks is added, as ``ProjectGrouping/group(ofProject:)`` does). Each group's Σ|realized| is bounded by
/// 38 digits, so every sum of its amounts fits; past that, the rows are replayed in order with an ``AmountBound``
/// per group and the first group to pass is named, the error row-by-row bounding gives.
struct RealizedBenefits {
    var start: [Int] = [0]
    var periods: [Int32] = []
    var units: [Int128] = []
    var first: [Int32] = []
    /// When the rows were summed straight into months (``sumDense(_:codes:idWords:codeGroup:count:status:)``):
    /// group g's sums from `first[g]` to the status at `gridStart[g]..<gridStart[g + 1]` of ``grid`` (then no row
    /// is placed); empty otherwise.
    var gridStart: [Int] = []
    var grid: [Int128] = []
    /// Whether ``grid`` was summed in one pass over rows whose ids all had a group (``sumKnown(_:codes:idWords:known:groups:input:)``).
    var summedKnown = false

    private let rowCount: Int
    private let ids: Column
    private let periodColumn: Column
    private let realized: RealizedAmounts

    /// Reads the table's columns.
    /// - Throws: ``QueryError``: a missing table or column, `type-mismatch`, `numeric-overflow` naming the row.
    init(scale: Int, input: InputTables) throws(QueryError) {
        let benefits = try input.table("benefits", for: "appraise (benefits realized)")
        rowCount = benefits.rowCount
        ids = try input.column(benefits, "benefits", "project_id")
        periodColumn = try input.column(benefits, "benefits", "period")
        switch periodColumn.storage {
        case .period, .date: break
        default: _ = try input.periods(periodColumn, "benefits")  // the type-mismatch error
        }
        realized = try RealizedAmounts(try input.column(benefits, "benefits", "realized"), scale: scale, input: input)
    }

    /// Places the rows up to `status` by group.
    ///
    /// With dictionary-coded project ids, ``collectByCode(_:codes:dictionary:idWords:grouping:input:)`` tallies and
    /// places the rows a range per core. Otherwise two serial passes: the first finds each counting row's group
    /// (created in row order, as row-by-row lookup would) and tallies per group its rows, Σ|units| and first period;
    /// the second places the rows side by side.
    /// - Throws: ``QueryError``: `numeric-overflow` naming the group, `cancelled`.
    mutating func collect(through status: Int32, grouping: inout ProjectGrouping, input: InputTables) throws(QueryError) {
        let rows = try BenefitRows(period: periodColumn, realized: realized, status: status, input: input)
        if case .text(let codes, let dictionary) = ids.storage {
            try collectByCode(rows, codes: codes, dictionary: dictionary, idWords: ids.validity?.words ?? [], grouping: &grouping, input: input)
            return
        }
        let n = rowCount
        var tally = Tally(rows: n, groups: grouping.count, narrow: realized.isNarrowUnits)
        var lookup = RowGroups(ids, input: input)
        for r in 0..<n {
            try input.checkCancelled(row: r)
            guard let p = rows.period(r), let g = lookup.group(ofRow: r, in: &grouping) else { continue }
            tally.reserve(groups: g + 1)
            tally.withBuffers { $0.keep(r, p, rows.realized.units(r), g) }
        }
        let groups = grouping.count, rowGroup = tally.rowGroup
        first = Array(tally.first.prefix(groups))
        if tally.magnitude.contains(where: { $0 > FixedDecimal.maxUnits.magnitude }) {
            try Self.throwFirstOverflow(rows: n, groupCount: groups, grouping: grouping, input: input) { r in
                rowGroup[r] >= 0 ? (Int(rowGroup[r]), rows.realized.units(r)) : nil
            }
        }
        start.reserveCapacity(groups + 1)
        for c in tally.count.prefix(groups) { start.append(start[start.count - 1] + c) }
        var next = start
        var periods = [Int32](repeating: 0, count: start[start.count - 1])
        var units = [Int128](repeating: 0, count: periods.count)
        next.withUnsafeMutableBufferPointer { next in
            periods.withUnsafeMutableBufferPointer { periods in
                units.withUnsafeMutableBufferPointer { units in
                    for r in 0..<n where rowGroup[r] >= 0 {
                        let g = Int(rowGroup[r])
                        periods[next[g]] = rows.period(r) ?? 0
                        units[next[g]] = rows.realized.units(r)
                        next[g] += 1
                    }
                }
            }
        }
        self.periods = periods
        self.units = units
    }

    /// The earliest period with a realized row of group `g`, nil when it has none.
    func firstPeriod(_ g: Int) -> Int32? { g < first.count && first[g] != .max ? first[g] : nil }

    /// Group `g`'s realized units by month from `origin`: entry k holds the sum of its rows in period origin + k.
    /// - Precondition: every row of `g` is in origin..<origin + months (true of `firstPeriod(g)...status`).
    func monthly(_ g: Int, from origin: Int32, months: Int) -> [Int128] {
        var out = [Int128](repeating: 0, count: months)
        if !gridStart.isEmpty {
            guard g + 1 < gridStart.count, gridStart[g] < gridStart[g + 1] else { return out }
            let shift = Int(first[g] - origin) - gridStart[g]
            for i in gridStart[g]..<gridStart[g + 1] where (0..<months).contains(i + shift) { out[i + shift] += grid[i] }
            return out
        }
        guard g + 1 < start.count else { return out }
        for i in start[g]..<start[g + 1] { out[Int(periods[i] - origin)] += units[i] }
        return out
    }

    /// Replays the counting rows in order (`row(r)`: its group and units, nil when it does not count) with an
    /// ``AmountBound`` per group, and throws for the first group whose Σ|realized| passes 38 digits.
    static func throwFirstOverflow(
        rows: Int, groupCount: Int, grouping: ProjectGrouping, input: InputTables, _ row: (Int) -> (Int, Int128)?
    ) throws(QueryError) {
        var bounds = [AmountBound](repeating: AmountBound(), count: groupCount)
        for r in 0..<rows {
            guard let (g, v) = row(r) else { continue }
            guard bounds[g].add(v) else {
                throw input.amountOverflow("the sum of realized", keyName: grouping.keyNames[0], keyValue: grouping.keyValues[g][0])
            }
        }
    }

    /// The rows kept, per row and per group, with room made for the groups before a pass so that the pass can run
    /// over raw buffers.
    private struct Tally {
        /// Per row: its group, or -1 when it does not count.
        var rowGroup: [Int32]
        var count: [Int]
        /// Σ|units| per group, saturating at `UInt128.max`; not kept (all 0) for 64-bit amounts, whose sums fit.
        var magnitude: [UInt128]
        var first: [Int32]
        let narrow: Bool

        init(rows: Int, groups: Int, narrow: Bool) {
            rowGroup = [Int32](repeating: -1, count: rows)
            count = [Int](repeating: 0, count: groups)
            magnitude = [UInt128](repeating: 0, count: groups)
            first = [Int32](repeating: .max, count: groups)
            self.narrow = narrow
        }

        /// Makes room for groups 0..<groups.
        mutating func reserve(groups: Int) {
            guard count.count < groups else { return }
            let more = groups - count.count
            count += repeatElement(0, count: more)
            magnitude += repeatElement(0, count: more)
            first += repeatElement(.max, count: more)
        }

        /// The tally's arrays as raw buffers, for one pass.
        mutating func withBuffers(_ body: (inout Buffers) -> Void) {
            let narrow = self.narrow
            rowGroup.withUnsafeMutableBufferPointer { rowGroup in
                count.withUnsafeMutableBufferPointer { count in
                    magnitude.withUnsafeMutableBufferPointer { magnitude in
                        first.withUnsafeMutableBufferPointer { first in
                            var b = Buffers(rowGroup: rowGroup, count: count, magnitude: magnitude, first: first, narrow: narrow)
                            body(&b)
                        }
                    }
                }
            }
        }

        /// The tally during a pass; every group it is given has room.
        struct Buffers {
            let rowGroup: UnsafeMutableBufferPointer<Int32>
            let count: UnsafeMutableBufferPointer<Int>
            let magnitude: UnsafeMutableBufferPointer<UInt128>
            let first: UnsafeMutableBufferPointer<Int32>
            let narrow: Bool

            @inline(__always) func keep(_ r: Int, _ p: Int32, _ v: Int128, _ g: Int) {
                rowGroup[r] = Int32(g)
                count[g] += 1
                first[g] = min(first[g], p)
                if narrow { return }
                let (sum, overflow) = magnitude[g].addingReportingOverflow(v.magnitude)
                magnitude[g] = overflow ? .max : sum
            }
        }
    }
}
