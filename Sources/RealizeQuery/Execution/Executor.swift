import RealizeStore

/// Runs a checked ``Plan`` operator by operator, a column at a time.
struct Executor {
    let catalog: Catalog
    let lastResult: Table?
    let settings: QuerySettings
    let cancel: CancellationToken?

    /// Why a running query stopped early.
    enum Stop: Error {
        case cancelled
        case tooLarge(String)
    }

    func run(_ fullPlan: Plan) throws(Stop) -> Table {
        var t = try table(fullPlan.source)
        // Read only the columns that some stage needs.
        let (plan, sourceColumns) = ColumnPruning.prune(fullPlan)
        if sourceColumns.count < t.columns.count { t = t.projecting(sourceColumns) }
        let ops = plan.operators
        /// `sort … | take N` or `top N by …` starting at operator k: the keys, N and how many operators that is.
        func orderedLimit(_ k: Int) -> ([(BoundExpr, Bool)], Int, Int)? {
            guard k < ops.count else { return nil }
            if case .topN(let keys, let n) = ops[k].kind { return (keys, n, 1) }
            if case .sort(let keys) = ops[k].kind, k + 1 < ops.count, case .limit(let n) = ops[k + 1].kind { return (keys, n, 2) }
            return nil
        }
        var k = 0
        while k < ops.count {
            if cancel?.isCancelled == true { throw Stop.cancelled }
            let ev = Evaluator(table: t, settings: settings)
            // A filter followed by an ordered limit orders the selected rows in place and gathers only N of them.
            if case .filter(let p) = ops[k].kind, let (keys, n, used) = orderedLimit(k + 1) {
                let condition = ev.eval(p)
                let sk = keys.map { (SortKeys.rankable(ev.eval($0.0)), $0.1) }
                // One key without nulls reads the filter's mask in place; otherwise order the selected rows.
                if sk.count == 1, sk[0].0.validity == nil, n > 0, n <= Sorter.insertionLimit, case .bool(let mask) = condition.storage {
                    let mask = (values: mask, validity: condition.validity)
                    switch sk[0].0.keys {
                    case .ints(let a): t = t.gather(Sorter.topSingle(a, descending: sk[0].1, rows: t.rowCount, n: n, among: nil, mask: mask))
                    case .doubles(let a): t = t.gather(Sorter.topSingle(a, descending: sk[0].1, rows: t.rowCount, n: n, among: nil, mask: mask))
                    }
                } else {
                    t = t.gather(Sorter.top(sk, rows: t.rowCount, n: n, among: selection(condition, rows: t.rowCount)))
                }
                k += 1 + used
                continue
            }
            // An inner join followed by a filter on the joined table's columns only: filter that table first,
            // so the join builds and emits only the rows that survive (predicate pushdown).
            if case .join(let rightInput, let lks, let rks, let rightCols, false) = ops[k].kind, k + 1 < ops.count,
                case .filter(let p) = ops[k + 1].kind
            {
                let inCount = t.columns.count
                let refs = p.columnsReferenced
                if !refs.isEmpty, refs.allSatisfy({ $0 >= inCount }) {
                    let right = try table(rightInput)
                    let pushed = p.mapColumns { i, type in .column(rightCols[i - inCount], type) }
                    let keep = selection(Evaluator(table: right, settings: settings).eval(pushed), rows: right.rowCount)
                    t = try join(t, right.gather(keep), leftKeys: lks, rightKeys: rks, rightColumns: rightCols, left: false, schema: ops[k].schema)
                    k += 2
                    continue
                }
            }
            if let (keys, n, used) = orderedLimit(k) {
                let sk = keys.map { (SortKeys.rankable(ev.eval($0.0)), $0.1) }
                t = t.gather(Sorter.top(sk, rows: t.rowCount, n: n))
                k += used
                continue
            }
            t = try apply(ops[k], to: t)
            k += 1
        }
        return t
    }

    /// The rows of a plan's input: a catalog table, the last result, a command's result, or a sub-plan run now.
    func table(_ input: PlanInput) throws(Stop) -> Table {
        switch input {
        case .table(let name): return catalog[name] ?? .empty
        case .lastResult: return lastResult ?? .empty
        case .command(_, let result): return result
        case .plan(let plan): return try run(plan)
        }
    }

    /// Hash-joins `right` onto `t`: all of `t`'s columns, then `rightColumns` of `right`.
    func join(
        _ t: Table, _ right: Table, leftKeys: [Int], rightKeys: [Int], rightColumns: [Int], left: Bool, schema: Schema
    ) throws(Stop) -> Table {
        // Several key columns become one composite key per row.
        let (lk, rk) =
            leftKeys.count == 1
            ? (t.columns[leftKeys[0]], right.columns[rightKeys[0]])
            : HashJoin.compositeKeys(left: leftKeys.map { t.columns[$0] }, right: rightKeys.map { right.columns[$0] })
        let (li, ri) = try HashJoin.match(left: lk, right: rk, keepUnmatched: left, shouldStop: { cancel?.isCancelled == true })
        // A lookup join (each row finds exactly one match) leaves the left columns as they are.
        var cols = HashJoin.isIdentity(li, rows: t.rowCount) ? t.columns : t.columns.map { $0.gather(li) }
        for j in rightColumns { cols.append(Aggregator.gatherOrNull(right.columns[j], ri)) }
        return Table(columns: zip(cols, schema).map { $0.renamed($1.name) }, rowCount: li.count)
    }

    /// Rows where a boolean column is true (not null): the selection vector a filter produces.
    func selection(_ c: Column, rows: Int) -> [Int] {
        guard case .bool(let a) = c.storage else { return Array(0..<rows) }
        let words = c.validity?.words
        return [Int](unsafeUninitializedCapacity: rows) { out, count in
            var k = 0
            a.withUnsafeBufferPointer { x in
                if let w = words {
                    for i in 0..<rows where x[i] && w[i >> 6] & (1 << UInt64(i & 63)) != 0 { out[k] = i; k += 1 }
                } else {
                    for i in 0..<rows where x[i] { out[k] = i; k += 1 }
                }
            }
            count = k
        }
    }

    func apply(_ op: Operator, to t: Table) throws(Stop) -> Table {
        let ev = Evaluator(table: t, settings: settings)
        switch op.kind {
        case .filter(let p):
            let sel = selection(ev.eval(p), rows: t.rowCount)
            return sel.count == t.rowCount ? t : t.gather(sel)
        case .project(let exprs):
            return Table(columns: zip(exprs, op.schema).map { ev.eval($0).renamed($1.name) }, rowCount: t.rowCount)
        case .aggregate(let keys, let aggs, let outputs):
            let keyCols = keys.map { ev.eval($0) }
            let g = keys.isEmpty ? Grouping.single(rows: t.rowCount) : Grouping(keys: keyCols, rows: t.rowCount)
            var inter: [Column] = keyCols.enumerated().map { $0.element.gather(g.firstRow).renamed("k\($0.offset)") }
            for (k, a) in aggs.enumerated() {
                inter.append(Aggregator.compute(a, input: a.argument.map { ev.eval($0) }, grouping: g, rows: t.rowCount).renamed("a\(k)"))
            }
            let groupsTable = Table(columns: inter, rowCount: g.count)
            let post = Evaluator(table: groupsTable, settings: settings)
            return Table(columns: zip(outputs, op.schema).map { post.eval($0).renamed($1.name) }, rowCount: g.count)
        case .join(let rightInput, let lks, let rks, let rightCols, let isLeft):
            return try join(t, try table(rightInput), leftKeys: lks, rightKeys: rks, rightColumns: rightCols, left: isLeft, schema: op.schema)
        case .sort(let keys):
            let sk = keys.map { (SortKeys.rankable(ev.eval($0.0)), $0.1) }
            return t.gather(Sorter.permutation(sk, rows: t.rowCount))
        case .limit(let n):
            return n >= t.rowCount ? t : t.prefix(n)
        case .topN(let keys, let n):
            let sk = keys.map { (SortKeys.rankable(ev.eval($0.0)), $0.1) }
            return t.gather(Sorter.top(sk, rows: t.rowCount, n: n))
        case .distinct:
            let g = Grouping(keys: t.columns, rows: t.rowCount)
            return t.columns.isEmpty ? t : t.gather(g.firstRow)
        case .window(let partition, let order, let calls, let outputs):
            let g = partition.isEmpty ? Grouping.single(rows: t.rowCount) : Grouping(keys: partition.map { ev.eval($0) }, rows: t.rowCount)
            var parts = [[Int]](repeating: [], count: t.rowCount == 0 ? 0 : g.count)
            for i in 0..<t.rowCount { parts[Int(g.groupOf[i])].append(i) }
            if let (o, desc) = order {
                let cmp = RowComparator([(SortKeys.rankable(ev.eval(o)), desc)])
                parts = parts.map { $0.sorted { cmp.precedes($0, $1) } }
            }
            var cols = t.columns
            for call in calls {
                let arg = call.args.first.map { ev.eval($0) }
                cols.append(call.function.evaluate(arg, params: call.params, partitions: parts, rows: t.rowCount, type: call.type))
            }
            let withCalls = Table(columns: cols.enumerated().map { $0.element.renamed("c\($0.offset)") }, rowCount: t.rowCount)
            let post = Evaluator(table: withCalls, settings: settings)
            return Table(columns: zip(outputs, op.schema).map { post.eval($0).renamed($1.name) }, rowCount: t.rowCount)
        case .pivot:
            return t
        }
    }
}
