import RealizeStore

/// Predicate pushdown through inner joins: the conjuncts of a filter that read only the joined table's columns
/// are evaluated on that table before the join, so the join builds and emits only the rows that survive.
///
/// The join's right input becomes a sub-plan ending with the pushed filter. Left joins are left alone (filtering
/// their right side first would turn dropped rows into null-extended ones), and so are conjuncts that read a
/// column of the left side or no column at all.
struct FilterPushdown: OptimizerRule {
    let context: PlanContext
    var name: String { "filter pushdown" }

    func rewrite(_ plan: Plan) -> Rewrite? {
        var ops = plan.operators
        var notes: [String] = []
        var k = 0
        while k + 1 < ops.count {
            guard case .join(let right, let lks, let rks, let rcs, false, let lookup) = ops[k].kind, case .filter(let p) = ops[k + 1].kind,
                let rightSchema = context.schema(of: right)
            else {
                k += 1
                continue
            }
            let inCount = plan.inputCount(of: k)
            let parts = FilterPushdown.conjuncts(p)
            let readsRightOnly = parts.map { e in
                let refs = e.columnsReferenced
                return !refs.isEmpty && refs.allSatisfy { $0 >= inCount }
            }
            let onRight = parts.indices.filter { readsRightOnly[$0] }.map { parts[$0] }
            let rest = parts.indices.filter { !readsRightOnly[$0] }.map { parts[$0] }
            guard !onRight.isEmpty else {
                k += 1
                continue
            }
            let whole = rest.isEmpty
            let pushed = FilterPushdown.conjunction(onRight.map { $0.mapColumns { i, t in .column(rcs[i - inCount], t) } })
            let filter = Operator(
                kind: .filter(pushed), schema: rightSchema,
                summary: whole ? ops[k + 1].summary : "\(ops[k + 1].summary) (the part on \(right.label))")
            var sub: Plan
            if case .plan(let p) = right { sub = p } else { sub = Plan(source: right, sourceSchema: rightSchema, operators: []) }
            sub.operators.append(filter)
            ops[k].kind = .join(right: .plan(sub), leftKeys: lks, rightKeys: rks, rightColumns: rcs, left: false, lookup: lookup)
            notes.append("`\(ops[k + 1].summary)`\(whole ? "" : " (in part)") runs on \(right.label) before the join")
            if whole {
                ops.remove(at: k + 1)
            } else {
                ops[k + 1].kind = .filter(FilterPushdown.conjunction(rest))
                ops[k + 1].summary += " (the rest)"
                k += 1
            }
        }
        guard !notes.isEmpty else { return nil }
        var out = plan
        out.operators = ops
        return Rewrite(plan: out, notes: notes)
    }

    /// The parts of `a and b and …`, each kept whole if it is not an `and`.
    static func conjuncts(_ e: BoundExpr) -> [BoundExpr] {
        if case .logic(.and, let l, let r) = e { return conjuncts(l) + conjuncts(r) }
        return [e]
    }

    /// `parts` joined with `and` (non-empty).
    static func conjunction(_ parts: [BoundExpr]) -> BoundExpr {
        parts.dropFirst().reduce(parts[0]) { .logic(.and, $0, $1) }
    }
}
