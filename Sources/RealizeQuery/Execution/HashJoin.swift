import RealizeStore

/// Equi-join on one key: builds a hash table over the right (usually smaller, dimension) table and probes with the left.
enum HashJoin {
    /// Matching row pairs; for a left join, unmatched left rows pair with -1.
    static func match(left: Column, right: Column, keepUnmatched: Bool) -> (left: [Int], right: [Int]) {
        var li: [Int] = [], ri: [Int] = []
        li.reserveCapacity(left.count); ri.reserveCapacity(left.count)
        // Right rows per key; text keys go through the left dictionary so each distinct left value is looked up once.
        switch (left.storage, right.storage) {
        case (.text(let lc, let ld), .text(let rc, let rd)):
            var byText: [String: [Int]] = [:]
            for j in 0..<right.count where !right.isNull(j) { byText[rd[Int(rc[j])], default: []].append(j) }
            let perCode: [[Int]] = ld.map { byText[$0] ?? [] }
            for i in 0..<left.count {
                let m = left.isNull(i) ? [] : perCode[Int(lc[i])]
                emit(i, m, &li, &ri, keepUnmatched)
            }
        default:
            let lk = integerKeys(left), rk = integerKeys(right)
            var table: [Int64: [Int]] = [:]
            table.reserveCapacity(right.count)
            for j in 0..<right.count where !right.isNull(j) { table[rk[j], default: []].append(j) }
            for i in 0..<left.count {
                let m = left.isNull(i) ? [] : (table[lk[i]] ?? [])
                emit(i, m, &li, &ri, keepUnmatched)
            }
        }
        return (li, ri)
    }

    @inline(__always) static func emit(_ i: Int, _ m: [Int], _ li: inout [Int], _ ri: inout [Int], _ keep: Bool) {
        if m.isEmpty {
            if keep { li.append(i); ri.append(-1) }
            return
        }
        for j in m { li.append(i); ri.append(j) }
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
