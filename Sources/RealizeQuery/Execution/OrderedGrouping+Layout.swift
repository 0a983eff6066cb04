import RealizeStore

extension OrderedGrouping {
    /// How the keys of an ordered grouping are packed: the columns they read, one table per column giving the sum of
    /// its keys' codes times their multipliers, and the size of the packed key space.
    struct Layout: Sendable {
        /// The columns the keys read, each once.
        var sources: [SourceIndex]
        /// Per source, for each of its indices, the packed contribution of the keys read from it.
        var tables: [[UInt32]]
        /// The source of each key.
        var sourceOf: [Int]
        /// The date part of each key (nil: the source column itself).
        var parts: [DatePart?]
        /// The packed keys lie in `0..<space`, in the order of the sorted groups.
        var space: Int

        /// The layout of `keys` in `order` (key index, descending) over `ev`'s rows; nil when the keys do not fit (see
        /// ``OrderedGrouping/make(_:order:_:shouldStop:)``).
        init?(_ keys: [BoundExpr], order: [(key: Int, descending: Bool)], _ ev: Evaluator) throws(NumericOverflow) {
            let rows = ev.n
            // One key is grouped faster the ordinary way, and its few groups then sorted.
            guard rows > 0, keys.count > 1, order.count == keys.count, Set(order.map(\.key)).count == keys.count else { return nil }
            // The source of each key (a date part reads its date or period), each distinct source evaluated once.
            var sourceExprs: [BoundExpr] = []
            (sources, sourceOf, parts) = ([], [], [])
            for key in keys {
                var x = key
                var part: DatePart? = nil
                if case .datePart(let p, let s) = key { (x, part) = (s, p) }
                parts.append(part)
                if let j = sourceExprs.firstIndex(where: { $0.isSame(as: x) }) {
                    sourceOf.append(j)
                    continue
                }
                let c = try ev.eval(x)
                guard c.count == rows, let s = SourceIndex(c) else { return nil }
                sourceExprs.append(x)
                sources.append(s)
                sourceOf.append(sources.count - 1)
            }
            // Each key's code over its source's index space, and its domain (the null code last).
            var codes: [[UInt32]] = []
            var domains: [Int] = []
            for (k, part) in parts.enumerated() {
                let s = sources[sourceOf[k]]
                let descending = order.first { $0.key == k }?.descending ?? false
                guard let (c, d) = s.codes(part: part, descending: descending, fiscalStart: ev.settings.fiscalYearStart) else { return nil }
                codes.append(c)
                domains.append(d)
            }
            // Mixed radix in sort order: the last sort key varies fastest.
            var multiplier = [Int](repeating: 0, count: keys.count)
            space = 1
            for o in order.reversed() {
                multiplier[o.key] = space
                let (p, wide) = space.multipliedReportingOverflow(by: domains[o.key])
                guard !wide, p <= max(4 * rows, 1 << 16) else { return nil }
                space = p
            }
            tables = sources.map { [UInt32](repeating: 0, count: $0.size) }
            for k in keys.indices {
                let m = UInt32(multiplier[k])
                let c = codes[k]
                tables[sourceOf[k]].withUnsafeMutableBufferPointer { t in
                    for i in 0..<t.count { t[i] &+= c[i] &* m }
                }
            }
        }

        /// The packed keys of `rows`, written to `packed[i - rows.lowerBound]` (`packed` holds `rows.count` elements).
        func pack(_ rows: Range<Int>, into packed: UnsafeMutableBufferPointer<UInt32>) {
            for (j, s) in sources.enumerated() { s.add(tables[j], rows: rows, into: packed, first: j == 0) }
        }

        /// The key columns at `firstRow` (one row per group), in the order of the keys.
        func keyColumns(at firstRow: [Int], fiscalStart fs: Int) -> [Column] {
            parts.indices.map { k -> Column in
                let source = sources[sourceOf[k]].column.gather(firstRow)
                return parts[k].map { $0.evaluate(source, rows: firstRow.count, fiscalStart: fs) } ?? source
            }
        }
    }
}
