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
        case .int(let a): return SortKeys(keys: .ints(a), validity: c.validity)
        case .decimal(let a, _): return SortKeys(keys: .ints(DecimalKeys.ordered(a)), validity: c.validity)
        case .double(let a): return SortKeys(keys: .doubles(a), validity: c.validity)
        case .date(let a), .period(let a): return SortKeys(keys: .ints(a.map(Int64.init)), validity: c.validity)
        case .bool(let a): return SortKeys(keys: .ints(a.map { $0 ? 1 : 0 }), validity: c.validity)
        case .text(let codes, let dict):
            // Rank each dictionary entry once; rows compare by rank.
            let rank = ranks(dict)
            return SortKeys(keys: .ints(codes.map { rank.isEmpty ? 0 : rank[Int($0)] }), validity: c.validity)
        }
    }

    /// The rank of each dictionary entry in the order `sort` gives text (Swift's `<`; entries that compare equal
    /// take consecutive ranks in the order of the sort).
    static func ranks(_ dict: [String]) -> [Int64] {
        let order = dict.indices.sorted { dict[$0] < dict[$1] }
        var rank = [Int64](repeating: 0, count: dict.count)
        for (r, code) in order.enumerated() { rank[code] = Int64(r) }
        return rank
    }

    /// -1, 0 or 1 comparing rows i and j (nulls after values).
    @inline(__always) func compare(_ i: Int, _ j: Int) -> Int {
        if let v = validity {
            let ni = !v[i], nj = !v[j]
            if ni || nj { return ni == nj ? 0 : (ni ? 1 : -1) }
        }
        switch keys {
        case .ints(let a): return a[i] < a[j] ? -1 : (a[i] == a[j] ? 0 : 1)
        case .doubles(let a): return SortKeys.compare(a[i], a[j])
        }
    }

    /// A total order on doubles: NaN after every number and equal to itself, so one NaN cannot misorder the rest.
    @inline(__always) static func compare(_ x: Double, _ y: Double) -> Int {
        if x < y { return -1 }
        if x > y { return 1 }
        return x.isNaN == y.isNaN ? 0 : (x.isNaN ? 1 : -1)
    }

    @inline(__always) func less(_ i: Int, _ j: Int) -> Bool { compare(i, j) < 0 }

    /// Whether a double key holds a NaN (a column built in code can); the single-key top-N compares with `<`,
    /// which has no total order over NaN, so such keys take the general path, which puts NaN last.
    var hasNaN: Bool {
        if case .doubles(let a) = keys { return a.contains { $0.isNaN } }
        return false
    }
}

/// Sort keys copied into raw buffers, so that comparing two rows costs no reference counting.
/// Nulls and NaN sort last in either direction.
final class RowComparator {
    private struct Key {
        var ints: UnsafeMutableBufferPointer<Int64>?
        var doubles: UnsafeMutableBufferPointer<Double>?
        var valid: UnsafeMutableBufferPointer<UInt64>?
        var descending: Bool
    }
    private let keys: [Key]

    init(_ sortKeys: [(SortKeys, Bool)]) {
        var keys: [Key] = []
        for (k, desc) in sortKeys {
            var key = Key(descending: desc)
            switch k.keys {
            case .ints(let a):
                key.ints = .allocate(capacity: a.count); _ = key.ints!.initialize(from: a)
            case .doubles(let a):
                key.doubles = .allocate(capacity: a.count); _ = key.doubles!.initialize(from: a)
            }
            if let v = k.validity {
                key.valid = .allocate(capacity: v.words.count); _ = key.valid!.initialize(from: v.words)
            }
            keys.append(key)
        }
        self.keys = keys
    }

    deinit {
        for k in keys { k.ints?.deallocate(); k.doubles?.deallocate(); k.valid?.deallocate() }
    }

    /// Whether row i comes before row j (ties keep row order).
    @inline(__always) func precedes(_ i: Int, _ j: Int) -> Bool {
        for k in keys {
            if let v = k.valid {
                let vi = v[i >> 6] & (1 << UInt64(i & 63)) != 0, vj = v[j >> 6] & (1 << UInt64(j & 63)) != 0
                if !vi || !vj {
                    if vi == vj { continue }
                    return vi
                }
            }
            var c: Int
            if let a = k.ints {
                c = a[i] < a[j] ? -1 : (a[i] == a[j] ? 0 : 1)
            } else {
                // NaN goes last in either direction, as null does.
                let x = k.doubles![i], y = k.doubles![j]
                if x.isNaN || y.isNaN {
                    if x.isNaN == y.isNaN { continue }
                    return y.isNaN
                }
                c = x < y ? -1 : (x == y ? 0 : 1)
            }
            if k.descending { c = -c }
            if c != 0 { return c < 0 }
        }
        return i < j
    }
}

/// Orders rows by several keys, stably.
enum Sorter {
    /// Largest N for which top-N keeps a sorted buffer instead of sorting every row.
    static let insertionLimit = 1024

    /// The rows (or the `selection`) in the order of `keys`, ties in row order.
    ///
    /// `shouldStop` is asked every 64K comparisons; once it says yes the sort finishes at once in no particular
    /// order, and the caller must drop the result (it checks its token right after).
    static func permutation(
        _ keys: [(SortKeys, Bool)], rows: Int, among selection: [Int]? = nil, shouldStop: () -> Bool = { false }
    ) -> [Int] {
        var comparisons = 0
        var stopped = false
        @inline(__always) func stopping() -> Bool {
            comparisons &+= 1
            if comparisons & 0xFFFF == 0, !stopped { stopped = shouldStop() }
            return stopped
        }
        // One integer key without nulls: sort (key, row) pairs directly.
        if keys.count == 1, keys[0].0.validity == nil, case .ints(let a) = keys[0].0.keys {
            let desc = keys[0].1
            var pairs = (selection ?? Array(0..<rows)).map { (desc ? ~a[$0] : a[$0], $0) }
            // Once stopped, the comparison throws, which ends the sort at once (rather than finishing its passes
            // with a comparison that always answers false); the caller drops the half-sorted result.
            try? pairs.sort { x, y throws in
                if stopping() { throw SortStopped() }
                return x.0 != y.0 ? x.0 < y.0 : x.1 < y.1
            }
            return pairs.map(\.1)
        }
        let cmp = RowComparator(keys)
        var idx = selection ?? Array(0..<rows)
        try? idx.sort { x, y throws in
            if stopping() { throw SortStopped() }
            return cmp.precedes(x, y)
        }
        return idx
    }

    /// Thrown by a sort's comparison once the sort is told to stop (Ctrl-C).
    struct SortStopped: Error {}

    /// Top-N on one key without nulls or NaN: most rows are rejected by a single comparison with the current N-th value.
    static func topSingle<T: Comparable>(
        _ a: [T], descending: Bool, rows: Int, n: Int, among selection: [Int]?,
        mask: (values: [Bool], validity: Bitmap?)? = nil
    ) -> [Int] {
        var best: [Int] = []
        best.reserveCapacity(n + 1)
        a.withUnsafeBufferPointer { x in
            // Rows arrive in increasing order, so a later row never wins a tie: once N rows are held, a row
            // must beat the N-th value strictly.
            var full = false
            var worst = x.first
            @inline(__always) func consider(_ i: Int) {
                let v = x[i]
                if full, let w = worst, descending ? !(v > w) : !(v < w) { return }
                var lo = 0, hi = best.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    let m = x[best[mid]]
                    let before = m == v ? best[mid] < i : (descending ? m > v : m < v)
                    if before { lo = mid + 1 } else { hi = mid }
                }
                best.insert(i, at: lo)
                if best.count > n { best.removeLast() }
                if best.count == n { full = true; worst = x[best[n - 1]] }
            }
            if let sel = selection {
                for i in sel { consider(i) }
            } else if let (m, validity) = mask {
                // A filter's mask, read in place: no selection vector is built. Once N rows are held, the
                // comparison with the N-th value comes first: it almost always rejects the row, a branch the
                // processor predicts, where the mask alone would pass rows at random.
                m.withUnsafeBufferPointer { keep in
                    let words = validity?.words ?? []
                    words.withUnsafeBufferPointer { w in
                        for i in 0..<rows {
                            if full, let t = worst, descending ? !(x[i] > t) : !(x[i] < t) { continue }
                            guard keep[i], w.isEmpty || w[i >> 6] & (1 << UInt64(i & 63)) != 0 else { continue }
                            consider(i)
                        }
                    }
                }
            } else {
                for i in 0..<rows { consider(i) }
            }
        }
        return best
    }

    /// The first `n` rows in order, without sorting everything (binary insertion into a bounded buffer).
    static func top(_ keys: [(SortKeys, Bool)], rows: Int, n: Int, among selection: [Int]? = nil) -> [Int] {
        if n <= 0 { return [] }
        let count = selection?.count ?? rows
        // Binary insertion into a buffer of N costs O(N) a row at worst: for a large N a full sort is cheaper.
        if n >= count / 8 || n > Sorter.insertionLimit { return Array(permutation(keys, rows: rows, among: selection).prefix(n)) }
        if keys.count == 1, keys[0].0.validity == nil, !keys[0].0.hasNaN {
            switch keys[0].0.keys {
            case .ints(let a): return topSingle(a, descending: keys[0].1, rows: rows, n: n, among: selection)
            case .doubles(let a): return topSingle(a, descending: keys[0].1, rows: rows, n: n, among: selection)
            }
        }
        let cmp = RowComparator(keys)
        var best: [Int] = []
        best.reserveCapacity(n + 1)
        func consider(_ i: Int) {
            if best.count == n, !cmp.precedes(i, best[n - 1]) { return }
            var lo = 0, hi = best.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if cmp.precedes(best[mid], i) { lo = mid + 1 } else { hi = mid }
            }
            best.insert(i, at: lo)
            if best.count > n { best.removeLast() }
        }
        if let sel = selection { for i in sel { consider(i) } } else { for i in 0..<rows { consider(i) } }
        return best
    }
}
