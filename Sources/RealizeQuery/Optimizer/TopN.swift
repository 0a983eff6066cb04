import RealizeStore

/// Ordered limits become partial sorts: `sort … | take N` turns into a top-N, and a filter right before a top-N
/// fuses with it into a filtered top-N, which orders the selected rows through the filter's mask and gathers only N.
///
/// Both keep the result exactly: a top-N returns the first N rows of the stable sort, in order.
struct TopN: OptimizerRule {
    var name: String { "top-N" }

    func rewrite(_ plan: Plan) -> Rewrite? {
        var ops = plan.operators
        var notes: [String] = []
        // sort + take → top-N.
        var k = 0
        while k + 1 < ops.count {
            if case .sort(let keys) = ops[k].kind, case .limit(let n) = ops[k + 1].kind {
                let summary = "partial sort: \(ops[k].summary), take \(n)"
                notes.append("`\(ops[k].summary) | take \(n)` keeps the first \(n) rows of a partial sort")
                ops[k] = Operator(kind: .topN(keys, n), schema: ops[k].schema, summary: summary, range: ops[k].range)
                ops.remove(at: k + 1)
            }
            k += 1
        }
        // filter + top-N → filtered top-N.
        k = 0
        while k + 1 < ops.count {
            if case .filter(let p) = ops[k].kind, case .topN(let keys, let n) = ops[k + 1].kind {
                let summary = "\(ops[k].summary), then \(ops[k + 1].summary)"
                notes.append("`\(ops[k].summary)` fused with the top-\(n) that follows: rows are ordered through the filter's mask")
                ops[k] = Operator(kind: .filteredTopN(p, keys, n), schema: ops[k + 1].schema, summary: summary, range: ops[k].range)
                ops.remove(at: k + 1)
            }
            k += 1
        }
        guard !notes.isEmpty else { return nil }
        var out = plan
        out.operators = ops
        return Rewrite(plan: out, notes: notes)
    }
}
