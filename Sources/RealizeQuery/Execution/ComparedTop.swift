import RealizeStore

/// `where a op b | sort ±key | take n` with `a`, `b` and `key` 64-bit integer units (ints, or narrow decimals of one
/// scale) and `key` without nulls: one pass over the key column, where a row is looked at only when its key beats
/// the N-th best so far, and the condition is decided for that row alone. No column of booleans is built, and the
/// operands are read only for the few rows whose key could win.
///
/// The rows are those of the general path (filter, stable sort, first N): rows arrive in increasing order, so a
/// row enters the buffer after every held row with an equal key, and once N rows are held a row must beat the N-th
/// strictly. A row where `a` or `b` is null does not pass (the comparison is null).
enum ComparedTop {
    /// The operands of a fused top-N: the key's and the two sides' units, and the rows where both sides hold values.
    struct Operands {
        var key: [Int64]
        var left: [Int64]
        var right: [Int64]
        var valid: Bitmap?
        var op: BinaryOperator
    }

    /// The operands for `condition` and `key`, or nil when their shape does not fit (the caller takes the general path).
    static func operands(_ condition: BoundExpr, key: Column, _ ev: Evaluator) throws(NumericOverflow) -> Operands? {
        guard key.validity == nil, let k = units(key).map(\.0),
            case .compare(let op, let l, let r) = condition,
            [.less, .lessOrEqual, .greater, .greaterOrEqual, .equal, .notEqual].contains(op)
        else { return nil }
        let a = try ev.eval(l)
        let b = try ev.eval(r)
        guard let (x, s) = units(a), let (y, t) = units(b), s == t, x.count == k.count, y.count == k.count else { return nil }
        return Operands(key: k, left: x, right: y, valid: Bitmap.and(a.validity, b.validity), op: op)
    }

    /// 64-bit units and scale of an int column (scale 0) or a narrow decimal column; nil for anything else.
    static func units(_ c: Column) -> ([Int64], Int)? {
        switch c.storage {
        case .int(let a): return (a, 0)
        case .decimal(let u, let s): return u.narrow.map { ($0, s) }
        default: return nil
        }
    }

    /// The first `n` rows (1 ≤ n) in the order of the key (`descending` or not) among those where the condition
    /// holds, in order.
    static func top(_ o: Operands, descending: Bool, n: Int) -> [Int] {
        var best: [Int] = []
        var bestKeys: [Int64] = []  // in ascending order of `rank`
        best.reserveCapacity(n + 1)
        bestKeys.reserveCapacity(n + 1)
        // Descending order is ascending order of `~key` (a bijection that reverses the order, with no overflow).
        @inline(__always) func rank(_ v: Int64) -> Int64 { descending ? ~v : v }
        let rows = o.key.count
        let words = o.valid?.words ?? []
        o.key.withUnsafeBufferPointer { k in
            o.left.withUnsafeBufferPointer { x in
                o.right.withUnsafeBufferPointer { y in
                    words.withUnsafeBufferPointer { w in
                        var i = 0
                        while i < rows {
                            if best.count == n {
                                // Full: skip, in a tight loop, every row that does not beat the N-th key strictly.
                                let bound = bestKeys[n - 1]
                                if descending {
                                    let t = ~bound
                                    while i < rows && k[i] <= t { i += 1 }
                                } else {
                                    while i < rows && k[i] >= bound { i += 1 }
                                }
                                if i == rows { break }
                            }
                            defer { i += 1 }
                            guard w.isEmpty || w[i >> 6] & (1 << UInt64(i & 63)) != 0, holds(o.op, x[i], y[i]) else { continue }
                            // After every held key that is not greater (earlier rows win ties).
                            let v = rank(k[i])
                            var lo = 0
                            var hi = bestKeys.count
                            while lo < hi {
                                let mid = (lo + hi) / 2
                                if bestKeys[mid] <= v { lo = mid + 1 } else { hi = mid }
                            }
                            best.insert(i, at: lo)
                            bestKeys.insert(v, at: lo)
                            if best.count > n {
                                best.removeLast()
                                bestKeys.removeLast()
                            }
                        }
                    }
                }
            }
        }
        return best
    }

    /// Whether `a op b` holds.
    @inline(__always) static func holds(_ op: BinaryOperator, _ a: Int64, _ b: Int64) -> Bool {
        switch op {
        case .less: a < b
        case .lessOrEqual: a <= b
        case .greater: a > b
        case .greaterOrEqual: a >= b
        case .equal: a == b
        default: a != b
        }
    }
}
