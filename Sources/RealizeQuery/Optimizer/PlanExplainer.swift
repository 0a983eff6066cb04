import RealizeStore

/// Renders an optimized plan for `explain`: one line per step, from the scan to the last operator, each sub-plan
/// indented under the step that reads it, then a `rewrites:` section naming each rewrite the optimizer applied.
enum PlanExplainer {
    /// The steps of `plan`, each line starting with `→ `, indented two spaces per level of nesting.
    static func steps(_ plan: Plan, depth: Int = 0) -> [String] {
        let pad = String(repeating: "  ", count: depth)
        let read = plan.scanSchema.map(\.name)
        let reads = "reads \(read.count) of \(plan.sourceSchema.count) columns (\(read.joined(separator: ", ")))"
        var lines: [String]
        if case .command(let text, let result) = plan.source {
            // A table command ran while planning: say so, with the size of what it produced.
            lines = ["\(pad)→ command \(text): \(result.rowCount) \(result.rowCount == 1 ? "row" : "rows"), \(reads)"]
        } else {
            lines = ["\(pad)→ scan \(plan.source.label): \(reads)"]
        }
        if case .plan(let sub) = plan.source { lines += steps(sub, depth: depth + 1) }
        for op in plan.operators {
            lines.append(pad + "→ " + line(op))
            if case .join(.plan(let sub), _, _, _, _, _) = op.kind { lines += steps(sub, depth: depth + 1) }
            if case .union(let inputs, _) = op.kind {
                for case .plan(let sub) in inputs { lines += steps(sub, depth: depth + 1) }
            }
        }
        return lines
    }

    /// One operator: its summary, and how it runs when a rewrite chose a special path.
    static func line(_ op: Operator) -> String {
        switch op.kind {
        case .join(_, _, _, _, _, true): return op.summary + ", lookup: at most one match per row"
        default: return op.summary
        }
    }

    /// The `rewrites:` section: one line per rewrite applied, or `rewrites: none`.
    static func rewrites(_ applied: [AppliedRewrite]) -> [String] {
        guard !applied.isEmpty else { return ["rewrites: none"] }
        return ["rewrites:"] + applied.map { "  \($0.rule): \($0.description)" }
    }

    /// The whole `explain` text: the steps (of one plan, or of several joined by pivots), then the rewrites.
    static func text(steps: [String], rewrites applied: [AppliedRewrite]) -> String {
        (steps + rewrites(applied)).joined(separator: "\n")
    }
}
