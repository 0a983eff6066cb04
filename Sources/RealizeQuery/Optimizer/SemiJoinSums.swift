import RealizeStore

/// Names, for `explain`, an inner lookup join whose following aggregate reads only the join's left columns (its
/// keys plain left columns, its aggregates `count()` and sums of left decimals): the executor runs the two as one
/// semi-join aggregate (see ``SemiJoinAggregate``), summing the left rows whose key code meets a right row straight
/// into dense group cells, with no joined rows.
///
/// The plan is left as it is (the executor finds the pair itself, and joins then aggregates whenever a run-time
/// precondition fails: keys not text, wide decimals, too many group cells); only the aggregate's summary says how
/// it runs. It must come after ``LookupJoin`` (which marks lookup joins) and ``OrderedGroups``.
struct SemiJoinSums: OptimizerRule {
    var name: String { "semi-join sums" }

    func rewrite(_ plan: Plan) -> Rewrite? {
        var ops = plan.operators
        var notes: [String] = []
        for k in ops.indices.dropLast()
        where SemiJoinAggregate.shape(join: ops[k].kind, aggregate: ops[k + 1].kind, leftWidth: plan.inputCount(of: k)) != nil {
            notes.append("the aggregate reads only the join's left columns: it sums the rows whose key code meets a right row, with no joined rows")
            ops[k + 1].summary += ", fused with the join (a semi-join by key code)"
        }
        guard !notes.isEmpty else { return nil }
        var out = plan
        out.operators = ops
        return Rewrite(plan: out, notes: notes)
    }
}
