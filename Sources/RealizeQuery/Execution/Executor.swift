import RealizeStore

/// Runs a checked ``Plan`` operator by operator, a column at a time.
struct Executor {
    let catalog: Catalog
    let lastResult: Table?
    let settings: QuerySettings
    let cancel: CancellationToken?
    /// Where casts count the values they could not convert.
    var warnings: WarningLog? = nil

    /// Why a running query stopped early.
    enum Stop: Error {
        case cancelled
        case tooLarge(String)
        /// A `strict` cast met a value it could not convert.
        case conversion(String)
        /// An exact computation did not fit (see ``NumericOverflow``), in the stage at `range`.
        case overflow(NumericOverflow, range: SourceRange?)
    }

    /// Runs `plan` as it is: every rewrite was made before, by the ``Optimizer``.
    ///
    /// - Throws: ``Stop`` when cancelled or when a join's result grows too large.
    func run(_ plan: Plan) throws(Stop) -> Table {
        var t = try table(plan.source)
        if let read = plan.scanColumns, read != Array(t.columns.indices) { t = t.projecting(read) }
        // Which columns each stage reads, asked only for a join (whose left key may be read by nothing after it).
        let liveIn = plan.operators.contains { if case .join = $0.kind { true } else { false } } ? ColumnPruning.liveInputs(plan) : []
        var fused = false
        for (k, op) in plan.operators.enumerated() {
            // A join and the aggregate after it may have run as one (see ``semiJoinAggregate(_:_:_:unread:)``).
            if fused {
                fused = false
                continue
            }
            try checkCancelled()
            var unread: Set<Int> = []
            if case .join = op.kind, k + 1 < plan.operators.count {
                unread = Set(0..<t.columns.count).subtracting(liveIn[k + 1])
            }
            if k + 1 < plan.operators.count, let r = try semiJoinAggregate(op, plan.operators[k + 1], t, unread: unread) {
                (t, fused) = r
            } else {
                t = try apply(op, to: t, unread: unread)
            }
            if let failure = warnings?.strictFailure {
                throw Stop.conversion("\(failure.function): \(failure.example) does not convert (strict)")
            }
        }
        // An operator's inner loops may stop early on Ctrl-C; their partial result is dropped here.
        try checkCancelled()
        return t
    }

    /// Whether Ctrl-C raised the token, for the inner loops of operators (which stop early; ``run(_:)`` then throws).
    var stop: () -> Bool { { [cancel] in cancel?.isCancelled == true } }

    /// Throws ``Stop/cancelled`` once Ctrl-C raised the token.
    func checkCancelled() throws(Stop) {
        if cancel?.isCancelled == true { throw Stop.cancelled }
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

    /// Hash-joins `right` onto `t`: all of `t`'s columns, then `rightColumns` of `right`. For a `lookup` join
    /// (unique right keys) the left columns are gathered only when some left row found no match.
    ///
    /// - Parameter unread: left columns that no later stage reads: when the left rows are gathered, these are
    ///   not (see ``UnreadColumn``).
    func join(
        _ t: Table, _ right: Table, leftKeys: [Int], rightKeys: [Int], rightColumns: [Int], left: Bool, lookup: Bool, schema: Schema,
        unread: Set<Int> = []
    ) throws(Stop) -> Table {
        // The left columns at the rows `li` (-1: null), those nothing reads after the join stood in for.
        func gathered(_ li: [Int]) -> [Column] {
            t.columns.enumerated().map { unread.contains($0) ? UnreadColumn.like($1, rows: li.count) : ParallelGather.gather($1, li) }
        }
        // Several key columns become one composite key per row.
        let (lk, rk) =
            leftKeys.count == 1
            ? (t.columns[leftKeys[0]], right.columns[rightKeys[0]])
            : HashJoin.compositeKeys(left: leftKeys.map { t.columns[$0] }, right: rightKeys.map { right.columns[$0] })
        let width = MemoryLimit.rowWidth(t.columns) + MemoryLimit.rowWidth(rightColumns.map { right.columns[$0] })
        // A filter pushed onto the right (fewer rows than its key's dictionary) is a semi-join by dictionary code:
        // `LookupProbe` narrows the right's dictionary first. Otherwise the text lookup reads the right columns
        // through the left's codes, a range of rows per core.
        if lookup, !left, leftKeys.count == 1, case .text(_, let rd) = rk.storage, rk.count < rd.count,
            let (li, ri) = try LookupProbe.match(
                left: lk, right: rk, shouldStop: { [cancel] in cancel?.isCancelled == true }, budget: (width, settings.memoryLimit))
        {
            var cols = ri.count == t.rowCount ? t.columns : gathered(li)
            for j in rightColumns { cols.append(Aggregator.gatherOrNull(right.columns[j], ri)) }
            return Table(columns: zip(cols, schema).map { $0.renamed($1.name) }, rowCount: ri.count)
        }
        if lookup, leftKeys.count == 1,
            let r = try HashJoin.textLookup(
                left: t.columns[leftKeys[0]], right: right.columns[rightKeys[0]], columns: rightColumns.map { right.columns[$0] }, keepUnmatched: left,
                shouldStop: { [cancel] in cancel?.isCancelled == true }, budget: (width, settings.memoryLimit))
        {
            let cols = (r.left.map(gathered) ?? t.columns) + r.columns
            return Table(columns: zip(cols, schema).map { $0.renamed($1.name) }, rowCount: r.rows)
        }
        let (li, ri) = try HashJoin.match(
            left: lk, right: rk, keepUnmatched: left, shouldStop: { [cancel] in cancel?.isCancelled == true }, budget: (width, settings.memoryLimit),
            omitIdentityLeft: lookup)
        // With unique right keys, each left row appears at most once and in order: as many rows as the input means
        // every row matched, and the left columns stay as they are (`li` may then be left empty).
        var cols = lookup && ri.count == t.rowCount ? t.columns : gathered(li)
        for j in rightColumns { cols.append(Aggregator.gatherOrNull(right.columns[j], ri)) }
        return Table(columns: zip(cols, schema).map { $0.renamed($1.name) }, rowCount: ri.count)
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

    /// The first `n` rows of `t`, in the order of `keys`, among those where `condition` is true.
    func filteredTop(_ t: Table, where condition: Column, keys sk: [(SortKeys, Bool)], n: Int) -> Table {
        // One key without nulls reads the filter's mask in place; otherwise order the selected rows.
        guard sk.count == 1, sk[0].0.validity == nil, !sk[0].0.hasNaN, n > 0, n <= Sorter.insertionLimit, case .bool(let values) = condition.storage
        else {
            return t.gather(Sorter.top(sk, rows: t.rowCount, n: n, among: selection(condition, rows: t.rowCount)))
        }
        let mask = (values: values, validity: condition.validity)
        switch sk[0].0.keys {
        case .ints(let a): return t.gather(Sorter.topSingle(a, descending: sk[0].1, rows: t.rowCount, n: n, among: nil, mask: mask))
        case .doubles(let a): return t.gather(Sorter.topSingle(a, descending: sk[0].1, rows: t.rowCount, n: n, among: nil, mask: mask))
        }
    }

    /// Runs one operator over `t`.
    func apply(_ op: Operator, to t: Table, unread: Set<Int> = []) throws(Stop) -> Table {
        do {
            return try compute(op, to: t, unread: unread)
        } catch let stop as Stop {
            throw stop
        } catch let overflow as NumericOverflow {
            throw .overflow(overflow, range: op.range)
        } catch {
            throw .tooLarge("\(error)")  // not reached: compute throws only the two above
        }
    }

    /// The body of ``apply(_:to:)``; throws ``Stop`` or ``NumericOverflow``.
    private func compute(_ op: Operator, to t: Table, unread: Set<Int>) throws -> Table {
        let ev = Evaluator(table: t, settings: settings, warnings: warnings)
        switch op.kind {
        case .filter(let p):
            let sel = selection(try ev.eval(p), rows: t.rowCount)
            return sel.count == t.rowCount ? t : t.gather(sel)
        case .project(let exprs):
            return Table(columns: try zip(exprs, op.schema).map { try ev.eval($0).renamed($1.name) }, rowCount: t.rowCount)
        case .aggregate(let keys, let aggs, let outputs):
            if let order = op.groupOrder { return try orderedAggregate(keys, aggs, outputs, order: order, schema: op.schema, t, ev) }
            let g: Grouping
            var inter: [Column]
            if let (grouping, columns) = try GroupKeys.packed(keys, ev, shouldStop: stop) {
                g = grouping
                try checkCancelled()
                inter = columns().enumerated().map { $0.element.renamed("k\($0.offset)") }
            } else {
                let keyCols = try keys.map { try ev.eval($0) }
                g = keys.isEmpty ? Grouping.single(rows: t.rowCount) : Grouping(keys: keyCols, rows: t.rowCount, shouldStop: stop)
                try checkCancelled()
                inter = keyCols.enumerated().map { $0.element.gather(g.firstRow).renamed("k\($0.offset)") }
            }
            for (k, a) in aggs.enumerated() {
                try checkCancelled()
                let column = try FusedSum.compute(a, ev, grouping: g, rows: t.rowCount) ?? FusedCount.compute(a, ev, grouping: g, rows: t.rowCount)
                inter.append(
                    try (column ?? Aggregator.compute(a, input: try a.argument.map { try ev.eval($0) }, grouping: g, rows: t.rowCount)).renamed("a\(k)"))
            }
            let groupsTable = Table(columns: inter, rowCount: g.count)
            let post = Evaluator(table: groupsTable, settings: settings, warnings: warnings)
            return Table(columns: try zip(outputs, op.schema).map { try post.eval($0).renamed($1.name) }, rowCount: g.count)
        case .join(let rightInput, let lks, let rks, let rightCols, let isLeft, let lookup):
            let right = try table(rightInput)
            return try join(t, right, leftKeys: lks, rightKeys: rks, rightColumns: rightCols, left: isLeft, lookup: lookup, schema: op.schema, unread: unread)
        case .union(let inputs, let columns):
            return try union(t, inputs, columns: columns, schema: op.schema)
        case .sort(let keys):
            let sk = try keys.map { (SortKeys.rankable(try ev.eval($0.0)), $0.1) }
            try checkCancelled()
            let order = Sorter.permutation(sk, rows: t.rowCount, shouldStop: stop)
            // Gathered with Ctrl-C looked at between columns and every million rows: the random reads of
            // 10M rows into new memory take over a second for a wide table (bench/safety.py at large scale).
            guard let sorted = t.gather(order, shouldStop: stop) else { throw Stop.cancelled }
            return sorted
        case .limit(let n):
            return n >= t.rowCount ? t : t.prefix(n)
        case .topN(let keys, let n):
            let sk = try keys.map { (SortKeys.rankable(try ev.eval($0.0)), $0.1) }
            return t.gather(Sorter.top(sk, rows: t.rowCount, n: n))
        case .filteredTopN(let p, let keys, let n):
            if keys.count == 1, let top = try comparedTop(t, ev, where: p, key: keys[0].0, descending: keys[0].1, n: n) { return top }
            let condition = try ev.eval(p)
            let keyColumns = try keys.map { try ev.eval($0.0) }
            if keys.count == 1, let top = decimalTop(t, where: condition, key: keyColumns[0], descending: keys[0].1, n: n) { return top }
            return filteredTop(t, where: condition, keys: zip(keyColumns, keys).map { (SortKeys.rankable($0), $1.1) }, n: n)
        case .distinct:
            let g = Grouping(keys: t.columns, rows: t.rowCount, shouldStop: stop)
            try checkCancelled()
            return t.columns.isEmpty ? t : t.gather(g.firstRow)
        case .window(let partition, let order, let calls, let outputs):
            let g =
                partition.isEmpty
                ? Grouping.single(rows: t.rowCount) : Grouping(keys: try partition.map { try ev.eval($0) }, rows: t.rowCount, shouldStop: stop)
            try checkCancelled()
            var parts = [[Int]](repeating: [], count: t.rowCount == 0 ? 0 : g.count)
            for i in 0..<t.rowCount { parts[Int(g.groupOf[i])].append(i) }
            if let (o, desc) = order {
                let cmp = RowComparator([(SortKeys.rankable(try ev.eval(o)), desc)])
                for k in parts.indices {
                    if k & 0xFF == 0 { try checkCancelled() }
                    parts[k].sort { cmp.precedes($0, $1) }
                }
            }
            var cols = t.columns
            for call in calls {
                try checkCancelled()
                if let spec = call.aggregate {
                    // An aggregate over the whole partition, spread back onto each of its rows.
                    let perGroup = try Aggregator.compute(spec, input: try spec.argument.map { try ev.eval($0) }, grouping: g, rows: t.rowCount)
                    cols.append(perGroup.gather(g.groupOf.map(Int.init)))
                    continue
                }
                let arg = try call.args.first.map { try ev.eval($0) }
                cols.append(try call.function!.evaluate(arg, params: call.params, partitions: parts, rows: t.rowCount, type: call.type))
            }
            let withCalls = Table(columns: cols.enumerated().map { $0.element.renamed("c\($0.offset)") }, rowCount: t.rowCount)
            let post = Evaluator(table: withCalls, settings: settings, warnings: warnings)
            return Table(columns: try zip(outputs, op.schema).map { try post.eval($0).renamed($1.name) }, rowCount: t.rowCount)
        case .unpivot(let keep, let columns, let names, let valueType):
            return try Unpivot.run(t, keep: keep, columns: columns, names: names, valueType: valueType, schema: op.schema)
        case .pivot:
            return t
        }
    }
}
