import RealizeStore

extension Executor {
    /// A lookup join `op` and the aggregate `next` after it run as one semi-join aggregate (see
    /// ``SemiJoinAggregate``): the aggregate's result, `fused` true (the caller skips `next`). When the pair has
    /// that shape but a precondition fails at run time (keys not text, wide decimals, too many cells), the join
    /// alone, with the right input already read, and `fused` false. Nil when the pair does not have the shape.
    ///
    /// - Throws: ``Stop``: the join's, the right input's, and an overflow of the aggregate's outputs (reported at
    ///   the aggregate's stage, as ``apply(_:to:unread:)`` would).
    func semiJoinAggregate(_ op: Operator, _ next: Operator, _ t: Table, unread: Set<Int>) throws(Stop) -> (table: Table, fused: Bool)? {
        guard let shape = SemiJoinAggregate.shape(join: op.kind, aggregate: next.kind, leftWidth: t.columns.count),
            case .join(let rightInput, let lks, let rks, let rightCols, let isLeft, let lookup) = op.kind,
            case .aggregate(_, _, let outputs) = next.kind
        else { return nil }
        let right = try table(rightInput)
        guard
            let (columns, groups) = try SemiJoinAggregate.compute(
                shape, left: t, right: right, order: next.groupOrder, shouldStop: { [cancel] in cancel?.isCancelled == true })
        else {
            let joined = try join(
                t, right, leftKeys: lks, rightKeys: rks, rightColumns: rightCols, left: isLeft, lookup: lookup, schema: op.schema, unread: unread)
            return (joined, false)
        }
        let keyCount = shape.keys.count
        let inter = columns.enumerated().map { k, c in c.renamed(k < keyCount ? "k\(k)" : "a\(k - keyCount)") }
        let post = Evaluator(table: Table(columns: inter, rowCount: groups), settings: settings, warnings: warnings)
        var out: [Column] = []
        for (e, field) in zip(outputs, next.schema) {
            do throws(NumericOverflow) {
                out.append(try post.eval(e).renamed(field.name))
            } catch {
                throw .overflow(error, range: next.range)
            }
        }
        return (Table(columns: out, rowCount: groups), true)
    }
}
