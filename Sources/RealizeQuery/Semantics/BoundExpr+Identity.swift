import RealizeStore

extension BoundExpr {
    /// Whether two checked expressions are the same tree: the same nodes, columns, types and literals (a decimal
    /// literal at the same scale: `1.0` is not `1.00`, whose results differ in places).
    ///
    /// What the binder's sharing of aggregates written twice compares; structural, where a comparison of the
    /// trees' printed forms went through reflection (milliseconds per query).
    func isSame(as other: BoundExpr) -> Bool {
        switch (self, other) {
        case (.column(let i, let t), .column(let j, let u)): return i == j && t == u
        case (.literal(let v, let t), .literal(let w, let u)): return Self.sameLiteral(v, w) && t == u
        case (.negate(let x, let t), .negate(let y, let u)): return t == u && x.isSame(as: y)
        case (.not(let x), .not(let y)): return x.isSame(as: y)
        case (.arithmetic(let o, let a, let b, let t), .arithmetic(let p, let c, let d, let u)):
            return o == p && t == u && a.isSame(as: c) && b.isSame(as: d)
        case (.concat(let a, let b), .concat(let c, let d)): return a.isSame(as: c) && b.isSame(as: d)
        case (.compare(let o, let a, let b), .compare(let p, let c, let d)), (.logic(let o, let a, let b), .logic(let p, let c, let d)):
            return o == p && a.isSame(as: c) && b.isSame(as: d)
        case (.datePart(let p, let x), .datePart(let q, let y)): return p == q && x.isSame(as: y)
        case (.call(let f, let xs, let t), .call(let g, let ys, let u)): return f == g && t == u && Self.same(xs, ys)
        case (.inList(let x, let vs, let n), .inList(let y, let ws, let m)):
            return n == m && vs.count == ws.count && zip(vs, ws).allSatisfy { Self.sameLiteral($0, $1) } && x.isSame(as: y)
        case (.isNull(let x, let n), .isNull(let y, let m)): return n == m && x.isSame(as: y)
        case (.conditional(let bs, let o, let t), .conditional(let cs, let p, let u)):
            guard t == u, bs.count == cs.count, zip(bs, cs).allSatisfy({ $0.0.isSame(as: $1.0) && $0.1.isSame(as: $1.1) }) else { return false }
            switch (o, p) {
            case (nil, nil): return true
            case (let x?, let y?): return x.isSame(as: y)
            default: return false
            }
        case (.match(let o, let a, let b, let n), .match(let p, let c, let d, let m)): return o == p && n == m && a.isSame(as: c) && b.isSame(as: d)
        case (.inRange(let x, let lo, let hi), .inRange(let y, let lo2, let hi2)): return lo == lo2 && hi == hi2 && x.isSame(as: y)
        case (.cast(let x, let t), .cast(let y, let u)): return t == u && x.isSame(as: y)
        default: return false
        }
    }

    private static func same(_ xs: [BoundExpr], _ ys: [BoundExpr]) -> Bool {
        xs.count == ys.count && zip(xs, ys).allSatisfy { $0.isSame(as: $1) }
    }

    /// Equal values of one kind, written the same way (the raw text shows a decimal's scale).
    private static func sameLiteral(_ v: Value, _ w: Value) -> Bool {
        v == w && v.description == w.description
    }
}

extension AggregateSpec {
    /// The same aggregate of the same argument (see ``BoundExpr/isSame(as:)``).
    func isSame(as other: AggregateSpec) -> Bool {
        guard function == other.function, type == other.type, parameter.bitPattern == other.parameter.bitPattern else { return false }
        switch (argument, other.argument) {
        case (nil, nil): return true
        case (let x?, let y?): return x.isSame(as: y)
        default: return false
        }
    }
}
