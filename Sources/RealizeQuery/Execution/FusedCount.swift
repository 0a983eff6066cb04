import RealizeStore

/// `sum(predicate)` (the binder's `sum(cast(predicate as int))`) counted per group as it is decided: no column
/// of ints, and for an int column compared with an int literal (`sum(score >= 9)`) no column of booleans either.
///
/// The results are those of the ordinary path: the count of rows where the predicate is true; null for a group
/// where it is null on every row. Past ``ParallelRanges/defaultMinRows`` rows each range of rows is counted on
/// its own core and the partial counts (exact integers) are added in range order.
enum FusedCount {
    /// The counts per group of `g`, or nil when `spec` is not a sum of a cast predicate (the caller then evaluates
    /// the argument).
    static func compute(_ spec: AggregateSpec, _ ev: Evaluator, grouping g: Grouping, rows: Int) throws(NumericOverflow) -> Column? {
        guard spec.function == .sum, case .cast(let p, .int) = spec.argument, p.type == .bool, g.groupOf.count == rows, rows > 0
        else { return nil }
        if case .compare(let op, let l, .literal(.int(let v), _)) = p, l.type == .int, op.isComparison {
            let c = try ev.eval(l)
            if case .int(let a) = c.storage, a.count == rows {
                let valid = c.validity
                return merge(g, allValid: valid == nil) { r, gid, groups in
                    CountPartial.compare(a, op, v, valid, gid, groups: groups, rows: r)
                }
            }
        }
        let b = try ev.eval(p)
        guard case .bool(let a) = b.storage, a.count == rows else { return nil }
        let valid = b.validity
        return merge(g, allValid: valid == nil) { r, gid, groups in
            CountPartial.tally(a, valid, gid, groups: groups, rows: r) { $0 }
        }
    }

    /// The partial counts of the ranges of `g`'s rows (each from `part(range, groupOf, groups)`) added in range
    /// order; null where a group has no valid row.
    private static func merge(
        _ g: Grouping, allValid: Bool, part: @Sendable (Range<Int>, [Int32], Int) -> CountPartial
    ) -> Column {
        let gid = g.groupOf
        let groups = g.count
        let parts = ParallelRanges.map(rows: gid.count) { r, _ in part(r, gid, groups) } ?? []
        var counts = [Int64](repeating: 0, count: groups)
        var seen: [Int64]? = allValid ? nil : [Int64](repeating: 0, count: groups)
        for p in parts {
            for k in 0..<groups { counts[k] &+= p.counts[k] }
            if let s = p.seen { for k in 0..<groups { seen![k] &+= s[k] } }
        }
        // Without a validity bitmap every group of a grouping has a row, so each has a value.
        guard let seen else { return Column(name: "", storage: .int(counts)) }
        return Column(name: "", storage: .int(counts), validity: Aggregator.validity(seen, []))
    }
}

extension BinaryOperator {
    /// `=`, `!=`, `<`, `<=`, `>`, `>=`.
    fileprivate var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: return true
        default: return false
        }
    }
}

/// One range's part of ``FusedCount``: per group, the rows where the predicate holds, and the valid rows (nil
/// without a validity bitmap).
struct CountPartial: Sendable {
    var counts: [Int64]
    var seen: [Int64]?

    /// The counts of `a[i] op v` (a comparison) over `rows`.
    static func compare(
        _ a: [Int64], _ op: BinaryOperator, _ v: Int64, _ valid: Bitmap?, _ gid: [Int32], groups: Int, rows: Range<Int>
    ) -> CountPartial {
        switch op {
        case .equal: return tally(a, valid, gid, groups: groups, rows: rows) { $0 == v }
        case .notEqual: return tally(a, valid, gid, groups: groups, rows: rows) { $0 != v }
        case .less: return tally(a, valid, gid, groups: groups, rows: rows) { $0 < v }
        case .lessOrEqual: return tally(a, valid, gid, groups: groups, rows: rows) { $0 <= v }
        case .greater: return tally(a, valid, gid, groups: groups, rows: rows) { $0 > v }
        default: return tally(a, valid, gid, groups: groups, rows: rows) { $0 >= v }
        }
    }

    /// The counts of `isTrue(a[i])` over `rows` (inlined with its closure, so the loop calls nothing).
    @inline(__always) static func tally<T>(
        _ a: [T], _ validity: Bitmap?, _ gid: [Int32], groups: Int, rows: Range<Int>, isTrue: (T) -> Bool
    ) -> CountPartial {
        var counts = [Int64](repeating: 0, count: groups)
        guard let validity else {
            counts.withUnsafeMutableBufferPointer { c in
                a.withUnsafeBufferPointer { x in
                    gid.withUnsafeBufferPointer { g in
                        for i in rows { c[Int(g[i])] &+= isTrue(x[i]) ? 1 : 0 }
                    }
                }
            }
            return CountPartial(counts: counts, seen: nil)
        }
        var seen = [Int64](repeating: 0, count: groups)
        counts.withUnsafeMutableBufferPointer { c in
            seen.withUnsafeMutableBufferPointer { s in
                a.withUnsafeBufferPointer { x in
                    gid.withUnsafeBufferPointer { g in
                        validity.words.withUnsafeBufferPointer { w in
                            for i in rows where w[i >> 6] & (1 << UInt64(i & 63)) != 0 {
                                let k = Int(g[i])
                                s[k] &+= 1
                                c[k] &+= isTrue(x[i]) ? 1 : 0
                            }
                        }
                    }
                }
            }
        }
        return CountPartial(counts: counts, seen: seen)
    }
}
