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
    private var start: [Int] = [0]
    private var periods: [Int32] = []
    private var units: [Int128] = []
    private var first: [Int32] = []

    private let rowCount: Int
    private let ids: Column
    private let rowPeriods: [Int32?]
    private let realized: RealizedAmounts

    /// Reads the table's columns.
    /// - Throws: ``QueryError``: a missing table or column, `type-mismatch`, `numeric-overflow` naming the row.
    init(scale: Int, input: InputTables) throws(QueryError) {
        let benefits = try input.table("benefits", for: "appraise (benefits realized)")
        rowCount = benefits.rowCount
        ids = try input.column(benefits, "benefits", "project_id")
        rowPeriods = try input.periods(try input.column(benefits, "benefits", "period"), "benefits")
        realized = try RealizedAmounts(try input.column(benefits, "benefits", "realized"), scale: scale, input: input)
    }

    /// Places the rows up to `status` by group.
    /// - Throws: ``QueryError``: `numeric-overflow` naming the group, `cancelled`.
    mutating func collect(through status: Int32, grouping: inout ProjectGrouping, input: InputTables) throws(QueryError) {
        // Locals, not `self`'s properties, in the loop: no retain and release of their buffers per row.
        let realized = self.realized, rowPeriods = self.rowPeriods, ids = self.ids
        var tally = Tally(rows: rowCount)
        // A row's group is looked up once its period and amount count (an unknown project becomes a group then).
        if case .text(let codes, let dictionary) = ids.storage {
            // Through the dictionary codes, bound once here (`RowGroups` binds them per row).
            let valid = ids.validity
            var codeGroup = [Int](repeating: -1, count: dictionary.count)
            for r in 0..<rowCount {
                try input.checkCancelled(row: r)
                guard let p = rowPeriods[r], p <= status, let v = realized[r] else { continue }
                if let valid, !valid[r] { continue }
                let code = Int(codes[r])
                if codeGroup[code] < 0 { codeGroup[code] = grouping.group(ofProject: dictionary[code]) }
                tally.keep(r, p, v, codeGroup[code])
            }
        } else {
            var rows = RowGroups(ids, input: input)
            for r in 0..<rowCount {
                try input.checkCancelled(row: r)
                guard let p = rowPeriods[r], p <= status, let v = realized[r], let g = rows.group(ofRow: r, in: &grouping) else { continue }
                tally.keep(r, p, v, g)
            }
        }
        let rowGroup = tally.rowGroup, count = tally.count
        first = tally.first
        let largest = FixedDecimal.maxUnits.magnitude
        if tally.magnitude.contains(where: { $0 > largest }) {
            try Self.throwFirstOverflow(rowGroup, realized, groupCount: count.count, grouping: grouping, input: input)
        }
        for c in count { start.append(start[start.count - 1] + c) }
        var next = start
        periods = [Int32](repeating: 0, count: start[start.count - 1])
        units = [Int128](repeating: 0, count: periods.count)
        for r in rowGroup.indices where rowGroup[r] >= 0 {
            let g = Int(rowGroup[r])
            periods[next[g]] = rowPeriods[r]!
            units[next[g]] = realized[r]!
            next[g] += 1
        }
    }

    /// The earliest period with a realized row of group `g`, nil when it has none.
    func firstPeriod(_ g: Int) -> Int32? { g < first.count && first[g] != .max ? first[g] : nil }

    /// Group `g`'s realized units by month from `origin`: entry k holds the sum of its rows in period origin + k.
    /// - Precondition: every row of `g` is in origin..<origin + months (true of `firstPeriod(g)...status`).
    func monthly(_ g: Int, from origin: Int32, months: Int) -> [Int128] {
        var out = [Int128](repeating: 0, count: months)
        guard g + 1 < start.count else { return out }
        for i in start[g]..<start[g + 1] { out[Int(periods[i] - origin)] += units[i] }
        return out
    }

    private static func throwFirstOverflow(
        _ rowGroup: [Int32], _ realized: RealizedAmounts, groupCount: Int, grouping: ProjectGrouping, input: InputTables
    ) throws(QueryError) {
        var bounds = [AmountBound](repeating: AmountBound(), count: groupCount)
        for r in rowGroup.indices where rowGroup[r] >= 0 {
            let g = Int(rowGroup[r])
            guard bounds[g].add(realized[r]!) else {
                throw input.amountOverflow("the sum of realized", keyName: grouping.keyNames[0], keyValue: grouping.keyValues[g][0])
            }
        }
    }

    /// The rows kept, per row and per group (a struct, so the loops' updates are not to captured, boxed arrays).
    private struct Tally {
        /// Per row: its group, or -1 when it does not count.
        var rowGroup: [Int32]
        var count: [Int] = []
        /// Σ|units| per group, saturating at `UInt128.max`.
        var magnitude: [UInt128] = []
        var first: [Int32] = []

        init(rows: Int) { rowGroup = [Int32](repeating: -1, count: rows) }

        @inline(__always) mutating func keep(_ r: Int, _ p: Int32, _ v: Int128, _ g: Int) {
            while count.count <= g {
                count.append(0)
                magnitude.append(0)
                first.append(.max)
            }
            rowGroup[r] = Int32(g)
            count[g] += 1
            let (sum, overflow) = magnitude[g].addingReportingOverflow(v.magnitude)
            magnitude[g] = overflow ? .max : sum
            first[g] = min(first[g], p)
        }
    }
}
