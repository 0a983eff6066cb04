import RealizeStore

/// The probe of an inner lookup join on one text key (a dimension table, unique keys, the left without nulls): each
/// left dictionary code is resolved once to its right row, so a row costs one table read, in one pass that emits
/// the matching rows (a counting pass comes first only when the result could pass the memory limit). When a filter was pushed onto the right (`financials | join projects | where program = …`), the right's
/// dictionary is narrowed to the codes its remaining rows hold before any string is hashed, and the left keeps only
/// the rows whose code met one of them: a semi-join by dictionary code.
///
/// The pairs are those of ``HashJoin/match(left:right:keepUnmatched:shouldStop:budget:omitIdentityLeft:)``: the
/// matching left rows in order, each with its one right row; no left rows at all when every row matched.
enum LookupProbe {
    /// Matching (left, right) rows, or nil when the keys are not two text columns, the left has nulls, or some
    /// right key repeats (the caller then takes the general join).
    ///
    /// - Throws: `.cancelled` when `shouldStop` (checked every 64K rows) says so; `.tooLarge` past the memory limit
    ///   of `budget`, counted before any row is produced.
    static func match(left: Column, right: Column, shouldStop: @Sendable () -> Bool, budget: (rowWidth: Int, limit: Int)?) throws(Executor.Stop) -> (
        left: [Int], right: [Int]
    )? {
        guard left.validity == nil, case .text(let lc, _) = left.storage, lc.count == left.count, let rowOfLeftCode = rowOfLeftCode(left: left, right: right)
        else { return nil }
        let n = lc.count
        // 1 for a left code that has its right row, 0 for one that has not.
        let hit = rowOfLeftCode.map { $0 >= 0 ? UInt8(1) : 0 }
        // The result is counted before it is built only when the limit could be reached: as many rows as the left.
        if let budget, MemoryLimit.excess("the join", rows: n, width: budget.rowWidth + 16, limit: budget.limit) != nil {
            var matched = 0
            lc.withUnsafeBufferPointer { c in
                hit.withUnsafeBufferPointer { h in
                    for i in 0..<n { matched &+= Int(h[Int(c[i])]) }
                }
            }
            if let why = MemoryLimit.excess("the join", rows: matched, width: budget.rowWidth + 16, limit: budget.limit) { throw .tooLarge(why) }
        }
        if shouldStop() { throw .cancelled }
        if !rowOfLeftCode.contains(where: { $0 < 0 }) {
            // Every left code has its right row, so every left row matches: the left rows are 0..<n, in order.
            let ri = [Int](unsafeUninitializedCapacity: n) { ro, count in
                lc.withUnsafeBufferPointer { c in
                    rowOfLeftCode.withUnsafeBufferPointer { r in
                        for i in 0..<n { ro[i] = Int(r[Int(c[i])]) }
                    }
                }
                count = n
            }
            return ([], ri)
        }
        // One pass emits the matching left rows, a range of rows per core (past ParallelRanges.defaultMinRows),
        // each range into its own buffer (room for all its rows; pages that are never written cost nothing), the
        // buffers then joined in range order: the rows in order, whatever the thread timing.
        let pieces =
            ParallelRanges.map(rows: n) { rows, _ -> [Int]? in
                matchingRows(lc, hit, rows, shouldStop)
            } ?? [nil]
        if pieces.contains(where: { $0 == nil }) { throw .cancelled }
        var li = pieces[0]!
        if pieces.count > 1 {
            // Appended piece by piece (a lazy `joined()` costs tens of instructions a row).
            li.reserveCapacity(pieces.reduce(0) { $0 + $1!.count })
            for p in pieces.dropFirst() { li.append(contentsOf: p!) }
        }
        // ...and their right rows are read for them alone.
        let ri = [Int](unsafeUninitializedCapacity: li.count) { ro, count in
            lc.withUnsafeBufferPointer { c in
                rowOfLeftCode.withUnsafeBufferPointer { r in
                    for (k, i) in li.enumerated() { ro[k] = Int(r[Int(c[i])]) }
                }
            }
            count = li.count
        }
        // Every left row met its one right row: the left rows are 0..<n, in order.
        return (li.count == n ? [] : li, ri)
    }

    /// For each code of `left`'s dictionary, the one right row holding an equal key (-1 for none); nil when the keys
    /// are not two text columns or some right key repeats. Null right keys meet nothing; the left's rows (and nulls)
    /// are not read.
    ///
    /// Only the right's codes that some row holds go into the table (a pushed filter may have left few), so a
    /// narrowed right costs one hash per left dictionary entry and few string comparisons.
    static func rowOfLeftCode(left: Column, right: Column) -> [Int32]? {
        guard case .text(_, let ld) = left.storage, case .text(let rc, let rd) = right.storage, rc.count == right.count else { return nil }
        // The right's codes that some row holds, each with its one row.
        var rowOfRightCode = [Int32](repeating: -1, count: rd.count)
        var used: [Int] = []
        for j in 0..<right.count where !right.isNull(j) {
            let code = Int(rc[j])
            if rowOfRightCode[code] >= 0 { return nil }
            rowOfRightCode[code] = Int32(j)
            used.append(code)
        }
        // Equal strings share an id: a repeated key may hide behind two dictionary entries. The right's ids are
        // those of its used strings in order whatever the left, so each part of the left's entries can be looked
        // up on its own.
        let (usedText, rowOfUsed) = (used.map { rd[$0] }, used.map { rowOfRightCode[$0] })
        let parts: [[Int32]?] =
            ParallelRanges.map(rows: ld.count, minRows: entriesPerCore) { entries, _ -> [Int32]? in
                let (_, leftIds, count) = TextIds.shared(right: usedText, left: ld[entries])
                guard count == usedText.count else { return nil }
                return leftIds.map { $0 >= 0 ? rowOfUsed[Int($0)] : -1 }
            } ?? [nil]
        guard !parts.contains(where: { $0 == nil }) else { return nil }
        return parts.count == 1 ? parts[0] : parts.flatMap { $0! }
    }

    /// The left dictionary entries above which their look-up is split across the cores: an entry costs a string
    /// hash (some hundred instructions), the work of a few hundred rows of a scan, so far fewer entries than
    /// ``ParallelRanges/defaultMinRows`` rows repay a thread (10K project ids: 2.4M instructions on one core).
    static let entriesPerCore = 4096

    /// The left rows of `rows` whose code is a `hit` (1), in order; nil when `shouldStop` (asked every 64K rows)
    /// said yes.
    private static func matchingRows(_ lc: [UInt32], _ hit: [UInt8], _ rows: Range<Int>, _ shouldStop: () -> Bool) -> [Int]? {
        var stopped = false
        let li = [Int](unsafeUninitializedCapacity: rows.count) { lo, count in
            lc.withUnsafeBufferPointer { c in
                hit.withUnsafeBufferPointer { h in
                    // Each row is written at the next slot, which moves on only for a hit (no branch): `k` never
                    // passes the rows seen, so the writes stay inside the range's buffer.
                    var k = 0
                    // In chunks of 64K rows, so that the check for Ctrl-C stays out of the inner loop.
                    for chunk in stride(from: rows.lowerBound, to: rows.upperBound, by: 1 << 16) {
                        if chunk > rows.lowerBound, shouldStop() {
                            stopped = true
                            break
                        }
                        let end = min(rows.upperBound, chunk + (1 << 16))
                        var i = chunk
                        while i &+ 4 <= end {
                            lo[k] = i
                            k &+= Int(h[Int(c[i])])
                            lo[k] = i &+ 1
                            k &+= Int(h[Int(c[i &+ 1])])
                            lo[k] = i &+ 2
                            k &+= Int(h[Int(c[i &+ 2])])
                            lo[k] = i &+ 3
                            k &+= Int(h[Int(c[i &+ 3])])
                            i &+= 4
                        }
                        while i < end {
                            lo[k] = i
                            k &+= Int(h[Int(c[i])])
                            i &+= 1
                        }
                    }
                    count = k
                }
            }
        }
        return stopped ? nil : li
    }
}
