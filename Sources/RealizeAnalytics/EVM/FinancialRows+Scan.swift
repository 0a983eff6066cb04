import RealizeQuery
import RealizeStore

extension FinancialRows {
    /// What one scan of the rows found: the period span of the kept rows, and whether a kept row's id maps to -1
    /// (an id `projects` lacks, whose group must be created in first-appearance order by the serial pass).
    struct Scan: Sendable {
        var low = Int32.max, high = Int32.min
        var unknown = false

        var span: ClosedRange<Int32>? { low <= high ? low...high : nil }
    }

    /// The span of the kept rows and whether one meets an unknown id, a range of rows per core
    /// (``ParallelRanges``), the ranges' findings merged in range order.
    ///
    /// Without nulls and with every dictionary entry known, the loop is a plain minimum and maximum of the periods.
    ///
    /// - Throws: `cancelled` (checked every 64K rows of each range).
    static func scanRanges(
        _ codes: [UInt32], _ idWords: [UInt64], _ periodWords: [UInt64], codeGroup: [Int32], periods: [Int32], input: InputTables
    ) throws(QueryError) -> Scan {
        let checkCodes = codeGroup.contains(-1)
        let plain = idWords.isEmpty && periodWords.isEmpty && !checkCodes
        let token = input.session.cancellation
        let parts = ParallelRanges.map(rows: periods.count, shouldStop: { input.session.isCancelled }) { range, _ -> Scan? in
            var scan = Scan()
            for chunk in stride(from: range.lowerBound, to: range.upperBound, by: 1 << 16) {
                if token?.isCancelled == true { return nil }
                let end = min(range.upperBound, chunk + (1 << 16))
                if plain {
                    periods.withUnsafeBufferPointer { p in
                        var low = scan.low, high = scan.high
                        for row in chunk..<end {
                            low = min(low, p[row])
                            high = max(high, p[row])
                        }
                        (scan.low, scan.high) = (low, high)
                    }
                    continue
                }
                for row in chunk..<end {
                    if !idWords.isEmpty, idWords[row >> 6] & (1 << UInt64(row & 63)) == 0 { continue }
                    if !periodWords.isEmpty, periodWords[row >> 6] & (1 << UInt64(row & 63)) == 0 { continue }
                    if checkCodes, codeGroup[Int(codes[row])] < 0 {
                        scan.unknown = true
                        return scan
                    }
                    scan.low = min(scan.low, periods[row])
                    scan.high = max(scan.high, periods[row])
                }
            }
            return scan
        }
        guard let parts, parts.allSatisfy({ $0 != nil }) else { throw InputError.make(.cancelled, "query cancelled", at: input.at) }
        var total = Scan()
        for case let part? in parts {
            total.low = min(total.low, part.low)
            total.high = max(total.high, part.high)
            total.unknown = total.unknown || part.unknown
        }
        return total
    }
}
