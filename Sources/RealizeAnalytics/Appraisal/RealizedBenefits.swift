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
    ///
    /// Three passes over the rows: each counting row's group (created in row order, as row-by-row lookup would),
    /// then per group its rows, Σ|units| and first period, then the rows placed side by side. The per-row loops run
    /// over raw buffers, in chunks of 64K rows with a look at the cancellation token between them.
    /// - Throws: ``QueryError``: `numeric-overflow` naming the group, `cancelled`.
    mutating func collect(through status: Int32, grouping: inout ProjectGrouping, input: InputTables) throws(QueryError) {
        // Locals, not `self`'s properties, in the loops: no retain and release of their buffers per row.
        let realized = self.realized, rowPeriods = self.rowPeriods, ids = self.ids, n = rowCount
        let chunk = 1 << 16
        var rowGroup = [Int32](repeating: -1, count: n)
        // A row's group is looked up once its period and amount count (an unknown project becomes a group then).
        if case .text(let codes, let dictionary) = ids.storage {
            // Through the dictionary codes, bound once here (`RowGroups` binds them per row).
            let idWords = ids.validity?.words ?? []
            var codeGroup = [Int32](repeating: -1, count: dictionary.count)
            for low in stride(from: 0, to: n, by: chunk) {
                try input.checkCancelled(row: 0)
                for r in low..<min(n, low + chunk) {
                    guard let p = rowPeriods[r], p <= status, realized[r] != nil else { continue }
                    if !idWords.isEmpty, idWords[r >> 6] & (1 << UInt64(r & 63)) == 0 { continue }
                    let code = Int(codes[r])
                    var g = codeGroup[code]
                    if g < 0 {
                        g = Int32(grouping.group(ofProject: dictionary[code]))
                        codeGroup[code] = g
                    }
                    rowGroup[r] = g
                }
            }
        } else {
            var rows = RowGroups(ids, input: input)
            for r in 0..<n {
                try input.checkCancelled(row: r)
                guard let p = rowPeriods[r], p <= status, realized[r] != nil, let g = rows.group(ofRow: r, in: &grouping) else { continue }
                rowGroup[r] = Int32(g)
            }
        }
        // Per group (the groups are all known now): rows, Σ|units| (saturating at `UInt128.max`), first period.
        let groups = grouping.count
        var count = [Int](repeating: 0, count: groups)
        var magnitude = [UInt128](repeating: 0, count: groups)
        var first = [Int32](repeating: .max, count: groups)
        for low in stride(from: 0, to: n, by: chunk) {
            try input.checkCancelled(row: 0)
            count.withUnsafeMutableBufferPointer { count in
                magnitude.withUnsafeMutableBufferPointer { magnitude in
                    first.withUnsafeMutableBufferPointer { first in
                        for r in low..<min(n, low + chunk) where rowGroup[r] >= 0 {
                            let g = Int(rowGroup[r])
                            count[g] += 1
                            let (sum, overflow) = magnitude[g].addingReportingOverflow(realized[r]!.magnitude)
                            magnitude[g] = overflow ? .max : sum
                            first[g] = min(first[g], rowPeriods[r]!)
                        }
                    }
                }
            }
        }
        self.first = first
        let largest = FixedDecimal.maxUnits.magnitude
        if magnitude.contains(where: { $0 > largest }) {
            try Self.throwFirstOverflow(rowGroup, realized, groupCount: groups, grouping: grouping, input: input)
        }
        start.reserveCapacity(groups + 1)
        for c in count { start.append(start[start.count - 1] + c) }
        var next = start
        var periods = [Int32](repeating: 0, count: start[start.count - 1])
        var units = [Int128](repeating: 0, count: periods.count)
        next.withUnsafeMutableBufferPointer { next in
            periods.withUnsafeMutableBufferPointer { periods in
                units.withUnsafeMutableBufferPointer { units in
                    for r in 0..<n where rowGroup[r] >= 0 {
                        let g = Int(rowGroup[r])
                        periods[next[g]] = rowPeriods[r]!
                        units[next[g]] = realized[r]!
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
}
