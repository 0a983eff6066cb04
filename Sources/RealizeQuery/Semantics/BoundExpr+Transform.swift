import RealizeStore

extension BoundExpr {
    /// The expression rewritten bottom-up: `f` is applied to every child first, then to the node rebuilt from the
    /// rewritten children; where `f` returns nil the node is kept as it is.
    ///
    /// Constant folding, for example, replaces a node whose children are all literals by one literal.
    ///
    /// - Complexity: O(n) calls of `f` for an expression of n nodes.
    func transformed(_ f: (BoundExpr) -> BoundExpr?) -> BoundExpr {
        let rebuilt: BoundExpr
        switch self {
        case .column, .literal: rebuilt = self
        case .negate(let x, let t): rebuilt = .negate(x.transformed(f), t)
        case .not(let x): rebuilt = .not(x.transformed(f))
        case .arithmetic(let op, let l, let r, let t): rebuilt = .arithmetic(op, l.transformed(f), r.transformed(f), t)
        case .concat(let l, let r): rebuilt = .concat(l.transformed(f), r.transformed(f))
        case .compare(let op, let l, let r): rebuilt = .compare(op, l.transformed(f), r.transformed(f))
        case .logic(let op, let l, let r): rebuilt = .logic(op, l.transformed(f), r.transformed(f))
        case .datePart(let p, let x): rebuilt = .datePart(p, x.transformed(f))
        case .call(let fn, let args, let t): rebuilt = .call(fn, args.map { $0.transformed(f) }, t)
        case .inList(let x, let v, let n): rebuilt = .inList(x.transformed(f), v, negated: n)
        case .isNull(let x, let n): rebuilt = .isNull(x.transformed(f), negated: n)
        case .conditional(let bs, let o, let t):
            rebuilt = .conditional(bs.map { ($0.0.transformed(f), $0.1.transformed(f)) }, o.map { $0.transformed(f) }, t)
        case .match(let op, let x, let p, let n): rebuilt = .match(op, x.transformed(f), p.transformed(f), negated: n)
        case .inRange(let x, let lo, let hi): rebuilt = .inRange(x.transformed(f), lo: lo, hi: hi)
        case .cast(let x, let t): rebuilt = .cast(x.transformed(f), t)
        }
        return f(rebuilt) ?? rebuilt
    }

    /// Whether the expression reads no column: its value is the same on every row.
    var isConstant: Bool { columnsReferenced.isEmpty }
}
