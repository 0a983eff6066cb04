import RealizeStore

/// Equi-join on one key: builds a hash table over the right (usually the smaller, dimension) table and probes it
/// with the left. Matches are kept in compressed rows (offsets into one flat array), so probing allocates nothing per row.
enum HashJoin {
    /// Matching row pairs; for a left join, unmatched left rows pair with -1.
    /// Most rows a join may produce: past this a many-to-many join is almost surely a mistake.
    static let maxRows = 200_000_000

    /// - Throws: `.cancelled` when `shouldStop` (checked every 64K left rows) says so; `.tooLarge` past ``maxRows``.
    /// - Parameter omitIdentityLeft: with unique right keys and every left row matched, return no left rows
    ///   (they would be `0..<left.count`), sparing an array as long as the left table.
    /// - Parameter budget: the bytes one output row takes and the memory limit; the join's size is
    ///   counted before any row is produced, and a join past the limit throws `.tooLarge` naming its need.
    static func match(
        left: Column, right: Column, keepUnmatched: Bool, shouldStop: @Sendable () -> Bool = { false }, budget: (rowWidth: Int, limit: Int)? = nil,
        omitIdentityLeft: Bool = false
    ) throws(Executor.Stop) -> (left: [Int], right: [Int]) {
        // 1. Dense key ids for right rows (-1 for null), and for each left row the right key id it hits (-1 for none).
        var rightIds = [Int32](repeating: -1, count: right.count)
        var leftIds: [Int32] = []
        var keyCount = 0
        switch (left.storage, right.storage) {
        case (.text(let lc, let ld), .text(let rc, let rd)):
            // Each distinct value of either side is hashed once.
            let (rightCodeId, leftCodeId, count) = TextIds.shared(right: rd, left: ld)
            keyCount = count
            mapCodes(rc, through: rightCodeId, validity: right.validity, into: &rightIds)
            // Unique right keys and no null on the left: each left code maps straight to its right row, so the
            // probe reads the left's codes once per pass with no key-id array as long as the left.
            if left.validity == nil, let rowOf = uniqueRows(rightIds, keyCount: keyCount) {
                let rowOfCode = leftCodeId.map { $0 >= 0 ? rowOf[Int($0)] : -1 }
                return try lookup(
                    lc, rowOf: rowOfCode, keepUnmatched: keepUnmatched, shouldStop: shouldStop, budget: budget,
                    omitIdentityLeft: omitIdentityLeft)
            }
            leftIds = [Int32](repeating: -1, count: left.count)
            mapCodes(lc, through: leftCodeId, validity: left.validity, into: &leftIds)
        default:
            var lk = integerKeys(left), rk = integerKeys(right)
            // Decimal keys at different scales compare at the larger one (1.5 joins 1.50).
            if case .decimal(let la, let ls) = left.storage, case .decimal(let ra, let rs) = right.storage {
                (lk, rk) = DecimalKeys.joint(la, ls, ra, rs)
            }
            var table: [Int64: Int32] = [:]
            table.reserveCapacity(right.count)
            for j in 0..<right.count where !right.isNull(j) {
                if let id = table[rk[j]] {
                    rightIds[j] = id
                } else {
                    let id = Int32(table.count)
                    table[rk[j]] = id
                    rightIds[j] = id
                }
            }
            keyCount = table.count
            leftIds = [Int32](repeating: -1, count: left.count)
            for i in 0..<left.count where !left.isNull(i) { leftIds[i] = table[lk[i]] ?? -1 }
        }
        // Unique right keys (a lookup): each left row meets at most one right row, found through one array.
        if let rowOf = uniqueRows(rightIds, keyCount: keyCount) {
            return try lookup(
                leftIds, rowOf: rowOf, keepUnmatched: keepUnmatched, shouldStop: shouldStop, budget: budget, omitIdentityLeft: omitIdentityLeft)
        }
        // 2. Right rows grouped by key id: offsets[id]..<offsets[id + 1] in `rows`.
        var offsets = [Int](repeating: 0, count: keyCount + 1)
        for id in rightIds where id >= 0 { offsets[Int(id) + 1] += 1 }
        for k in 0..<keyCount { offsets[k + 1] += offsets[k] }
        var fill = offsets
        var rows = [Int](repeating: 0, count: offsets[keyCount])
        for (j, id) in rightIds.enumerated() where id >= 0 {
            rows[fill[Int(id)]] = j
            fill[Int(id)] += 1
        }
        // 3. Count the result before building it.
        if let budget {
            var rowsOut = 0
            for i in 0..<left.count {
                let id = Int(leftIds[i])
                rowsOut += id < 0 ? (keepUnmatched ? 1 : 0) : offsets[id + 1] - offsets[id]
            }
            if let why = MemoryLimit.excess("the join", rows: rowsOut, width: budget.rowWidth + 16, limit: budget.limit) { throw .tooLarge(why) }
        }
        // 4. Probe.
        var li: [Int] = [], ri: [Int] = []
        li.reserveCapacity(left.count); ri.reserveCapacity(left.count)
        for i in 0..<left.count {
            let id = Int(leftIds[i])
            if id < 0 {
                if keepUnmatched { li.append(i); ri.append(-1) }
                continue
            }
            for k in offsets[id]..<offsets[id + 1] { li.append(i); ri.append(rows[k]) }
            // A many-to-many join can explode; let Ctrl-C stop it.
            if i & 0xFFFF == 0, shouldStop() { throw .cancelled }
            if li.count > maxRows { throw .tooLarge("the join produces more than \(maxRows / 1_000_000) million rows") }
        }
        return (li, ri)
    }

    /// Several key columns folded into one integer key per row, numbered alike on both sides, so that a
    /// multi-column join is an ordinary single-key join. A row with a null in any key column gets a null key.
    static func compositeKeys(left: [Column], right: [Column]) -> (Column, Column) {
        let nl = left.first?.count ?? 0, nr = right.first?.count ?? 0
        var lid = [Int64](repeating: 0, count: nl), rid = [Int64](repeating: 0, count: nr)
        var lnull = Bitmap(count: nl, value: true), rnull = Bitmap(count: nr, value: true)
        for (lc, rc) in zip(left, right) {
            let (lv, rv) = sharedIds(lc, rc)
            // (key so far, this column's id) → one dense id, numbered alike on both sides.
            var exact: [Pair: Int64] = [:]
            func foldExact(_ so: Int64, _ v: Int64) -> Int64 {
                let pair = Pair(a: so, b: v)
                if let id = exact[pair] { return id }
                let id = Int64(exact.count)
                exact[pair] = id
                return id
            }
            for i in 0..<nl { if lv[i] < 0 { lnull[i] = false } else { lid[i] = foldExact(lid[i], lv[i]) } }
            for j in 0..<nr { if rv[j] < 0 { rnull[j] = false } else { rid[j] = foldExact(rid[j], rv[j]) } }
        }
        return (Column(name: "", storage: .int(lid), validity: lnull), Column(name: "", storage: .int(rid), validity: rnull))
    }

    private struct Pair: Hashable {
        var a: Int64
        var b: Int64
    }

    /// Ids of one pair of key columns in a space shared by both sides (-1 for null).
    static func sharedIds(_ l: Column, _ r: Column) -> ([Int64], [Int64]) {
        switch (l.storage, r.storage) {
        case (.text(let lc, let ld), .text(let rc, let rd)):
            var byText: [String: Int64] = [:]
            let rmap = rd.map { s -> Int64 in
                if let id = byText[s] { return id }
                byText[s] = Int64(byText.count)
                return Int64(byText.count - 1)
            }
            let lmap = ld.map { s -> Int64 in
                if let id = byText[s] { return id }
                byText[s] = Int64(byText.count)
                return Int64(byText.count - 1)
            }
            return ((0..<l.count).map { l.isNull($0) ? -1 : lmap[Int(lc[$0])] }, (0..<r.count).map { r.isNull($0) ? -1 : rmap[Int(rc[$0])] })
        default:
            var lk = integerKeys(l), rk = integerKeys(r)
            if case .decimal(let la, let ls) = l.storage, case .decimal(let ra, let rs) = r.storage {
                (lk, rk) = DecimalKeys.joint(la, ls, ra, rs)
            }
            var ids: [Int64: Int64] = [:]
            func id(_ v: Int64) -> Int64 {
                if let x = ids[v] { return x }
                ids[v] = Int64(ids.count)
                return Int64(ids.count - 1)
            }
            return ((0..<l.count).map { l.isNull($0) ? -1 : id(lk[$0]) }, (0..<r.count).map { r.isNull($0) ? -1 : id(rk[$0]) })
        }
    }

    static func integerKeys(_ c: Column) -> [Int64] {
        switch c.storage {
        case .int(let a): return a
        case .decimal(let a, _): return DecimalKeys.ordered(a)
        case .double(let a): return a.map { Int64(bitPattern: $0.bitPattern) }
        case .date(let a), .period(let a): return a.map(Int64.init)
        case .bool(let a): return a.map { $0 ? 1 : 0 }
        case .text(let c, _): return c.map(Int64.init)
        }
    }
}
