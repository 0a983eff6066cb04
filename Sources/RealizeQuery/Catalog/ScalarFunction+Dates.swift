import RealizeStore

/// The kernels of the date and period functions: whole columns of day and month numbers, no boxing.
///
/// Dates are days since 1970-01-01 and periods `year × 12 + month − 1`, so day and month arithmetic is integer
/// arithmetic; only `add_months` on a date needs the calendar (to clamp to the month's end).
extension ScalarFunction {
    func dates(_ args: [BoundExpr], _ cols: [Column], type t: DataType, in ev: Evaluator) throws(NumericOverflow) -> Column {
        let n = ev.n
        let valid = cols.count > 1 ? Bitmap.and(cols[0].validity, cols[1].validity) : cols[0].validity
        switch self {
        case .addDays:
            let (d, k) = (Self.days(cols[0]), Self.ints(cols[1]))
            return Self.checked(n, valid, .date) { i in Self.narrow(Int64(d[i]) + k[i]) }
        case .addMonths:
            let k = Self.ints(cols[1])
            if case .period(let p) = cols[0].storage {
                return Self.checked(n, valid, .period) { i in Self.narrow(Int64(p[i]) + k[i]) }
            }
            let d = Self.days(cols[0])
            return Self.checked(n, valid, .date) { i in Self.addMonths(d[i], k[i]) }
        case .daysBetween:
            let (a, b) = (Self.days(cols[0]), Self.days(cols[1]))
            return Column(name: "", storage: .int((0..<n).map { Int64(b[$0]) - Int64(a[$0]) }), validity: valid)
        case .monthsBetween:
            if case .period(let a) = cols[0].storage, case .period(let b) = cols[1].storage {
                return Column(name: "", storage: .int((0..<n).map { Int64(b[$0]) - Int64(a[$0]) }), validity: valid)
            }
            let (a, b) = (Self.days(cols[0]), Self.days(cols[1]))
            return Column(name: "", storage: .int((0..<n).map { Self.wholeMonths(from: a[$0], to: b[$0]) }), validity: valid)
        case .periodOf:
            return try ev.cast(cols[0], to: .period)
        case .startOf, .endOf:
            let p = CivilCalendar.periods(of: cols[0])
            let end = self == .endOf
            return Column(
                name: "",
                storage: .date(
                    p.map { q in
                        let (y, m) = CivilCalendar.yearMonth(period: q)
                        return CivilCalendar.days(year: y, month: m, day: end ? CivilCalendar.daysInMonth(year: y, month: m) : 1)
                    }), validity: cols[0].validity)
        case .dateTrunc:
            let unit = Self.literalText(args[0])?.lowercased() ?? "month"
            let months = unit.hasPrefix("quarter") ? 3 : unit.hasPrefix("year") ? 12 : 1
            let input = cols[1]
            let p = CivilCalendar.periods(of: input).map { $0 - Int32(((Int($0) % months) + months) % months) }
            if case .period = input.storage { return Column(name: "", storage: .period(p), validity: input.validity) }
            return Column(
                name: "",
                storage: .date(
                    p.map { q in
                        let (y, m) = CivilCalendar.yearMonth(period: q)
                        return CivilCalendar.days(year: y, month: m, day: 1)
                    }), validity: input.validity)
        default:
            return ev.constant(.null, t)
        }
    }

    /// `d` moved by `k` months, the day clamped to the new month's length; nil when out of range.
    static func addMonths(_ d: Int32, _ k: Int64) -> Int32? {
        let (y, m, day) = CivilCalendar.civil(days: d)
        let total = Int64(y) * 12 + Int64(m - 1) + k
        guard total >= 0, total < 12 * 100_000 else { return nil }
        let ny = Int(total / 12), nm = Int(total % 12) + 1
        return CivilCalendar.days(year: ny, month: nm, day: min(day, CivilCalendar.daysInMonth(year: ny, month: nm)))
    }

    /// Whole months from `a` to `b`: counted from the earlier date, the most months that can be added to it
    /// (with ``addMonths(_:_:)``, which clamps to the month's end) without passing the later one; negative when
    /// `b` is earlier. So `months_between(a, add_months(a, k))` is `k` for k ≥ 0, and swapping the dates only
    /// changes the sign.
    static func wholeMonths(from a: Int32, to b: Int32) -> Int64 {
        if b < a { return -wholeMonths(from: b, to: a) }
        let (y1, m1, _) = CivilCalendar.civil(days: a)
        let (y2, m2, _) = CivilCalendar.civil(days: b)
        var months = Int64((y2 - y1) * 12 + (m2 - m1))
        if months > 0, let moved = addMonths(a, months), moved > b { months -= 1 }
        return months
    }

    /// A column of `n` values computed by `f`; a nil result (out of range) is null.
    static func checked(_ n: Int, _ valid: Bitmap?, _ t: DataType, _ f: (Int) -> Int32?) -> Column {
        var out = [Int32](repeating: 0, count: n)
        var bad: [Int] = []
        for i in 0..<n {
            if let v = f(i) { out[i] = v } else { bad.append(i) }
        }
        let validity = Bitmap.clearing(bad, in: valid, count: n)
        return Column(name: "", storage: t == .period ? .period(out) : .date(out), validity: validity)
    }

    static func narrow(_ v: Int64) -> Int32? { v >= Int64(Int32.min) && v <= Int64(Int32.max) ? Int32(v) : nil }

    static func days(_ c: Column) -> [Int32] {
        if case .date(let a) = c.storage { return a }
        return [Int32](repeating: 0, count: c.count)
    }

    static func ints(_ c: Column) -> [Int64] {
        if case .int(let a) = c.storage { return a }
        return [Int64](repeating: 0, count: c.count)
    }

    /// The text of a literal argument (a unit, a format, a pattern), checked by the binder.
    static func literalText(_ e: BoundExpr) -> String? {
        if case .literal(.text(let s), _) = e { return s }
        return nil
    }
}
