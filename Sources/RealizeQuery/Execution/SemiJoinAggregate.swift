import RealizeStore

/// `left | join right on key` (a lookup: unique right keys) followed by an aggregate that reads only the left's
/// columns (`financials | join projects on project_id | where program = … | by period agg sum(earned_value)`):
/// each left row meets at most one right row, so the join only decides which left rows count, a semi-join. It is
/// done by dictionary code: a table of the left key's codes that meet a right row, then one pass over the left
/// that sums the hits' decimal units straight into dense per-group cells (see ``SemiJoinGrid``), a range of rows
/// per core. No joined rows, no gathered columns, no per-row group ids.
///
/// The results are those of the join followed by the aggregate: the same groups in the same order (of the keys
/// when ``OrderedGroups`` set one, else of first appearance), exact decimal sums (the ranges' partial sums are
/// exact integers added in range order), null where a group's column has no value.
enum SemiJoinAggregate {
    /// What the fused path reads of the two operators, in the join's input columns.
    struct Shape: Sendable, Equatable {
        /// The left and right key columns.
        var leftKey: Int
        var rightKey: Int
        /// The group keys' columns.
        var keys: [Int]
        /// Per aggregate, the summed column; nil for `count()`.
        var sums: [Int?]
    }

    /// The shape of `join` then `aggregate`, or nil when the join is not an inner lookup join on one key, or the
    /// aggregate has no key, a key that is not a plain left column, or an aggregate other than `count()` and
    /// `sum` of a left decimal column. `leftWidth` is the number of the join's input columns.
    static func shape(join: Operator.Kind, aggregate: Operator.Kind, leftWidth: Int) -> Shape? {
        guard case .join(_, let lks, let rks, _, false, true) = join, lks.count == 1, rks.count == 1,
            case .aggregate(let keys, let aggs, _) = aggregate, !keys.isEmpty, !aggs.isEmpty
        else { return nil }
        var keyColumns: [Int] = []
        for key in keys {
            guard case .column(let j, _) = key, j < leftWidth else { return nil }
            keyColumns.append(j)
        }
        var sums: [Int?] = []
        for a in aggs {
            if a.function == .count, a.argument == nil {
                sums.append(nil)
                continue
            }
            guard a.function == .sum, case .column(let j, .decimal) = a.argument, j < leftWidth else { return nil }
            sums.append(j)
        }
        return Shape(leftKey: lks[0], rightKey: rks[0], keys: keyColumns, sums: sums)
    }

    /// The aggregate's key columns then its aggregate columns (in the order of the shape's), and the number of
    /// groups; nil when the keys are not text (or some right key repeats), a summed column is not 64-bit decimal
    /// units, a group key has no dense index, or the group cells pass ``OrderedCounts/spaceLimit`` (the caller
    /// then joins and aggregates the ordinary way).
    ///
    /// - Parameter order: the group keys' order (index, descending) set by ``OrderedGroups``; nil for the order of
    ///   first appearance.
    /// - Throws: `.cancelled` when `shouldStop` (asked every 64K rows) says so.
    static func compute(
        _ shape: Shape, left t: Table, right: Table, order: [(key: Int, descending: Bool)]?, shouldStop: @Sendable () -> Bool
    ) throws(Executor.Stop) -> (columns: [Column], groups: Int)? {
        let n = t.rowCount
        let lk = t.columns[shape.leftKey]
        guard n > 0, case .text(let codes, _) = lk.storage, codes.count == n,
            let rowOfLeftCode = LookupProbe.rowOfLeftCode(left: lk, right: right.columns[shape.rightKey])
        else { return nil }
        var sums: [(units: [Int64], validity: Bitmap?)] = []
        var scales: [Int] = []
        for case let j? in shape.sums {
            guard case .decimal(let units, let scale) = t.columns[j].storage, let x = units.narrow, x.count == n else { return nil }
            sums.append((x, t.columns[j].validity))
            scales.append(scale)
        }
        let keyColumns = shape.keys.map { t.columns[$0] }
        let (validity, hit) = (lk.validity, rowOfLeftCode.map { $0 >= 0 ? UInt8(1) : 0 } + [0])
        // The rows that meet a right row, and the range of their keys, a range of rows per core...
        let selections =
            ParallelRanges.map(rows: n, shouldStop: shouldStop) { r, _ in
                SemiJoinSelection(codes: codes, keyValidity: validity, hit: hit, keys: keyColumns, rows: r, shouldStop: shouldStop)
            } ?? [nil]
        guard !selections.contains(where: { $0 == nil }) else { throw .cancelled }
        let bounds = keyColumns.indices.map { k in
            selections.compactMap { $0!.bounds[k] }.reduce(nil) { (a: (lo: Int64, hi: Int64)?, b) in
                a.map { (min($0.lo, b.lo), max($0.hi, b.hi)) } ?? b
            }
        }
        guard let cells = Cells(keyColumns, bounds: bounds, order: order, rows: n) else { return nil }
        let input = SemiJoinGrid.Input(
            keys: cells.sources.indices.map { (cells.sources[$0], keyColumns[$0], cells.tables[$0]) }, space: cells.space, sums: sums, firstRows: order == nil)
        // ...then those rows summed into the cells, each range's into its own grid.
        let parts =
            ParallelRanges.map(rows: n, shouldStop: shouldStop) { _, part in
                SemiJoinGrid(input, selected: selections[part]!.rows, shouldStop: shouldStop)
            } ?? [nil]
        guard !parts.contains(where: { $0 == nil }) else { throw .cancelled }
        let merged = Merged(parts.map { $0! }, space: cells.space, firstRows: order == nil)
        // The groups: the cells with rows, in cell order (the keys' order), or in order of their first rows.
        var used = (0..<cells.space).filter { merged.rows[$0] > 0 }
        if order == nil { used.sort { merged.first[$0] < merged.first[$1] } }
        var columns = cells.keyColumns(at: used)
        var s = 0
        for sum in shape.sums {
            guard sum != nil else {
                columns.append(Column(name: "", storage: .int(used.map { merged.rows[$0] })))
                continue
            }
            let values = used.map { merged.sums[s][$0] }
            let validity = sums[s].validity == nil ? nil : Aggregator.validity(used.map { merged.seen[s][$0] }, [])
            columns.append(Column(name: "", storage: .decimal(values, scale: scales[s]), validity: validity))
            s += 1
        }
        return (columns, used.count)
    }

    /// The ranges' grids added in range order: exact 128-bit sums, row and non-null counts, the earliest first rows.
    private struct Merged {
        var rows: [Int64]
        var first: [Int]
        var sums: [[Int128]]
        var seen: [[Int64]]

        init(_ parts: [SemiJoinGrid], space: Int, firstRows: Bool) {
            rows = [Int64](repeating: 0, count: space)
            first = firstRows ? [Int](repeating: .max, count: space) : []
            let columns = parts.first?.low.count ?? 0
            sums = (0..<columns).map { _ in [Int128](repeating: 0, count: space) }
            seen = (0..<columns).map { s in parts[0].seen[s].isEmpty ? [] : [Int64](repeating: 0, count: space) }
            for p in parts {
                for c in 0..<space { rows[c] += p.rows[c] }
                // A range's first row is below every later range's.
                if firstRows { for c in 0..<space where first[c] == .max { first[c] = p.first[c] } }
                for s in 0..<columns {
                    // |wraps| < 2^63: each partial fits 128 bits, and so does their total (fewer than 2^63 rows).
                    for c in 0..<space { sums[s][c] += Int128(p.low[s][c]) + Int128(p.wraps[s][c]) << 64 }
                    if !seen[s].isEmpty { for c in 0..<space { seen[s][c] += p.seen[s][c] } }
                }
            }
        }
    }

    /// The dense cells of the group keys: each key's column indexed (see ``OrderedGrouping/SourceIndex``), its
    /// indices coded in the keys' order (the null code last) and packed in mixed radix, the last sort key varying
    /// fastest, so that cell order is group order.
    private struct Cells {
        var sources: [OrderedGrouping.SourceIndex]
        /// Per key, the cell contribution of each index of its column.
        var tables: [[UInt32]]
        /// Per key, the index of its column for each code (-1 for a code no index has).
        var indexOfCode: [[Int]]
        var multipliers: [Int]
        var domains: [Int]
        var space: Int

        /// The cells of `keys` (an int, date or period key over its `bounds` among the rows read), or nil when some
        /// key has no dense index or the cells pass
        /// ``OrderedCounts/spaceLimit`` or twice the rows (a sparse grid costs more to clear than it saves).
        init?(_ keys: [Column], bounds: [(lo: Int64, hi: Int64)?], order: [(key: Int, descending: Bool)]?, rows: Int) {
            var codes: [[UInt32]] = []
            (sources, domains) = ([], [])
            for (k, c) in keys.enumerated() {
                guard c.count == rows, let s = OrderedGrouping.SourceIndex.readRows(c, bounds: bounds[k]) else { return nil }
                let descending = order?.first { $0.key == k }?.descending ?? false
                guard let (code, domain) = s.codes(part: nil, descending: descending, fiscalStart: 1) else { return nil }
                sources.append(s)
                codes.append(code)
                domains.append(domain)
            }
            // Mixed radix in sort order (the key order without one): the last key varies fastest.
            let radixOrder = order?.map(\.key) ?? Array(keys.indices)
            guard Set(radixOrder) == Set(keys.indices), radixOrder.count == keys.count else { return nil }
            multipliers = [Int](repeating: 0, count: keys.count)
            space = 1
            for k in radixOrder.reversed() {
                multipliers[k] = space
                let (p, wide) = space.multipliedReportingOverflow(by: domains[k])
                guard !wide, p <= min(OrderedCounts.spaceLimit, max(2 * rows, 4096)) else { return nil }
                space = p
            }
            let (m, s) = (multipliers, sources)
            tables = keys.indices.map { k in codes[k].map { $0 &* UInt32(m[k]) } }
            indexOfCode = keys.indices.map { [domains] k in
                var index = [Int](repeating: -1, count: domains[k])
                // The null slot is the last index; without nulls its code is never used.
                for (i, c) in codes[k].enumerated() where i < s[k].values || s[k].column.validity != nil {
                    if index[Int(c)] < 0 { index[Int(c)] = i }
                }
                return index
            }
        }

        /// The key columns of the groups at `cells`, in the order of the keys.
        func keyColumns(at cells: [Int]) -> [Column] {
            sources.indices.map { k in
                let (m, d, index) = (multipliers[k], domains[k], indexOfCode[k])
                return SourceGrid.column(sources[k], at: cells.map { index[$0 / m % d] })
            }
        }
    }
}
