import RealizeStore

/// Runs a checked ``Plan`` operator by operator, a column at a time.
struct Executor {
    let catalog: Catalog
    let lastResult: Table?
    let settings: QuerySettings
    let cancel: CancellationToken?

    struct Cancelled: Error {}

    func run(_ plan: Plan) throws(Cancelled) -> Table {
        var t: Table
        switch plan.source {
        case .table(let name): t = catalog[name]!
        case .lastResult: t = lastResult!
        }
        for (k, op) in plan.operators.enumerated() {
            if cancel?.isCancelled == true { throw Cancelled() }
            // take N right after a sort is a partial sort.
            if case .sort(let keys) = op.kind, k + 1 < plan.operators.count, case .limit(let n) = plan.operators[k + 1].kind {
                t = apply(Operator(kind: .topN(keys, n), schema: op.schema, summary: ""), to: t)
                continue
            }
            if case .limit = op.kind, k > 0, case .sort = plan.operators[k - 1].kind { continue }
            t = apply(op, to: t)
        }
        return t
    }

    func named(_ cols: [Column], _ schema: Schema) -> Table {
        Table(columns: zip(cols, schema).map { $0.renamed($1.name) }, rowCount: cols.first?.count ?? 0)
    }

    func apply(_ op: Operator, to t: Table) -> Table {
        let ev = Evaluator(table: t, settings: settings)
        switch op.kind {
        case .filter(let p):
            let c = ev.eval(p)
            guard case .bool(let a) = c.storage else { return t }
            var sel: [Int] = []
            sel.reserveCapacity(t.rowCount / 4)
            if let v = c.validity { for i in 0..<t.rowCount where a[i] && v[i] { sel.append(i) } } else { for i in 0..<t.rowCount where a[i] { sel.append(i) } }
            return sel.count == t.rowCount ? t : t.gather(sel)
        case .project(let exprs):
            if t.columns.isEmpty && t.rowCount > 0 { return t }
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
        case .join(let table, let lk, let rk, let rightCols, let isLeft):
            let right = catalog[table] ?? lastResult!
            let (li, ri) = HashJoin.match(left: t.columns[lk], right: right.columns[rk], keepUnmatched: isLeft)
            var cols = t.columns.map { $0.gather(li) }
            for j in rightCols { cols.append(Aggregator.gatherOrNull(right.columns[j], ri)) }
            return named(cols, op.schema)
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
                let keys = [(SortKeys.rankable(ev.eval(o)), desc)]
                parts = parts.map { $0.sorted { Sorter.precedes(keys, $0, $1) } }
            }
            var cols = t.columns
            for call in calls {
                let arg = call.args.first.map { ev.eval($0) }
                let type: DataType = ["rank", "row_number"].contains(call.name) ? .int : (["pct_change", "rolling_mean"].contains(call.name) ? .double : (arg?.type ?? .int))
                cols.append(WindowFunctions.compute(call.name, arg: arg, params: call.params, partitions: parts, rows: t.rowCount, type: type))
            }
            let withCalls = Table(columns: cols.enumerated().map { $0.element.renamed("c\($0.offset)") }, rowCount: t.rowCount)
            let post = Evaluator(table: withCalls, settings: settings)
            var out = t.columns
            for (e, f) in zip(outputs, op.schema.dropFirst(t.columns.count)) { out.append(post.eval(e).renamed(f.name)) }
            return Table(columns: out, rowCount: t.rowCount)
        case .pivot:
            return t
        }
    }
}
