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
    static func lookup<Id: FixedWidthInteger & Sendable>(
        _ leftIds: [Id], rowOf: [Int], keepUnmatched: Bool, shouldStop: @Sendable () -> Bool, budget: (rowWidth: Int, limit: Int)?,
        omitIdentityLeft: Bool = false
    ) throws(Executor.Stop) -> (left: [Int], right: [Int]) {
        let n = leftIds.count
        // A key id may have no right row (a value of the right dictionary that no right row holds). Counted per
        // range of rows (on each core past ParallelRanges.defaultMinRows), so that each range knows where its
        // output starts.
        let matchedIn =
            ParallelRanges.map(rows: n) { rows, _ -> Int in
                var matched = 0
                leftIds.withUnsafeBufferPointer { ids in
                    rowOf.withUnsafeBufferPointer { r in
                        for i in rows where ids[i] >= 0 && r[Int(ids[i])] >= 0 { matched += 1 }
                    }
                }
                return matched
            } ?? []
        let matched = matchedIn.reduce(0, +)
        let rowsOut = keepUnmatched ? n : matched
        if let budget, let why = MemoryLimit.excess("the join", rows: rowsOut, width: budget.rowWidth + 16, limit: budget.limit) {
            throw .tooLarge(why)
        }
        if omitIdentityLeft, matched == n {
            // Every left row met its one right row: the left rows are 0..<n, in order.
            let ri = [Int](unsafeUninitializedCapacity: n) { ro, count in
                let out = DisjointWrites(ro)
                _ = ParallelRanges.map(rows: n) { rows, _ in
                    leftIds.withUnsafeBufferPointer { ids in
                        rowOf.withUnsafeBufferPointer { r in
                            for i in rows { out.write(i, r[Int(ids[i])]) }
                        }
                    }
                }
                count = n
            }
            if shouldStop() { throw .cancelled }
            return ([], ri)
        }
        // Where each range's output starts: its rows all (a left join), or those that matched.
        var at = 0
        let starts = ParallelRanges.ranges(rows: n).enumerated().map { k, rows in
            defer { at += keepUnmatched ? rows.count : matchedIn[k] }
            return at
        }
        var stopped = false
        var ri: [Int] = []
        let li = [Int](unsafeUninitializedCapacity: rowsOut) { lo, liCount in
            ri = [Int](unsafeUninitializedCapacity: rowsOut) { ro, riCount in
                let (left, right) = (DisjointWrites(lo), DisjointWrites(ro))
                let stops =
                    ParallelRanges.map(rows: n) { rows, part -> Bool in
                        fill(leftIds, rowOf, rows, keepUnmatched, shouldStop, into: (left, right), from: starts[part])
                    } ?? []
                stopped = stops.contains(true)
                riCount = rowsOut
            }
            liCount = rowsOut
        }
        if stopped { throw .cancelled }
        return (li, ri)
    }

    /// The pairs of the left rows `rows`, written from `start` (see ``lookup(_:rowOf:keepUnmatched:shouldStop:budget:omitIdentityLeft:)``);
    /// whether `shouldStop` (asked every 64K rows) said yes, in which case the rest of the range's slots hold -1.
    private static func fill<Id: FixedWidthInteger>(
        _ leftIds: [Id], _ rowOf: [Int], _ rows: Range<Int>, _ keepUnmatched: Bool, _ shouldStop: () -> Bool,
        into out: (left: DisjointWrites<Int>, right: DisjointWrites<Int>), from start: Int
    ) -> Bool {
        var k = start
        var stopped = false
        leftIds.withUnsafeBufferPointer { ids in
            rowOf.withUnsafeBufferPointer { r in
                // In chunks of 64K rows, so that the check for Ctrl-C stays out of the inner loop.
                for chunk in stride(from: rows.lowerBound, to: rows.upperBound, by: 1 << 16) {
                    if chunk > rows.lowerBound, shouldStop() {
                        stopped = true
                        break
                    }
                    for i in chunk..<min(rows.upperBound, chunk + (1 << 16)) {
                        let id = Int(ids[i])
                        let j = id >= 0 ? r[id] : -1
                        if j >= 0 || keepUnmatched {
                            out.left.write(k, i)
                            out.right.write(k, j)
                            k += 1
                        }
                    }
                }
            }
        }
        guard stopped else { return false }
        // Slots left unwritten after a stop are dropped with the result; keep the buffers defined.
        var end = start
        for i in rows { end += keepUnmatched || (Int(leftIds[i]) >= 0 && rowOf[Int(leftIds[i])] >= 0) ? 1 : 0 }
        for m in k..<end {
            out.left.write(m, -1)
            out.right.write(m, -1)
        }
        return true
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
