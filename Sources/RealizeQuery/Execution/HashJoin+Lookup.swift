import RealizeStore

/// The join of a left table against right keys that are unique (a dimension table): each left row meets at
/// most one right row, so the match is one array read per row, with no per-key row lists.
extension HashJoin {
    /// For each key id, its only right row (-1 when no right row holds it); nil when some key id has several rows.
    static func uniqueRows(_ rightIds: [Int32], keyCount: Int) -> [Int]? {
        var rowOf = [Int](repeating: -1, count: keyCount)
        for (j, id) in rightIds.enumerated() where id >= 0 {
            if rowOf[Int(id)] >= 0 { return nil }
            rowOf[Int(id)] = j
        }
        return rowOf
    }

    /// Matching row pairs when each key id has at most one right row (`rowOf`); unmatched left rows pair
    /// with -1 when `keepUnmatched`, and are left out otherwise.
    ///
    /// - Throws: `.cancelled` when `shouldStop` (checked every 64K left rows) says so; `.tooLarge` past the
    ///   memory limit of `budget`, counted before any row is produced.
    /// `leftIds` are key ids (-1 for a null or absent key) or, for text keys, the left's dictionary codes with
    /// `rowOf` indexed by code.
    static func lookup<Id: FixedWidthInteger>(
        _ leftIds: [Id], rowOf: [Int], keepUnmatched: Bool, shouldStop: () -> Bool, budget: (rowWidth: Int, limit: Int)?,
        omitIdentityLeft: Bool = false
    ) throws(Executor.Stop) -> (left: [Int], right: [Int]) {
        let n = leftIds.count
        var matched = 0
        // A key id may have no right row (a value of the right dictionary that no right row holds).
        leftIds.withUnsafeBufferPointer { ids in
            rowOf.withUnsafeBufferPointer { r in
                for i in 0..<n where ids[i] >= 0 && r[Int(ids[i])] >= 0 { matched += 1 }
            }
        }
        let rowsOut = keepUnmatched ? n : matched
        if let budget, let why = MemoryLimit.excess("the join", rows: rowsOut, width: budget.rowWidth + 16, limit: budget.limit) {
            throw .tooLarge(why)
        }
        if omitIdentityLeft, matched == n {
            // Every left row met its one right row: the left rows are 0..<n, in order.
            let ri = [Int](unsafeUninitializedCapacity: n) { ro, count in
                leftIds.withUnsafeBufferPointer { ids in
                    rowOf.withUnsafeBufferPointer { r in
                        for i in 0..<n { ro[i] = r[Int(ids[i])] }
                    }
                }
                count = n
            }
            if shouldStop() { throw .cancelled }
            return ([], ri)
        }
        var stopped = false
        var ri: [Int] = []
        let li = [Int](unsafeUninitializedCapacity: rowsOut) { lo, liCount in
            ri = [Int](unsafeUninitializedCapacity: rowsOut) { ro, riCount in
                leftIds.withUnsafeBufferPointer { ids in
                    rowOf.withUnsafeBufferPointer { r in
                        var k = 0
                        // In chunks of 64K rows, so that the check for Ctrl-C stays out of the inner loop.
                        for chunk in stride(from: 0, to: n, by: 1 << 16) {
                            if chunk > 0, shouldStop() {
                                stopped = true
                                break
                            }
                            for i in chunk..<min(n, chunk + (1 << 16)) {
                                let id = Int(ids[i])
                                let j = id >= 0 ? r[id] : -1
                                if j >= 0 || keepUnmatched {
                                    lo[k] = i
                                    ro[k] = j
                                    k += 1
                                }
                            }
                        }
                        // Rows left unwritten after a stop are dropped with the result; keep the buffers defined.
                        for m in k..<rowsOut {
                            lo[m] = -1
                            ro[m] = -1
                        }
                    }
                }
                riCount = rowsOut
            }
            liCount = rowsOut
        }
        if stopped { throw .cancelled }
        return (li, ri)
    }

    /// `ids[i] = idOf[codes[i]]` for the non-null rows (null rows keep their -1).
    static func mapCodes(_ codes: [UInt32], through idOf: [Int32], validity: Bitmap?, into ids: inout [Int32]) {
        let n = codes.count
        ids.withUnsafeMutableBufferPointer { out in
            codes.withUnsafeBufferPointer { c in
                idOf.withUnsafeBufferPointer { m in
                    if let v = validity {
                        v.words.withUnsafeBufferPointer { w in
                            for i in 0..<n where w[i >> 6] & (1 << UInt64(i & 63)) != 0 { out[i] = m[Int(c[i])] }
                        }
                    } else {
                        for i in 0..<n { out[i] = m[Int(c[i])] }
                    }
                }
            }
        }
    }
}
