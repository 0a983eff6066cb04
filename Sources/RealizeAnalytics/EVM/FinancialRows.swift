import RealizeQuery
import RealizeStore

/// The group and period of each `financials` row.
///
/// A row's group is looked up through a small table: `codeGroup[codes[row]]`. When `project_id` is text and every
/// id met in the kept rows is known to `projects`, `codes` are the column's own dictionary codes (shared, not
/// copied) and `codeGroup` maps each dictionary entry to its group, so no per-row array is written at all; the rows
/// are then scanned once, a range per core, for the period span (``scanRanges(_:_:codeGroup:periods:input:)``).
/// Otherwise one serial pass creates the groups of unknown ids in the order they first appear and stores each row's
/// group as a code of its own (`group + 1`, 0 for a skipped row).
struct FinancialRows {
    /// Per row: an index into ``codeGroup``.
    let codes: [UInt32]
    /// Per code: its group, or -1 for a row that is skipped.
    let codeGroup: [Int32]
    /// Validity words of the ids and of the periods (empty: no nulls, or already folded into ``codes``).
    let idWords: [UInt64], periodWords: [UInt64]
    /// Per row: its period (`year * 12 + month - 1`); meaningless where the row is skipped.
    let period: [Int32]
    /// The least and the greatest period of the rows kept; nil when no row is kept.
    let span: ClosedRange<Int32>?

    /// The number of rows.
    var count: Int { period.count }

    /// The group of `row`, or -1 when its project id or its period is null (the row is skipped, as `sum` skips nulls).
    @inline(__always) func group(_ row: Int) -> Int {
        if !idWords.isEmpty, idWords[row >> 6] & (1 << UInt64(row & 63)) == 0 { return -1 }
        if !periodWords.isEmpty, periodWords[row >> 6] & (1 << UInt64(row & 63)) == 0 { return -1 }
        return Int(codeGroup[Int(codes[row])])
    }

    /// Groups are created in `grouping` in the order their project ids first appear, as
    /// ``ProjectGrouping/group(ofProject:)`` row by row would.
    ///
    /// - Throws: ``QueryError``: `type-mismatch` when `periods` holds neither periods nor dates, `cancelled`.
    init(ids: Column, periods: Column, grouping: inout ProjectGrouping, input: InputTables) throws(QueryError) {
        let period: [Int32]
        switch periods.storage {
        case .period(let a): period = a
        default: period = try input.periods(periods, "financials").map { $0 ?? 0 }
        }
        let idWords = ids.validity?.words ?? [], periodWords = periods.validity?.words ?? []
        if case .text(let codes, let dict) = ids.storage {
            // Each dictionary entry's group, without creating any: an id `projects` lacks maps to -1 for now.
            let known = grouping.existingGroups(ofDictionary: dict)
            let scan = try Self.scanRanges(codes, idWords, periodWords, codeGroup: known, periods: period, input: input)
            if !scan.unknown {
                self.codes = codes
                codeGroup = known
                self.idWords = idWords
                self.periodWords = periodWords
                self.period = period
                span = scan.span
                return
            }
        }
        let (rowCodes, low, high) = try Self.serialGroups(ids, idWords, periodWords, period, grouping: &grouping, input: input)
        codes = rowCodes
        codeGroup = [-1] + (0..<Int32(grouping.count))
        self.idWords = []
        self.periodWords = []
        self.period = period
        span = low <= high ? low...high : nil
    }

    /// One pass in row order: each kept row's group (creating the groups of ids `projects` lacks as they first
    /// appear), stored as `group + 1` (0: skipped), and the period span of the kept rows.
    private static func serialGroups(
        _ ids: Column, _ idWords: [UInt64], _ periodWords: [UInt64], _ period: [Int32], grouping: inout ProjectGrouping, input: InputTables
    ) throws(QueryError) -> (codes: [UInt32], low: Int32, high: Int32) {
        let n = ids.count
        var out = [UInt32](repeating: 0, count: n)
        var low = Int32.max, high = Int32.min
        if case .text(let codes, let dict) = ids.storage {
            var codeGroup = [Int32](repeating: -1, count: dict.count)
            // In chunks of 64K rows: the cancellation check stays out of the inner loop.
            for chunk in stride(from: 0, to: n, by: 1 << 16) {
                try input.checkCancelled(row: 0)
                for row in chunk..<min(n, chunk + (1 << 16)) {
                    if !idWords.isEmpty, idWords[row >> 6] & (1 << UInt64(row & 63)) == 0 { continue }
                    if !periodWords.isEmpty, periodWords[row >> 6] & (1 << UInt64(row & 63)) == 0 { continue }
                    let code = Int(codes[row])
                    var g = codeGroup[code]
                    if g < 0 {
                        g = Int32(grouping.group(ofProject: dict[code]))
                        codeGroup[code] = g
                    }
                    out[row] = UInt32(g) + 1
                    low = min(low, period[row])
                    high = max(high, period[row])
                }
            }
        } else {
            let keys = input.keys(ids)
            for row in 0..<n {
                try input.checkCancelled(row: row)
                guard let id = keys[row] else { continue }
                if !periodWords.isEmpty, periodWords[row >> 6] & (1 << UInt64(row & 63)) == 0 { continue }
                out[row] = UInt32(grouping.group(ofProject: id)) + 1
                low = min(low, period[row])
                high = max(high, period[row])
            }
        }
        return (out, low, high)
    }

    /// Rows kept per group (`groups` at least), counted a range of rows per core and added in range order.
    ///
    /// - Throws: `cancelled`.
    func rowsPerGroup(groups: Int, input: InputTables) throws(QueryError) -> [Int] {
        let rows = self
        let width = max(groups, codeGroup.reduce(0) { max($0, Int($1) + 1) })
        let token = input.session.cancellation
        let parts = ParallelRanges.map(rows: count, shouldStop: { input.session.isCancelled }) { range, _ -> [Int]? in
            var counts = [Int](repeating: 0, count: width)
            for chunk in stride(from: range.lowerBound, to: range.upperBound, by: 1 << 16) {
                if token?.isCancelled == true { return nil }
                for row in chunk..<min(range.upperBound, chunk + (1 << 16)) {
                    let g = rows.group(row)
                    if g >= 0 { counts[g] += 1 }
                }
            }
            return counts
        }
        guard let parts, parts.allSatisfy({ $0 != nil }) else { throw InputError.make(.cancelled, "query cancelled", at: input.at) }
        var total = [Int](repeating: 0, count: width)
        for part in parts {
            for (g, c) in (part ?? []).enumerated() { total[g] += c }
        }
        return total
    }
}
