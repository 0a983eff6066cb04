import RealizeStore

/// An aggregate in the order of its keys (see ``OrderedGrouping``) whose aggregates are all `count()` or counts of a
/// predicate (`sum(score >= 9)`), done in one pass over the rows: each row's packed key is computed a chunk at a time
/// and counted straight into a small dense grid over the packed key space, with no per-row temporary.
///
/// Past ``ParallelRanges/defaultMinRows`` rows each range of rows fills its own grid on its own core; the grids
/// (exact integer counts and first rows) are added in range order, so the result is that of
/// ``OrderedGrouping`` followed by ``FusedCount``, whatever the thread timing.
enum OrderedCounts {
    /// The largest packed key space counted into dense grids (one per range).
    static let spaceLimit = 1 << 16

    /// What one aggregate counts.
    enum Input: Sendable {
        /// `count()`: the group sizes.
        case rows
        /// `a[i] op v` on the valid rows of an int column.
        case compare([Int64], BinaryOperator, Int64, Bitmap?)
        /// The true rows of a boolean column.
        case bool([Bool], Bitmap?)
    }

    /// The groups' key columns and aggregate columns (in the order of `aggs`), or nil when some aggregate is not a
    /// count, the keys do not fit an ordered grouping, or the packed key space passes ``spaceLimit`` or twice the rows.
    ///
    /// - Throws: ``Executor/Stop/cancelled`` when `shouldStop` (asked every 64K rows) says so; ``NumericOverflow``
    ///   from evaluating a key or a predicate.
    static func compute(
        _ keys: [BoundExpr], order: [(key: Int, descending: Bool)], _ aggs: [AggregateSpec], _ ev: Evaluator, shouldStop: @Sendable () -> Bool
    ) throws -> (keys: [Column], aggregates: [Column])? {
        let rows = ev.n
        guard rows > 0, !aggs.isEmpty, aggs.allSatisfy(isCount) else { return nil }
        guard let layout = try OrderedGrouping.Layout(keys, order: order, ev), layout.space <= min(spaceLimit, max(2 * rows, 4096)) else {
            return nil
        }
        var inputs: [Input] = []
        for a in aggs {
            guard let input = try input(a, ev) else { return nil }
            inputs.append(input)
        }
        let (space, counted, blocks) = (layout.space, inputs, CountGrid.Blocks(inputs))
        // Counted per source cell when those are few (no first row per row), else per packed key.
        let sourceGrid = SourceGrid(layout, rows: rows)
        let filled = sourceGrid?.cells ?? layout
        var parts =
            ParallelRanges.map(rows: rows, shouldStop: shouldStop) { r, _ in
                CountGrid.fill(filled, counted, blocks, rows: r, firstRows: sourceGrid == nil, shouldStop: shouldStop)
            } ?? [nil]
        guard !parts.contains(where: { $0 == nil }) else { throw Executor.Stop.cancelled }
        let merged = CountGrid.merged(&parts)
        if let sourceGrid {
            let (cells, representative) = sourceGrid.coarsened(merged, blocks: blocks.total)
            return columns(inputs, blocks, cells: cells, space: space, at: representative) {
                sourceGrid.keyColumns(at: $0, fiscalStart: ev.settings.fiscalYearStart)
            }
        }
        return columns(inputs, blocks, cells: merged.cells, space: space, at: merged.first) {
            layout.keyColumns(at: $0, fiscalStart: ev.settings.fiscalYearStart)
        }
    }

    /// The key columns (`keyColumns` of the `at` of the used keys) and the aggregate columns of a merged grid.
    private static func columns(
        _ inputs: [Input], _ blocks: CountGrid.Blocks, cells: [Int64], space: Int, at: [Int], keyColumns: ([Int]) -> [Column]
    ) -> (keys: [Column], aggregates: [Column]) {
        let grid = (cells: cells, first: at)
        // The groups are the packed keys with rows, in increasing order; each block read at them.
        var used: [Int] = []
        grid.cells.withUnsafeBufferPointer { c in
            for k in 0..<space where c[k] > 0 { used.append(k) }
        }
        let values = (0..<blocks.total).map { b in
            grid.cells.withUnsafeBufferPointer { c in used.map { c[b * space + $0] } }
        }
        let keys = keyColumns(grid.first.withUnsafeBufferPointer { f in used.map { f[$0] } })
        let columns = inputs.indices.map { j in
            Column(name: "", storage: .int(values[blocks.count[j]]), validity: Aggregator.validity(blocks.seen[j].map { values[$0] }, []))
        }
        return (keys, columns)
    }

    /// Whether `a` is `count()` or a sum of a cast predicate.
    private static func isCount(_ a: AggregateSpec) -> Bool {
        if a.function == .count, a.argument == nil { return true }
        guard a.function == .sum, case .cast(let p, .int) = a.argument, p.type == .bool else { return false }
        return true
    }

    /// What `a` counts, evaluated over `ev`'s rows (nil when the predicate is not a boolean column of its rows).
    private static func input(_ a: AggregateSpec, _ ev: Evaluator) throws -> Input? {
        guard case .cast(let p, .int) = a.argument else { return .rows }
        if case .compare(let op, let l, .literal(.int(let v), _)) = p, l.type == .int, op.isOrderOrEquality {
            let c = try ev.eval(l)
            if case .int(let x) = c.storage, x.count == ev.n { return .compare(x, op, v, c.validity) }
        }
        let b = try ev.eval(p)
        guard case .bool(let x) = b.storage, x.count == ev.n else { return nil }
        return .bool(x, b.validity)
    }
}

extension BinaryOperator {
    /// `=`, `!=`, `<`, `<=`, `>`, `>=`.
    var isOrderOrEquality: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: return true
        default: return false
        }
    }
}
