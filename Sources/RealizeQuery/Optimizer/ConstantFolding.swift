import RealizeStore

/// Folds each sub-expression that reads no column (`100 * 1000`, `upper('a') || 'b'`) into one literal, computed
/// once while planning instead of once per row. This also lets the evaluator's literal fast paths apply.
///
/// It rewrites filter predicates, computed columns, sort keys and aggregate keys and arguments.
struct ConstantFolding: OptimizerRule {
    let settings: QuerySettings
    var name: String { "constant folding" }

    func rewrite(_ plan: Plan) -> Rewrite? {
        var out = plan
        var notes: [String] = []
        for k in out.operators.indices {
            var folds = 0
            let f = { (e: BoundExpr) -> BoundExpr in folded(e, &folds) }
            let keys = { (ks: [(BoundExpr, Bool)]) in ks.map { (f($0.0), $0.1) } }
            let op = out.operators[k]
            switch op.kind {
            case .filter(let p): out.operators[k].kind = .filter(f(p))
            case .project(let es): out.operators[k].kind = .project(es.map(f))
            case .sort(let ks): out.operators[k].kind = .sort(keys(ks))
            case .topN(let ks, let n): out.operators[k].kind = .topN(keys(ks), n)
            case .filteredTopN(let p, let ks, let n): out.operators[k].kind = .filteredTopN(f(p), keys(ks), n)
            case .aggregate(let ks, let aggs, let outputs):
                let args = aggs.map { a in
                    var a = a
                    a.argument = a.argument.map(f)
                    return a
                }
                out.operators[k].kind = .aggregate(keys: ks.map(f), aggregates: args, outputs: outputs.map(f))
            case .join, .union, .limit, .distinct, .window, .pivot, .unpivot: break
            }
            if folds > 0 { notes.append("\(folds) constant expression\(folds == 1 ? "" : "s") in `\(op.summary)`") }
        }
        return notes.isEmpty ? nil : Rewrite(plan: out, notes: notes)
    }

    /// `e` with its largest column-free sub-expressions replaced by their values; counts each fold.
    func folded(_ e: BoundExpr, _ folds: inout Int) -> BoundExpr {
        if case .literal = e { return e }
        if e.columnsReferenced.isEmpty {
            // An overflow is left for the run, which reports it at the stage.
            guard let c = try? Evaluator(table: Table(columns: [], rowCount: 1), settings: settings).eval(e) else { return e }
            folds += 1
            return .literal(c.value(at: 0), e.type)
        }
        return ConstantFolding.mapChildren(e) { folded($0, &folds) }
    }

    /// `e` with `f` applied to each direct sub-expression. (A local helper, to be replaced by the shared
    /// `BoundExpr` transform when it lands.)
    static func mapChildren(_ e: BoundExpr, _ f: (BoundExpr) -> BoundExpr) -> BoundExpr {
        switch e {
        case .column, .literal: return e
        case .negate(let x, let t): return .negate(f(x), t)
        case .not(let x): return .not(f(x))
        case .arithmetic(let op, let l, let r, let t): return .arithmetic(op, f(l), f(r), t)
        case .concat(let l, let r): return .concat(f(l), f(r))
        case .compare(let op, let l, let r): return .compare(op, f(l), f(r))
        case .logic(let op, let l, let r): return .logic(op, f(l), f(r))
        case .datePart(let p, let x): return .datePart(p, f(x))
        case .call(let n, let args, let t): return .call(n, args.map(f), t)
        case .inList(let x, let v, let n): return .inList(f(x), v, negated: n)
        case .isNull(let x, let n): return .isNull(f(x), negated: n)
        case .conditional(let bs, let o, let t): return .conditional(bs.map { (f($0.0), f($0.1)) }, o.map(f), t)
        case .match(let op, let x, let p, let n): return .match(op, f(x), f(p), negated: n)
        case .inRange(let x, let lo, let hi): return .inRange(f(x), lo: lo, hi: hi)
        case .cast(let x, let t): return .cast(f(x), t)
        }
    }
}
