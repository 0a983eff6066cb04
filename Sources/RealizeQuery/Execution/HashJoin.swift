import RealizeStore

/// Equi-join on one key: builds a hash table over the right (usually the smaller, dimension) table and probes it
/// with the left. Matches are kept in compressed rows (offsets into one flat array), so probing allocates nothing per row.
enum HashJoin {
    /// Matching row pairs; for a left join, unmatched left rows pair with -1.
    /// Most rows a join may produce: past this a many-to-many join is almost surely a mistake.
    static let maxRows = 200_000_000

    /// - Throws: `.cancelled` when `shouldStop` (checked every 64K left rows) says so; `.tooLarge` past ``maxRows``.
    static func match(left: Column, right: Column, keepUnmatched: Bool, shouldStop: () -> Bool = { false }) throws(Executor.Stop) -> (left: [Int], right: [Int])
    {
        // 1. Dense key ids for right rows (-1 for null), and for each left row the right key id it hits (-1 for none).
        var rightIds = [Int32](repeating: -1, count: right.count)
        var leftIds = [Int32](repeating: -1, count: left.count)
        var keyCount = 0
        switch (left.storage, right.storage) {
        case (.text(let lc, let ld), .text(let rc, let rd)):
            var byText: [String: Int32] = [:]
            let rightCodeId = rd.map { s -> Int32 in
                if let id = byText[s] { return id }
                byText[s] = Int32(byText.count)
                return Int32(byText.count - 1)
            }
            keyCount = byText.count
            for j in 0..<right.count where !right.isNull(j) { rightIds[j] = rightCodeId[Int(rc[j])] }
            // Each distinct left value is looked up once.
            let leftCodeId = ld.map { byText[$0] ?? -1 }
            for i in 0..<left.count where !left.isNull(i) { leftIds[i] = leftCodeId[Int(lc[i])] }
        default:
            var lk = integerKeys(left), rk = integerKeys(right)
            // Decimal keys at different scales compare at the larger one (1.5 joins 1.50).
            if case .decimal(_, let ls) = left.storage, case .decimal(_, let rs) = right.storage, ls != rs {
                let s = max(ls, rs)
                lk = NumericVector(left).units(at: s).0
                rk = NumericVector(right).units(at: s).0
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
            for i in 0..<left.count where !left.isNull(i) { leftIds[i] = table[lk[i]] ?? -1 }
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
        // 3. Probe.
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

    /// Whether the left side of a join result is the left table unchanged (every row matched exactly once,
    /// in order), so its columns need no gather.
    static func isIdentity(_ li: [Int], rows: Int) -> Bool {
        guard li.count == rows else { return false }
        return li.withUnsafeBufferPointer { p in
            for i in 0..<rows where p[i] != i { return false }
            return true
        }
    }

    static func integerKeys(_ c: Column) -> [Int64] {
        switch c.storage {
        case .int(let a), .decimal(let a, _): return a
        case .double(let a): return a.map { Int64(bitPattern: $0.bitPattern) }
        case .date(let a), .period(let a): return a.map(Int64.init)
        case .bool(let a): return a.map { $0 ? 1 : 0 }
        case .text(let c, _): return c.map(Int64.init)
        }
    }
}
