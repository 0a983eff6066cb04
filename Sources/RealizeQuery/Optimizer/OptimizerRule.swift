import RealizeStore

/// One rewrite of the optimizer, from plan to plan (filter pushdown, top-N, lookup joins, …).
///
/// A rule rewrites one level of a plan; ``apply(_:)`` also runs it over every sub-plan the plan reads (a
/// parenthesised source, the right side of a join), innermost first.
protocol OptimizerRule: Sendable {
    /// The rule's name, as `explain` lists it under `rewrites:`.
    var name: String { get }
    /// Rewrites the operators of `plan` (not its sub-plans); nil when the rule does not fire.
    func rewrite(_ plan: Plan) -> Rewrite?
}

/// What a rule did: the new plan, and one short description per change, for `explain`.
struct Rewrite {
    var plan: Plan
    var notes: [String]
}

extension OptimizerRule {
    /// Runs the rule over `plan` and its sub-plans; nil when it fired nowhere.
    func apply(_ plan: Plan) -> Rewrite? {
        var p = plan
        var notes: [String] = []
        if case .plan(let sub) = p.source, let r = apply(sub) {
            p.source = .plan(r.plan)
            notes += r.notes
        }
        for k in p.operators.indices {
            guard case .join(.plan(let sub), let lks, let rks, let rcs, let isLeft, let lookup) = p.operators[k].kind, let r = apply(sub) else { continue }
            p.operators[k].kind = .join(right: .plan(r.plan), leftKeys: lks, rightKeys: rks, rightColumns: rcs, left: isLeft, lookup: lookup)
            notes += r.notes
        }
        for k in p.operators.indices {
            guard case .union(var inputs, let columns) = p.operators[k].kind else { continue }
            var changed = false
            for j in inputs.indices {
                guard case .plan(let sub) = inputs[j], let r = apply(sub) else { continue }
                inputs[j] = .plan(r.plan)
                notes += r.notes
                changed = true
            }
            if changed { p.operators[k].kind = .union(inputs: inputs, columns: columns) }
        }
        if let r = rewrite(p) {
            p = r.plan
            notes += r.notes
        }
        return notes.isEmpty ? nil : Rewrite(plan: p, notes: notes)
    }
}

extension Plan {
    /// The number of columns operator `k` reads: the scan's for the first, else the previous operator's.
    func inputCount(of k: Int) -> Int {
        k == 0 ? scanSchema.count : operators[k - 1].schema.count
    }
}
