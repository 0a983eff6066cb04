import RealizeStore

/// Projection pushdown: drops columns that no later stage reads, so joins and filters gather only what is needed.
///
/// A backward pass finds, for each operator, which of its output columns are live; a forward pass then renumbers
/// column references and removes dead outputs, and the scan reads only the live source columns (``Plan/scanColumns``).
/// `distinct` and `window` keep their whole input (their meaning depends on it). The plan's result keeps all its columns.
struct ColumnPruning: OptimizerRule {
    var name: String { "column pruning" }

    func rewrite(_ plan: Plan) -> Rewrite? {
        var pruned = ColumnPruning.prune(plan).plan
        var notes: [String] = []
        let read = pruned.scanSchema.count
        let dropped = zip(plan.operators, pruned.operators).reduce(0) { $0 + $1.0.schema.count - $1.1.schema.count }
        if read < plan.scanSchema.count || dropped > 0 {
            var note = "\(plan.source.label) reads \(read) of \(plan.sourceSchema.count) columns"
            if dropped > 0 { note += "; \(dropped) column\(dropped == 1 ? "" : "s") dropped between stages" }
            notes.append(note)
        }
        // A join's sub-plan needs to produce only the keys and the columns the join passes on.
        for k in pruned.operators.indices {
            guard case .join(.plan(let sub), let lks, let rks, let rcs, let isLeft, let lookup) = pruned.operators[k].kind else { continue }
            let (narrow, outputOf) = ColumnPruning.prune(sub, keeping: Set(rks + rcs))
            guard narrow.scanSchema.count < sub.scanSchema.count || narrow.schema.count < sub.schema.count else { continue }
            pruned.operators[k].kind = .join(
                right: .plan(narrow), leftKeys: lks, rightKeys: rks.map { outputOf[$0]! }, rightColumns: rcs.map { outputOf[$0]! }, left: isLeft,
                lookup: lookup)
            notes.append("\(sub.source.label), joined, reads \(narrow.scanSchema.count) of \(sub.sourceSchema.count) columns")
        }
        // A union's sub-plans need to produce only the columns it stacks.
        for k in pruned.operators.indices {
            guard case .union(var inputs, var columns) = pruned.operators[k].kind else { continue }
            for j in inputs.indices {
                guard case .plan(let sub) = inputs[j] else { continue }
                let (narrow, outputOf) = ColumnPruning.prune(sub, keeping: Set(columns[j + 1].compactMap { $0 }))
                guard narrow.scanSchema.count < sub.scanSchema.count || narrow.schema.count < sub.schema.count else { continue }
                inputs[j] = .plan(narrow)
                columns[j + 1] = columns[j + 1].map { $0.map { outputOf[$0]! } }
                notes.append("\(sub.source.label), stacked, reads \(narrow.scanSchema.count) of \(sub.sourceSchema.count) columns")
            }
            pruned.operators[k].kind = .union(inputs: inputs, columns: columns)
        }
        return notes.isEmpty ? nil : Rewrite(plan: pruned, notes: notes)
    }

    /// `plan` reading and passing on only the columns that some later stage needs, or that `outputs` names
    /// (nil: every column of the result); and where each kept result column went.
    static func prune(_ plan: Plan, keeping outputs: Set<Int>? = nil) -> (plan: Plan, outputOf: [Int: Int]) {
        let ops = plan.operators
        let liveIn = liveInputs(plan, keeping: outputs)
        let scanSchema = plan.scanSchema
        let readColumns = ops.isEmpty ? (outputs?.sorted() ?? Array(0..<scanSchema.count)) : liveIn[0].sorted()
        // Forward: renumber.
        var mapping: [Int: Int] = [:]
        for (new, old) in readColumns.enumerated() { mapping[old] = new }
        var schema = readColumns.map { scanSchema[$0] }
        var out: [Operator] = []
        for (k, op) in ops.enumerated() {
            let m = mapping
            func r(_ e: BoundExpr) -> BoundExpr { e.mapColumns { i, t in .column(m[i]!, t) } }
            let liveOut: Set<Int> = k + 1 < ops.count ? liveIn[k + 1] : (outputs ?? Set(0..<op.schema.count))
            var newOp = op
            var newMapping: [Int: Int] = [:]
            switch op.kind {
            case .filter(let e):
                newOp.kind = .filter(r(e)); newMapping = mapping
            case .sort(let keys): newOp.kind = .sort(keys.map { (r($0.0), $0.1) }); newMapping = mapping
            case .topN(let keys, let n): newOp.kind = .topN(keys.map { (r($0.0), $0.1) }, n); newMapping = mapping
            case .filteredTopN(let p, let keys, let n):
                newOp.kind = .filteredTopN(r(p), keys.map { (r($0.0), $0.1) }, n); newMapping = mapping
            case .limit: newMapping = mapping
            case .distinct: newMapping = mapping
            case .project(let exprs):
                let keep = exprs.indices.filter { liveOut.contains($0) }
                newOp.kind = .project(keep.map { r(exprs[$0]) })
                newOp.schema = keep.map { op.schema[$0] }
                for (new, old) in keep.enumerated() { newMapping[old] = new }
            case .aggregate(let keys, let aggs, let outputs):
                let keep = outputs.indices.filter { liveOut.contains($0) }
                let newAggs = aggs.map { a -> AggregateSpec in
                    var a = a; a.argument = a.argument.map(r); return a
                }
                newOp.kind = .aggregate(keys: keys.map(r), aggregates: newAggs, outputs: keep.map { outputs[$0] })
                newOp.schema = keep.map { op.schema[$0] }
                for (new, old) in keep.enumerated() { newMapping[old] = new }
            case .join(let right, let lks, let rks, let rightColumns, let isLeft, let lookup):
                let inCount = plan.inputCount(of: k)
                newMapping = mapping.filter { liveOut.contains($0.key) || lks.contains($0.key) }
                var newSchema = schema
                var keptRight: [Int] = []
                for (j, rc) in rightColumns.enumerated() where liveOut.contains(inCount + j) {
                    newMapping[inCount + j] = newSchema.count
                    newSchema.append(op.schema[inCount + j])
                    keptRight.append(rc)
                }
                newOp.kind = .join(right: right, leftKeys: lks.map { m[$0]! }, rightKeys: rks, rightColumns: keptRight, left: isLeft, lookup: lookup)
                newOp.schema = newSchema
            case .union(let inputs, let columns):
                // Only the live output columns are stacked; the other parts' maps keep their own indices.
                let keep = op.schema.indices.filter { liveOut.contains($0) }
                var newColumns = [keep.map { columns[0][$0].map { m[$0]! } }]
                for p in 1..<columns.count { newColumns.append(keep.map { columns[p][$0] }) }
                newOp.kind = .union(inputs: inputs, columns: newColumns)
                newOp.summary = Planner.unionSummary(Planner.unionNames(inSummary: op.summary), newColumns)
                newOp.schema = keep.map { op.schema[$0] }
                for (new, old) in keep.enumerated() { newMapping[old] = new }
            case .window(let partition, let order, let calls, let outputs):
                // Whole input kept (identity mapping), so the outputs, over input and calls, need no renumbering.
                newOp.kind = .window(
                    partition: partition.map(r), order: order.map { (r($0.0), $0.1) },
                    calls: calls.map { c in
                        var c = c
                        c.args = c.args.map(r)
                        if var a = c.aggregate {
                            a.argument = a.argument.map(r)
                            c.aggregate = a
                        }
                        return c
                    }, outputs: outputs)
                for j in op.schema.indices { newMapping[j] = j }
            case .pivot:
                newMapping = mapping
            case .unpivot:
                // Whole input kept, so the new schema stands as it is.
                for j in op.schema.indices { newMapping[j] = j }
            }
            if case .project = op.kind {
            } else if case .aggregate = op.kind {
            } else if case .join = op.kind {
            } else if case .union = op.kind {
            } else if case .unpivot = op.kind {
            } else if case .window = op.kind {
            } else {
                newOp.schema = schema
            }
            out.append(newOp)
            schema = newOp.schema
            mapping = newMapping
        }
        let scan = readColumns.map { plan.scanColumns?[$0] ?? $0 }
        return (Plan(source: plan.source, sourceSchema: plan.sourceSchema, operators: out, scanColumns: scan), mapping)
    }
}
