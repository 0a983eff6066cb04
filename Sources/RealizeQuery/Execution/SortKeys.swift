import RealizeStore

/// A column turned into something cheap to compare row against row: integers (text by dictionary rank) or doubles.
/// Nulls sort last in either direction.
struct SortKeys {
    enum Keys {
        case ints([Int64])
        case doubles([Double])
    }
    let keys: Keys
    let validity: Bitmap?

    static func rankable(_ c: Column) -> SortKeys {
        switch c.storage {
        case .int(let a), .decimal(let a, _): return SortKeys(keys: .ints(a), validity: c.validity)
        case .double(let a): return SortKeys(keys: .doubles(a), validity: c.validity)
        case .date(let a), .period(let a): return SortKeys(keys: .ints(a.map(Int64.init)), validity: c.validity)
        case .bool(let a): return SortKeys(keys: .ints(a.map { $0 ? 1 : 0 }), validity: c.validity)
        case .text(let codes, let dict):
            // Rank each dictionary entry once; rows compare by rank.
            let order = dict.indices.sorted { dict[$0] < dict[$1] }
            var rank = [Int64](repeating: 0, count: dict.count)
            for (r, code) in order.enumerated() { rank[code] = Int64(r) }
            return SortKeys(keys: .ints(codes.map { rank.isEmpty ? 0 : rank[Int($0)] }), validity: c.validity)
        }
    }

    /// -1, 0 or 1 comparing rows i and j (nulls after values).
    @inline(__always) func compare(_ i: Int, _ j: Int) -> Int {
        if let v = validity {
            let ni = !v[i], nj = !v[j]
            if ni || nj { return ni == nj ? 0 : (ni ? 1 : -1) }
        }
        switch keys {
        case .ints(let a): return a[i] < a[j] ? -1 : (a[i] == a[j] ? 0 : 1)
        case .doubles(let a): return a[i] < a[j] ? -1 : (a[i] == a[j] ? 0 : 1)
        }
    }

    @inline(__always) func less(_ i: Int, _ j: Int) -> Bool { compare(i, j) < 0 }
}

/// Orders rows by several keys, stably.
enum Sorter {
    /// Whether row i comes before row j.
    static func precedes(_ keys: [(SortKeys, Bool)], _ i: Int, _ j: Int) -> Bool {
        for (k, desc) in keys {
            var c = k.compare(i, j)
            // Descending flips values but keeps nulls last.
            if desc, k.validity.map({ $0[i] && $0[j] }) ?? true { c = -c }
            if c != 0 { return c < 0 }
        }
        return i < j
    }

    static func permutation(_ keys: [(SortKeys, Bool)], rows: Int) -> [Int] {
        // One ascending integer key without nulls: sort (key, row) pairs directly.
        if keys.count == 1, keys[0].0.validity == nil, case .ints(let a) = keys[0].0.keys {
            let desc = keys[0].1
            var pairs = (0..<rows).map { (desc ? ~a[$0] : a[$0], $0) }
            pairs.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
            return pairs.map(\.1)
        }
        var idx = Array(0..<rows)
        idx.sort { precedes(keys, $0, $1) }
        return idx
    }

    /// The first `n` rows in order, without sorting everything (binary insertion into a bounded buffer).
    static func top(_ keys: [(SortKeys, Bool)], rows: Int, n: Int) -> [Int] {
        if n <= 0 { return [] }
        if n * 8 >= rows { return Array(permutation(keys, rows: rows).prefix(n)) }
        var best: [Int] = []
        best.reserveCapacity(n + 1)
        for i in 0..<rows {
            if best.count == n, !precedes(keys, i, best[n - 1]) { continue }
            var lo = 0, hi = best.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if precedes(keys, best[mid], i) { lo = mid + 1 } else { hi = mid }
            }
            best.insert(i, at: lo)
            if best.count > n { best.removeLast() }
        }
        return best
    }
}
