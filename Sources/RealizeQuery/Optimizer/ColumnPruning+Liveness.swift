/// The backward pass of ``ColumnPruning``: which input columns each operator needs, given that every column of
/// the result (or those `outputs` names) is needed. The executor asks it too, to skip gathering a join's left
/// key when no later stage reads it.
extension ColumnPruning {
    /// For each operator `k` of `plan`, the columns of its input that it or a later stage reads.
    static func liveInputs(_ plan: Plan, keeping outputs: Set<Int>? = nil) -> [Set<Int>] {
        let ops = plan.operators
        var live = outputs ?? Set(0..<plan.schema.count)
        var liveIn: [Set<Int>] = Array(repeating: [], count: ops.count)
        for k in stride(from: ops.count - 1, through: 0, by: -1) {
            let inCount = plan.inputCount(of: k)
            var need = Set<Int>()
            switch ops[k].kind {
            case .filter(let e): need = live.union(e.columnsReferenced)
            case .project(let exprs): for j in live { need.formUnion(exprs[j].columnsReferenced) }
            case .aggregate(let keys, let aggs, _):
                for e in keys { need.formUnion(e.columnsReferenced) }
                for a in aggs { if let e = a.argument { need.formUnion(e.columnsReferenced) } }
            case .join(_, let lks, _, _, _, _): need = live.filter { $0 < inCount }.union(lks)
            case .union(_, let columns): need = Set(live.compactMap { columns[0][$0] })
            case .sort(let keys), .topN(let keys, _):
                need = live
                for (e, _) in keys { need.formUnion(e.columnsReferenced) }
            case .filteredTopN(let p, let keys, _):
                need = live.union(p.columnsReferenced)
                for (e, _) in keys { need.formUnion(e.columnsReferenced) }
            case .limit: need = live
            case .distinct, .window, .pivot, .unpivot: need = Set(0..<inCount)
            }
            liveIn[k] = need
            live = need
        }
        return liveIn
    }
}
