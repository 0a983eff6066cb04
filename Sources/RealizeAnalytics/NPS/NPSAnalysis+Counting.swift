import RealizeQuery
import RealizeStore

extension NPSAnalysis {
    /// Each row's answer as a score from 0 to 10, or −1 where it is null (a double that is not finite counts as
    /// null): one pass over the column, so the tally reads a byte a row.
    ///
    /// - Throws: `nps-score-out-of-range` at the first row whose answer is not a whole number from 0 to 10;
    ///   `cancelled` (looked at every 4096 rows).
    static func scores(_ c: Column, source: SourceColumns) throws(QueryError) -> [Int8] {
        var out = [Int8](repeating: -1, count: c.count)
        func outOfRange(_ r: Int) -> QueryError {
            source.badValue(.npsScoreOutOfRange, column: scoreColumnName, row: r, "`\(c.value(at: r))` is not a whole number from 0 to 10")
        }
        if case .int(let a) = c.storage {
            for r in 0..<c.count {
                try source.checkCancelled(row: r)
                if c.isNull(r) { continue }
                guard (0...10).contains(a[r]) else { throw outOfRange(r) }
                out[r] = Int8(a[r])
            }
            return out
        }
        let scaled = ScaledNumbers(c)
        for r in 0..<c.count where !scaled.isNull(r) {
            try source.checkCancelled(row: r)
            guard let s = scaled.wholeNumber(r), (0...10).contains(s) else { throw outOfRange(r) }
            out[r] = Int8(s)
        }
        return out
    }

    /// The result's rows from the scores (``scores(_:source:)``): one per group with its tally when there is no
    /// grain; else, per group, every bucket from its first with answers to the last bucket with answers in the
    /// whole table, so gaps show as n = 0. Rows without a period are left out of the buckets.
    ///
    /// Buckets are counted in a dense group × bucket grid where it, and the span of months, are small beside the
    /// rows (at most `denseLimit` cells and months, by default the rows or 64K), else in a dictionary per group (a period span of centuries, say): the
    /// same rows either way.
    static func tallyRows(
        _ scores: [Int8], groups: KeyGroups, periods: Column?, grain: TimeGrain?, fiscalStart: Int, denseLimit: Int? = nil
    ) -> [Row] {
        guard let grain, let periods else {
            var total = [NPSTally](repeating: NPSTally(), count: groups.count)
            for r in scores.indices where scores[r] >= 0 { total[groups.groupOfRow[r]].add(score: Int(scores[r])) }
            return (0..<groups.count).map { Row(group: $0, bucket: nil, tally: total[$0]) }
        }
        let months = CivilCalendar.periods(of: periods)
        // The answers that count: a score and a period.
        var answered = scores
        if let valid = periods.validity {
            for r in answered.indices where !valid[r] { answered[r] = -1 }
        }
        // A bucket is a period rounded down to its grain, so the first and last buckets are those of the first
        // and last months answered.
        var first = Int32.max, last = Int32.min
        answered.withUnsafeBufferPointer { sc in
            months.withUnsafeBufferPointer { mo in
                for r in sc.indices where sc[r] >= 0 {
                    first = min(first, mo[r])
                    last = max(last, mo[r])
                }
            }
        }
        guard first <= last else { return [] }
        let (low, high) = (grain.bucket(first, fiscalStart: fiscalStart), grain.bucket(last, fiscalStart: fiscalStart))
        let width = Int((high - low) / grain.months) + 1
        let (cells, wide) = groups.count.multipliedReportingOverflow(by: width)
        let limit = denseLimit ?? max(scores.count, 1 << 16)
        guard !wide, cells <= limit, Int(last) - Int(first) < limit else {
            return sparseRows(answered, groups: groups, months: months, grain: grain, fiscalStart: fiscalStart, last: high)
        }
        // Each month's bucket, looked up rather than computed a row.
        let bucketOf = (first...last).map { Int((grain.bucket($0, fiscalStart: fiscalStart) - low) / grain.months) }
        var grid = [NPSTally](repeating: NPSTally(), count: cells)
        var firstBucket = [Int](repeating: width, count: groups.count)
        answered.withUnsafeBufferPointer { sc in
            months.withUnsafeBufferPointer { mo in
                groups.groupOfRow.withUnsafeBufferPointer { gr in
                    grid.withUnsafeMutableBufferPointer { cell in
                        firstBucket.withUnsafeMutableBufferPointer { fb in
                            for r in sc.indices where sc[r] >= 0 {
                                let g = gr[r], b = bucketOf[Int(mo[r] &- first)]
                                cell[g &* width &+ b].add(score: Int(sc[r]))
                                fb[g] = min(fb[g], b)
                            }
                        }
                    }
                }
            }
        }
        var rows: [Row] = []
        for g in 0..<groups.count where firstBucket[g] < width {
            for b in firstBucket[g]..<width {
                rows.append(Row(group: g, bucket: low + Int32(b) * grain.months, tally: grid[g * width + b]))
            }
        }
        return rows
    }

    /// ``tallyRows(_:groups:periods:grain:fiscalStart:denseLimit:)`` with a dictionary of buckets per group, from the
    /// answers that count (a score and a period; −1 else), `last` the last bucket answered.
    private static func sparseRows(
        _ answered: [Int8], groups: KeyGroups, months: [Int32], grain: TimeGrain, fiscalStart: Int, last: Int32
    ) -> [Row] {
        var tallies = [[Int32: NPSTally]](repeating: [:], count: groups.count)
        for r in answered.indices where answered[r] >= 0 {
            tallies[groups.groupOfRow[r]][grain.bucket(months[r], fiscalStart: fiscalStart), default: NPSTally()].add(score: Int(answered[r]))
        }
        var rows: [Row] = []
        for g in 0..<groups.count {
            guard var b = tallies[g].keys.min() else { continue }
            while b <= last {
                rows.append(Row(group: g, bucket: b, tally: tallies[g][b] ?? NPSTally()))
                b += grain.months
            }
        }
        return rows
    }
}
