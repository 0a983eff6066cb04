import RealizeStore

/// Projection pushdown: drops columns that no later stage reads, so joins and filters gather only what is needed.
///
/// A backward pass finds, for each operator, which of its output columns are live; a forward pass then renumbers
/// column references and removes dead outputs. `distinct` and `window` keep their whole input (their meaning
/// depends on it).
enum ColumnPruning {
    static func prune(_ plan: Plan) -> (plan: Plan, sourceColumns: [Int]) {
        let ops = plan.operators
        // live[k]: live output columns of operator k; liveIn[k]: columns of its input it needs.
        var live = Set(0..<plan.schema.count)
        var liveIn: [Set<Int>] = Array(repeating: [], count: ops.count)
        for k in stride(from: ops.count - 1, through: 0, by: -1) {
            let inCount = k == 0 ? plan.sourceSchema.count : ops[k - 1].schema.count
            var need = Set<Int>()
            switch ops[k].kind {
            case .filter(let e): need = live.union(e.columnsReferenced)
            case .project(let exprs): for j in live { need.formUnion(exprs[j].columnsReferenced) }
            case .aggregate(let keys, let aggs, _):
                for e in keys { need.formUnion(e.columnsReferenced) }
                for a in aggs { if let e = a.argument { need.formUnion(e.columnsReferenced) } }
            case .join(_, let lks, _, _, _): need = live.filter { $0 < inCount }.union(lks)
            case .sort(let keys), .topN(let keys, _):
                need = live
                for (e, _) in keys { need.formUnion(e.columnsReferenced) }
            case .limit: need = live
            case .distinct, .window, .pivot: need = Set(0..<inCount)
            }
            liveIn[k] = need
            live = need
        }
        let sourceColumns = ops.isEmpty ? Array(0..<plan.sourceSchema.count) : liveIn[0].sorted()
        // Forward: renumber.
        var mapping: [Int: Int] = [:]
        for (new, old) in sourceColumns.enumerated() { mapping[old] = new }
        var schema = sourceColumns.map { plan.sourceSchema[$0] }
        let sourceSchema = schema
        var out: [Operator] = []
        for (k, op) in ops.enumerated() {
            let m = mapping
            func r(_ e: BoundExpr) -> BoundExpr { e.mapColumns { i, t in .column(m[i]!, t) } }
            let liveOut: Set<Int> = k + 1 < ops.count ? liveIn[k + 1] : Set(0..<op.schema.count)
            var newOp = op
            var newMapping: [Int: Int] = [:]
            switch op.kind {
            case .filter(let e):
                newOp.kind = .filter(r(e)); newMapping = mapping
            case .sort(let keys): newOp.kind = .sort(keys.map { (r($0.0), $0.1) }); newMapping = mapping
            case .topN(let keys, let n): newOp.kind = .topN(keys.map { (r($0.0), $0.1) }, n); newMapping = mapping
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
            case .join(let right, let lks, let rks, let rightColumns, let isLeft):
                let inCount = k == 0 ? plan.sourceSchema.count : ops[k - 1].schema.count
                newMapping = mapping.filter { liveOut.contains($0.key) || lks.contains($0.key) }
                var newSchema = schema
                var keptRight: [Int] = []
                for (j, rc) in rightColumns.enumerated() where liveOut.contains(inCount + j) {
                    newMapping[inCount + j] = newSchema.count
                    newSchema.append(op.schema[inCount + j])
                    keptRight.append(rc)
                }
                newOp.kind = .join(right: right, leftKeys: lks.map { m[$0]! }, rightKeys: rks, rightColumns: keptRight, left: isLeft)
                newOp.schema = newSchema
            case .window(let partition, let order, let calls, let outputs):
                // Whole input kept (identity mapping), so the outputs, over input and calls, need no renumbering.
                newOp.kind = .window(
                    partition: partition.map(r), order: order.map { (r($0.0), $0.1) },
                    calls: calls.map { WindowCall(function: $0.function, args: $0.args.map(r), params: $0.params, type: $0.type) }, outputs: outputs)
                for j in op.schema.indices { newMapping[j] = j }
            case .pivot:
                newMapping = mapping
            }
            if case .project = op.kind {
            } else if case .aggregate = op.kind {
            } else if case .join = op.kind {
            } else if case .window = op.kind {
            } else {
                newOp.schema = schema
            }
            out.append(newOp)
            schema = newOp.schema
            mapping = newMapping
        }
        return (Plan(source: plan.source, sourceSchema: sourceSchema, operators: out), sourceColumns)
    }
}
