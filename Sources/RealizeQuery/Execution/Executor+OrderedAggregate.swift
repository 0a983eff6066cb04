import RealizeStore

extension Executor {
    /// An aggregate whose groups come out in the order of their keys (set by ``OrderedGroups``): grouped through
    /// ``OrderedGrouping`` when the keys fit, with `count()` read from the group sizes; otherwise grouped the
    /// ordinary way, then the groups sorted by their keys (stably, from their first appearance, as the dropped sort
    /// would have ordered the result). When every aggregate is a count, ``OrderedCounts`` does it all in one pass.
    func orderedAggregate(
        _ keys: [BoundExpr], _ aggs: [AggregateSpec], _ outputs: [BoundExpr], order: [(key: Int, descending: Bool)], schema: Schema,
        _ t: Table, _ ev: Evaluator
    ) throws -> Table {
        // Only counts: one pass into dense grids, without numbering the rows.
        if let (keyColumns, columns) = try OrderedCounts.compute(keys, order: order, aggs, ev, shouldStop: { [cancel] in cancel?.isCancelled == true }) {
            let inter =
                keyColumns.enumerated().map { $0.element.renamed("k\($0.offset)") } + columns.enumerated().map { $0.element.renamed("a\($0.offset)") }
            let post = Evaluator(table: Table(columns: inter, rowCount: keyColumns[0].count), settings: settings, warnings: warnings)
            return Table(columns: try zip(outputs, schema).map { try post.eval($0).renamed($1.name) }, rowCount: keyColumns[0].count)
        }
        let g: Grouping
        var keyColumns: [Column]
        var sizes: [Int64]? = nil
        var permutation: [Int]? = nil
        if let o = try OrderedGrouping.make(keys, order: order, ev, shouldStop: stop) {
            try checkCancelled()
            (g, keyColumns, sizes) = (o.grouping, o.keyColumns, o.sizes)
        } else {
            let columns = try keys.map { try ev.eval($0) }
            let first = Grouping(keys: columns, rows: t.rowCount, shouldStop: stop)
            try checkCancelled()
            let atFirst = columns.map { $0.gather(first.firstRow) }
            // The groups' order, applied to the (few) group rows once the aggregates are computed.
            permutation = Sorter.permutation(
                order.map { (SortKeys.rankable(atFirst[$0.key]), $0.descending) }, rows: first.firstRow.count, shouldStop: stop)
            try checkCancelled()
            g = first
            keyColumns = atFirst
        }
        var inter = keyColumns.enumerated().map { $0.element.renamed("k\($0.offset)") }
        for (k, a) in aggs.enumerated() {
            try checkCancelled()
            if a.function == .count, a.argument == nil, let sizes {
                inter.append(Column(name: "a\(k)", storage: .int(sizes)))
                continue
            }
            let column = try FusedSum.compute(a, ev, grouping: g, rows: t.rowCount) ?? FusedCount.compute(a, ev, grouping: g, rows: t.rowCount)
            inter.append(try (column ?? Aggregator.compute(a, input: try a.argument.map { try ev.eval($0) }, grouping: g, rows: t.rowCount)).renamed("a\(k)"))
        }
        if let permutation { inter = inter.map { $0.gather(permutation) } }
        let groupsTable = Table(columns: inter, rowCount: g.count)
        let post = Evaluator(table: groupsTable, settings: settings, warnings: warnings)
        return Table(columns: try zip(outputs, schema).map { try post.eval($0).renamed($1.name) }, rowCount: g.count)
    }
}
