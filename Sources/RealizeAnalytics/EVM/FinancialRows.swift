import RealizeQuery
import RealizeStore

/// The group and period of each `financials` row, found in one pass: a text `project_id` column is grouped through
/// its dictionary codes (one lookup per distinct project id, not per row).
struct FinancialRows {
    /// Per row: its group, or -1 when its project id or its period is null (the row is skipped, as `sum` skips nulls).
    private(set) var group: [Int32]
    /// Per row: its period (`year * 12 + month - 1`); meaningless where `group` is -1.
    let period: [Int32]
    /// The least and the greatest period of the rows kept; nil when no row is kept.
    private(set) var span: ClosedRange<Int32>? = nil
    /// Rows kept per group.
    private(set) var rowsPerGroup: [Int] = []

    /// Groups are created in `grouping` in the order their project ids first appear, as
    /// ``ProjectGrouping/group(ofProject:)`` row by row would.
    ///
    /// - Throws: ``QueryError``: `type-mismatch` when `periods` holds neither periods nor dates, `cancelled`.
    init(ids: Column, periods: Column, grouping: inout ProjectGrouping, input: InputTables) throws(QueryError) {
        let n = ids.count
        let period: [Int32]
        switch periods.storage {
        case .period(let a): period = a
        default: period = try input.periods(periods, "financials").map { $0 ?? 0 }
        }
        var group = [Int32](repeating: -1, count: n)
        // Validity as raw words (empty: no nulls); a row is kept when both its id and its period are present.
        let idWords = ids.validity?.words ?? [], periodWords = periods.validity?.words ?? []
        var low = Int32.max, high = Int32.min
        var counts = [Int](repeating: 0, count: grouping.count)
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
                        while counts.count <= Int(g) { counts.append(0) }
                    }
                    group[row] = g
                    counts[Int(g)] += 1
                    let p = period[row]
                    low = min(low, p)
                    high = max(high, p)
                }
            }
        } else {
            let keys = input.keys(ids)
            for row in 0..<n {
                try input.checkCancelled(row: row)
                guard let id = keys[row] else { continue }
                if !periodWords.isEmpty, periodWords[row >> 6] & (1 << UInt64(row & 63)) == 0 { continue }
                let g = grouping.group(ofProject: id)
                while counts.count <= g { counts.append(0) }
                group[row] = Int32(g)
                counts[g] += 1
                let p = period[row]
                low = min(low, p)
                high = max(high, p)
            }
        }
        while counts.count < grouping.count { counts.append(0) }
        self.group = group
        self.period = period
        rowsPerGroup = counts
        if low <= high { span = low...high }
    }
}
