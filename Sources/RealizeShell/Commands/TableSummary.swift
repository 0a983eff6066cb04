import RealizeStore

/// Describes a table column by column: what `.summary` shows.
public enum TableSummary {
    /// One row per column of `table`, in column order, with these columns:
    ///
    /// | column | type | meaning |
    /// |---|---|---|
    /// | `column` | text | the column's name |
    /// | `type` | text | its type (`int`, `decimal`, `text`, …) |
    /// | `count` | int | values that are not null |
    /// | `nulls` | int | null values |
    /// | `distinct` | int | distinct non-null values |
    /// | `min`, `max` | text | smallest and largest value, as export writes it; null when there are no values |
    /// | `mean` | double | average of the values, for numeric columns only; else null |
    ///
    /// Text is ordered as Swift orders strings (Unicode canonical order), booleans `false` < `true`.
    /// NaN doubles are left out of `min` and `max` but make the `mean` NaN.
    ///
    /// - Complexity: O(rows × columns); each column's storage is switched on once, then its typed
    ///   buffer is read in a loop. Text distinct counts use the dictionary codes, not the strings.
    public static func summarize(_ table: Table) -> Table {
        let stats = table.columns.map(ColumnStats.init)
        let n = stats.count
        var mins = ColumnBuilder(name: "min", type: .text, capacity: n)
        var maxs = ColumnBuilder(name: "max", type: .text, capacity: n)
        var means = ColumnBuilder(name: "mean", type: .double, capacity: n)
        for s in stats {
            mins.append(s.min.map { Value.text($0) } ?? .null)
            maxs.append(s.max.map { Value.text($0) } ?? .null)
            means.append(s.mean.map { Value.double($0) } ?? .null)
        }
        func texts(_ name: String, _ v: [String]) -> Column {
            Column(name: name, type: .text, values: v.map { .text($0) })
        }
        return Table(
            columns: [
                texts("column", table.columns.map(\.name)),
                texts("type", table.columns.map(\.type.description)),
                Column(name: "count", storage: .int(stats.map { Int64($0.count) })),
                Column(name: "nulls", storage: .int(stats.map { Int64($0.nulls) })),
                Column(name: "distinct", storage: .int(stats.map { Int64($0.distinct) })),
                mins.finish(), maxs.finish(), means.finish(),
            ], rowCount: n)
    }
}

/// The figures of one column, computed in one pass over its typed buffer.
struct ColumnStats: Equatable, Sendable {
    var count = 0
    var nulls = 0
    var distinct = 0
    var min: String?
    var max: String?
    var mean: Double?

    init(_ column: Column) {
        let validity = column.validity
        func isValid(_ r: Int) -> Bool { validity.map { $0[r] } ?? true }
        nulls = column.nullCount
        count = column.count - nulls
        switch column.storage {
        case .int(let a):
            var seen = Set<Int64>(), lo = Int64.max, hi = Int64.min, sum = 0.0
            for r in a.indices where isValid(r) {
                let v = a[r]
                seen.insert(v); lo = Swift.min(lo, v); hi = Swift.max(hi, v); sum += Double(v)
            }
            finish(distinct: seen.count, lo: String(lo), hi: String(hi), sum: sum)
        case .decimal(let a, let scale):
            var seen = Set<Int128>(), lo = Int128.max, hi = Int128.min
            var exact: Int128 = 0, overflowed = false, sum = 0.0
            for r in a.indices where isValid(r) {
                let v = a[r]
                seen.insert(v); lo = Swift.min(lo, v); hi = Swift.max(hi, v); sum += Double(v)
                if !overflowed {
                    let (s, o) = exact.addingReportingOverflow(v)
                    exact = s; overflowed = o
                }
            }
            let total = overflowed ? sum : Double(exact)
            let text = { (u: Int128) in FixedDecimal(units: u, scale: scale).description }
            finish(distinct: seen.count, lo: text(lo), hi: text(hi), sum: total / Double(FixedDecimal.pow10[scale]))
        case .double(let a):
            var seen = Set<UInt64>(), lo = Double.infinity, hi = -Double.infinity, sum = 0.0, ordered = 0
            for r in a.indices where isValid(r) {
                let v = a[r]
                seen.insert(v == 0 ? 0 : v.bitPattern)  // -0 and 0 are one value
                sum += v
                if !v.isNaN { lo = Swift.min(lo, v); hi = Swift.max(hi, v); ordered += 1 }
            }
            finish(distinct: seen.count, lo: Value.formatDouble(lo), hi: Value.formatDouble(hi), sum: sum)
            if ordered == 0 { min = nil; max = nil }
        case .text(let codes, let dictionary):
            var used = [Bool](repeating: false, count: dictionary.count)
            for r in codes.indices where isValid(r) { used[Int(codes[r])] = true }
            var lo: String?, hi: String?
            for (code, isUsed) in used.enumerated() where isUsed {
                let s = dictionary[code]
                if lo.map({ s < $0 }) ?? true { lo = s }
                if hi.map({ s > $0 }) ?? true { hi = s }
                distinct += 1
            }
            min = lo; max = hi
        case .date(let a), .period(let a):
            var seen = Set<Int32>(), lo = Int32.max, hi = Int32.min
            for r in a.indices where isValid(r) {
                seen.insert(a[r]); lo = Swift.min(lo, a[r]); hi = Swift.max(hi, a[r])
            }
            let format = column.type == .date ? CivilCalendar.formatDate : CivilCalendar.formatPeriod
            finish(distinct: seen.count, lo: format(lo), hi: format(hi), sum: nil)
        case .bool(let a):
            var sawFalse = false, sawTrue = false
            for r in a.indices where isValid(r) { if a[r] { sawTrue = true } else { sawFalse = true } }
            distinct = (sawFalse ? 1 : 0) + (sawTrue ? 1 : 0)
            if distinct > 0 { min = sawFalse ? "false" : "true"; max = sawTrue ? "true" : "false" }
        }
    }

    /// Sets distinct, min, max and mean, leaving min, max and mean nil when there were no values.
    private mutating func finish(distinct: Int, lo: @autoclosure () -> String, hi: @autoclosure () -> String, sum: Double?) {
        self.distinct = distinct
        guard count > 0 else { return }
        min = lo()
        max = hi()
        mean = sum.map { $0 / Double(count) }
    }
}
