import RealizeQuery
import RealizeStore

/// The per-row work of ``FinancialRows`` over a text `project_id`, a range of rows per core
/// (``ParallelRanges``): one pass finds, per range, the dictionary codes of the kept rows in the order they first
/// appear, how many rows each has and the period span; after the groups are made in first-appearance order
/// (ranges in order, so the same order as the serial loop), a second pass writes each row's group.
///
/// Only integers are merged (counts, least and greatest period), in range order, so the result is the serial
/// loop's whatever the thread timing.
enum FinancialCodeScan {
    /// What one range of rows saw.
    private struct Part: Sendable {
        /// Codes of the kept rows, in the order they first appear in the range.
        var firstCodes: [Int] = []
        /// Kept rows per code.
        var counts: [Int]
        var low = Int32.max, high = Int32.min
    }

    /// Fills `group` (all -1 on entry) and returns the rows kept per group and the least and greatest period.
    ///
    /// - Throws: ``QueryError`` `cancelled` (checked before each pass).
    static func scan(
        codes: [UInt32], dictionary dict: [String], idWords: [UInt64], periodWords: [UInt64], period: [Int32],
        group: inout [Int32], grouping: inout ProjectGrouping, input: InputTables
    ) throws(QueryError) -> (counts: [Int], low: Int32, high: Int32) {
        let n = codes.count, dictCount = dict.count
        try input.checkCancelled(row: 0)
        let session = input.session
        guard
            let parts = ParallelRanges.map(
                rows: n, shouldStop: { session.isCancelled },
                { rows, _ -> Part in
                    var part = Part(counts: [Int](repeating: 0, count: dictCount))
                    codes.withUnsafeBufferPointer { cs in
                        period.withUnsafeBufferPointer { ps in
                            part.counts.withUnsafeMutableBufferPointer { counts in
                                for row in rows {
                                    if !idWords.isEmpty, idWords[row >> 6] & (1 << UInt64(row & 63)) == 0 { continue }
                                    if !periodWords.isEmpty, periodWords[row >> 6] & (1 << UInt64(row & 63)) == 0 { continue }
                                    let code = Int(cs[row])
                                    if counts[code] == 0 { part.firstCodes.append(code) }
                                    counts[code] += 1
                                    let p = ps[row]
                                    part.low = min(part.low, p)
                                    part.high = max(part.high, p)
                                }
                            }
                        }
                    }
                    return part
                })
        else { throw InputError.make(.cancelled, "query cancelled", at: input.at) }
        var codeGroup = [Int32](repeating: -1, count: dictCount)
        var counts = [Int](repeating: 0, count: grouping.count)
        var low = Int32.max, high = Int32.min
        for part in parts {
            for code in part.firstCodes where codeGroup[code] < 0 {
                let g = grouping.group(ofProject: dict[code])
                codeGroup[code] = Int32(g)
                while counts.count <= g { counts.append(0) }
            }
            for code in part.firstCodes { counts[Int(codeGroup[code])] += part.counts[code] }
            low = min(low, part.low)
            high = max(high, part.high)
        }
        try input.checkCancelled(row: 0)
        let map = codeGroup
        group.withUnsafeMutableBufferPointer { buffer in
            let out = DisjointWrites(buffer)
            _ = ParallelRanges.map(rows: n) { rows, _ in
                codes.withUnsafeBufferPointer { cs in
                    map.withUnsafeBufferPointer { m in
                        for row in rows {
                            if !idWords.isEmpty, idWords[row >> 6] & (1 << UInt64(row & 63)) == 0 { continue }
                            if !periodWords.isEmpty, periodWords[row >> 6] & (1 << UInt64(row & 63)) == 0 { continue }
                            out.write(row, m[Int(cs[row])])
                        }
                    }
                }
            }
        }
        return (counts, low, high)
    }
}
