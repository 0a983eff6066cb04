import RealizeStore

/// `pivot COLUMNS [by ROWS] agg AGGREGATE`: one output column per distinct value of COLUMNS (in order),
/// one row per combination of ROWS, each cell the aggregate over the matching rows.
enum Pivot {
    /// Pivots `t`; `cancel` is checked between output columns and inside the groupings.
    /// - Throws: a ``Diagnostic`` `cancelled` on Ctrl-C, or `resultTooLarge` past the memory limit.
    static func run(
        _ t: Table, columns: Expr, rows: [NamedExpr], value: Expr, settings: QuerySettings, cancel: CancellationToken? = nil
    ) throws(Diagnostic) -> Table {
        let stop = { cancel?.isCancelled == true }
        let cancelled = Diagnostic(id: .cancelled, message: "query cancelled", range: columns.range)
        let keyName = "\u{1}pivot_column"
        let keys = rows + [NamedExpr(name: keyName, expr: columns, range: columns.range)]
        let stage = Stage(
            kind: .aggregate(keys: keys, aggs: [NamedExpr(name: "\u{1}value", expr: value, range: value.range)]), verb: "pivot", range: columns.range)
        var catalog = Catalog()
        catalog.set("t", t)
        var planner = Planner(catalog: catalog, lastResult: t, settings: settings)
        let op = try planner.plan(stage, input: Planner.schema(of: t))
        guard let grouped = try? Executor(catalog: catalog, lastResult: t, settings: settings, cancel: cancel).apply(op, to: t) else {
            if stop() { throw cancelled }
            return t
        }
        let nRowKeys = rows.count
        let pivotCol = grouped.columns[nRowKeys]
        let valueCol = grouped.columns[nRowKeys + 1]
        // Distinct pivot values in sorted order, nulls last.
        if stop() { throw cancelled }
        let pg = Grouping(keys: [pivotCol], rows: grouped.rowCount, shouldStop: stop)
        let firsts = pg.firstRow
        let sk = SortKeys.rankable(pivotCol)
        let orderedGroups = (0..<pg.count).sorted { sk.less(firsts[$0], firsts[$1]) }
        let rowGrouping =
            nRowKeys == 0
            ? Grouping.single(rows: grouped.rowCount) : Grouping(keys: Array(grouped.columns[0..<nRowKeys]), rows: grouped.rowCount, shouldStop: stop)
        if stop() { throw cancelled }
        let outRows = grouped.rowCount == 0 ? 0 : rowGrouping.count
        var cols: [Column] = (0..<nRowKeys).map { grouped.columns[$0].gather(rowGrouping.firstRow) }
        let width = MemoryLimit.rowWidth([valueCol]) * orderedGroups.count + MemoryLimit.rowWidth(cols)
        if let why = MemoryLimit.excess("the pivot", rows: outRows, width: width, limit: settings.memoryLimit) {
            throw Diagnostic(id: .resultTooLarge, message: why, range: columns.range, hint: "pivot on a column with fewer distinct values")
        }
        var used = Set(cols.map(\.name))
        for g in orderedGroups {
            if stop() { throw cancelled }
            var src = [Int](repeating: -1, count: outRows)
            for i in 0..<grouped.rowCount where pg.groupOf[i] == Int32(g) { src[Int(rowGrouping.groupOf[i])] = i }
            var name = pivotCol.value(at: firsts[g]).description
            if pivotCol.isNull(firsts[g]) { name = "n/a" }
            while used.contains(name) { name += "_" }
            used.insert(name)
            cols.append(Aggregator.gatherOrNull(valueCol, src).renamed(name))
        }
        return Table(columns: cols, rowCount: outRows)
    }
}
