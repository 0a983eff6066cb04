import RealizeStore

/// A sort right after an aggregate, on its group keys, is dropped: the aggregate numbers its groups in the order of
/// their keys instead of their first appearance (see ``OrderedGrouping``), so they come out sorted.
///
/// The rule fires when every sort key is a group key as the aggregate outputs it, and every group key is among
/// them: no two groups then tie, and the order is the sort's exactly. Where the executor cannot code the keys in
/// order (a decimal key, a wide range), it sorts the groups themselves, which is what the sort did.
struct OrderedGroups: OptimizerRule {
    var name: String { "ordered groups" }

    func rewrite(_ plan: Plan) -> Rewrite? {
        var ops = plan.operators
        var notes: [String] = []
        var k = 0
        while k + 1 < ops.count {
            defer { k += 1 }
            guard case .aggregate(let keys, _, let outputs) = ops[k].kind, ops[k].groupOrder == nil, case .sort(let sortKeys) = ops[k + 1].kind,
                let order = OrderedGroups.order(sortKeys, outputs: outputs, keyCount: keys.count)
            else { continue }
            let sort = ops[k + 1].summary
            notes.append("`\(sort)` dropped: the aggregate emits its groups in that order")
            ops[k].groupOrder = order
            ops[k].summary += ", groups in order (\(sort))"
            ops.remove(at: k + 1)
        }
        guard !notes.isEmpty else { return nil }
        var out = plan
        out.operators = ops
        return Rewrite(plan: out, notes: notes)
    }

    /// The group keys (index, descending) that `sortKeys` orders by, or nil when some sort key is not a group key
    /// as output, or some group key is left out.
    static func order(_ sortKeys: [(BoundExpr, Bool)], outputs: [BoundExpr], keyCount: Int) -> [(key: Int, descending: Bool)]? {
        guard keyCount > 0 else { return nil }
        var order: [(key: Int, descending: Bool)] = []
        for (e, descending) in sortKeys {
            guard case .column(let j, _) = e, j < outputs.count, case .column(let i, _) = outputs[j], i < keyCount else { return nil }
            // A key sorted twice is decided by its first mention.
            if !order.contains(where: { $0.key == i }) { order.append((i, descending)) }
        }
        return order.count == keyCount ? order : nil
    }
}
