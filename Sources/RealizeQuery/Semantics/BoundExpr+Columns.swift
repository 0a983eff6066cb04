import RealizeStore

extension BoundExpr {
    /// Rewrites every column reference with `f` (used to inline derived columns and to renumber after pruning).
    func mapColumns(_ f: (Int, DataType) -> BoundExpr) -> BoundExpr {
        switch self {
        case .column(let i, let t): return f(i, t)
        case .literal: return self
        case .negate(let x, let t): return .negate(x.mapColumns(f), t)
        case .not(let x): return .not(x.mapColumns(f))
        case .arithmetic(let op, let l, let r, let t): return .arithmetic(op, l.mapColumns(f), r.mapColumns(f), t)
        case .concat(let l, let r): return .concat(l.mapColumns(f), r.mapColumns(f))
        case .compare(let op, let l, let r): return .compare(op, l.mapColumns(f), r.mapColumns(f))
        case .logic(let op, let l, let r): return .logic(op, l.mapColumns(f), r.mapColumns(f))
        case .datePart(let p, let x): return .datePart(p, x.mapColumns(f))
        case .call(let n, let args, let t): return .call(n, args.map { $0.mapColumns(f) }, t)
        case .inList(let x, let v, let n): return .inList(x.mapColumns(f), v, negated: n)
        case .isNull(let x, let n): return .isNull(x.mapColumns(f), negated: n)
        case .conditional(let bs, let o, let t):
            return .conditional(bs.map { ($0.0.mapColumns(f), $0.1.mapColumns(f)) }, o.map { $0.mapColumns(f) }, t)
        case .match(let op, let x, let p, let n): return .match(op, x.mapColumns(f), p.mapColumns(f), negated: n)
        case .inRange(let x, let lo, let hi): return .inRange(x.mapColumns(f), lo: lo, hi: hi)
        case .cast(let x, let t): return .cast(x.mapColumns(f), t)
        }
    }

    /// The column indices this expression reads.
    var columnsReferenced: Set<Int> {
        var s = Set<Int>()
        _ = mapColumns { i, t in
            s.insert(i); return .column(i, t)
        }
        return s
    }
}
