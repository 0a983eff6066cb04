import RealizeStore

/// `sum(predicate)` (the binder's `sum(cast(predicate as int))`) counted per group as it is decided: no column
/// of ints, and for an int column compared with an int literal (`sum(score >= 9)`) no column of booleans either.
///
/// The results are those of the ordinary path: the count of rows where the predicate is true; null for a group
/// where it is null on every row.
enum FusedCount {
    /// The counts per group of `g`, or nil when `spec` is not a sum of a cast predicate (the caller then evaluates
    /// the argument).
    static func compute(_ spec: AggregateSpec, _ ev: Evaluator, grouping g: Grouping, rows: Int) throws(NumericOverflow) -> Column? {
        guard spec.function == .sum, case .cast(let p, .int) = spec.argument, p.type == .bool, g.groupOf.count == rows, rows > 0
        else { return nil }
        if case .compare(let op, let l, .literal(.int(let v), _)) = p, l.type == .int {
            let c = try ev.eval(l)
            if case .int(let a) = c.storage, a.count == rows, let counts = intCompare(op, a, v, c.validity, g) { return counts }
        }
        let b = try ev.eval(p)
        guard case .bool(let a) = b.storage, a.count == rows else { return nil }
        return count(rows: rows, validity: b.validity, g) { a[$0] }
    }

    /// Counts of `a[i] op v` per group, or nil for an operator that is not a comparison.
    private static func intCompare(_ op: BinaryOperator, _ a: [Int64], _ v: Int64, _ valid: Bitmap?, _ g: Grouping) -> Column? {
        a.withUnsafeBufferPointer { x -> Column? in
            switch op {
            case .equal: return count(rows: x.count, validity: valid, g) { x[$0] == v }
            case .notEqual: return count(rows: x.count, validity: valid, g) { x[$0] != v }
            case .less: return count(rows: x.count, validity: valid, g) { x[$0] < v }
            case .lessOrEqual: return count(rows: x.count, validity: valid, g) { x[$0] <= v }
            case .greater: return count(rows: x.count, validity: valid, g) { x[$0] > v }
            case .greaterOrEqual: return count(rows: x.count, validity: valid, g) { x[$0] >= v }
            default: return nil
            }
        }
    }

    /// Per group, the rows where `isTrue` holds among the valid ones; null where a group has no valid row.
    @inline(__always) private static func count(rows: Int, validity: Bitmap?, _ g: Grouping, isTrue: (Int) -> Bool) -> Column {
        var counts = [Int64](repeating: 0, count: g.count)
        guard let validity else {
            counts.withUnsafeMutableBufferPointer { c in
                g.groupOf.withUnsafeBufferPointer { gid in
                    for i in 0..<rows { c[Int(gid[i])] &+= isTrue(i) ? 1 : 0 }
                }
            }
            // Every group of a grouping has a row, so each has a value.
            return Column(name: "", storage: .int(counts))
        }
        var seen = [Int64](repeating: 0, count: g.count)
        counts.withUnsafeMutableBufferPointer { c in
            seen.withUnsafeMutableBufferPointer { s in
                g.groupOf.withUnsafeBufferPointer { gid in
                    validity.words.withUnsafeBufferPointer { w in
                        for i in 0..<rows where w[i >> 6] & (1 << UInt64(i & 63)) != 0 {
                            let k = Int(gid[i])
                            s[k] &+= 1
                            c[k] &+= isTrue(i) ? 1 : 0
                        }
                    }
                }
            }
        }
        return Column(name: "", storage: .int(counts), validity: Aggregator.validity(seen, []))
    }
}
