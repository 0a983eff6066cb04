import RealizeStore

/// A rewrite that fired: the rule's name and what it changed, as `explain` lists it.
public struct AppliedRewrite: Sendable, Equatable {
    public var rule: String
    public var description: String
}

/// A plan after optimization, with the rewrites that made it.
struct OptimizedPlan: Sendable {
    var plan: Plan
    var rewrites: [AppliedRewrite]
}

/// Runs the optimizer rules over a checked plan, in order, each once, and records which fired.
///
/// The order matters: constants are folded before anything reads predicates; filters move below joins before
/// top-N fuses a filter with the sort that follows; a sort on the group keys is dropped after top-N had its chance at it; lookup joins are found once pushed filters sit in the join's
/// input; and column pruning, which renumbers columns, comes last.
struct Optimizer {
    let context: PlanContext

    /// The rules, in the order they run.
    var rules: [any OptimizerRule] {
        [
            ConstantFolding(settings: context.settings), FilterPushdown(context: context), TopN(), OrderedGroups(), LookupJoin(context: context),
            SemiJoinSums(),
            ColumnPruning(),
        ]
    }

    /// The optimized plan, and the rewrites applied.
    func optimize(_ plan: Plan) -> OptimizedPlan {
        var out = OptimizedPlan(plan: plan, rewrites: [])
        for rule in rules {
            guard let r = rule.apply(out.plan) else { continue }
            out.plan = r.plan
            out.rewrites += r.notes.map { AppliedRewrite(rule: rule.name, description: $0) }
        }
        return out
    }
}
