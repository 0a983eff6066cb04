import RealizeStore

/// The lookup join (unique right keys) on one text key whose left side has no nulls: each left dictionary code
/// meets at most one right row, so when every code of the left's dictionary meets one, every left row matches
/// and each right column is read straight through the left's codes (`column[rowOfCode[code]]`), with no array
/// of right rows as long as the left and no second pass to gather through it.
extension HashJoin {
    /// The join's left rows (nil when they are all of them, in order), its right columns, and its row count;
    /// nil when the keys are not both text, the left key has nulls, or the right keys are not unique (the caller
    /// then joins the ordinary way).
    ///
    /// - Throws: as ``match(left:right:keepUnmatched:shouldStop:budget:omitIdentityLeft:)`` does, for the same
    ///   inputs: `.tooLarge` past the memory limit (counted before any row is produced), `.cancelled` once
    ///   `shouldStop` says so.
    static func textLookup(
        left: Column, right: Column, columns: [Column], keepUnmatched: Bool, shouldStop: @Sendable () -> Bool,
        budget: (rowWidth: Int, limit: Int)?
    ) throws(Executor.Stop) -> (left: [Int]?, columns: [Column], rows: Int)? {
        guard case .text(let lc, let ld) = left.storage, left.validity == nil, case .text(let rc, let rd) = right.storage else { return nil }
        let (rightCodeId, leftCodeId, count) = TextIds.shared(right: rd, left: ld)
        var rightIds = [Int32](repeating: -1, count: right.count)
        mapCodes(rc, through: rightCodeId, validity: right.validity, into: &rightIds)
        guard let rowOf = uniqueRows(rightIds, keyCount: count) else { return nil }
        let rowOfCode = leftCodeId.map { $0 >= 0 ? rowOf[Int($0)] : -1 }
        guard rowOfCode.allSatisfy({ $0 >= 0 }) else {
            // Some left value has no right row: the rows that match, then the right columns gathered through them.
            let (li, ri) = try lookup(
                lc, rowOf: rowOfCode, keepUnmatched: keepUnmatched, shouldStop: shouldStop, budget: budget, omitIdentityLeft: true)
            let columns = columns.map { Aggregator.gatherOrNull($0, ri) }
            return (ri.count == lc.count ? nil : li, columns, ri.count)
        }
        let n = lc.count
        if let budget, let why = MemoryLimit.excess("the join", rows: n, width: budget.rowWidth + 16, limit: budget.limit) {
            throw .tooLarge(why)
        }
        // Right rows are needed only for a right column with nulls (gathered the ordinary way).
        var rightRows: [Int]? = nil
        var out: [Column] = []
        for c in columns {
            if shouldStop() { throw .cancelled }
            if let fused = ParallelGather.gather(c, through: rowOfCode, codes: lc) {
                out.append(fused)
                continue
            }
            if rightRows == nil { rightRows = lc.map { rowOfCode[Int($0)] } }
            out.append(Aggregator.gatherOrNull(c, rightRows ?? []))
        }
        if shouldStop() { throw .cancelled }
        return (nil, out, n)
    }
}
