/// Conversions between civil dates, year-month periods and their stored integer forms.
///
/// Dates are days since 1970-01-01 (proleptic Gregorian); periods are `year * 12 + (month - 1)`.
public enum CivilCalendar {
    /// Days since 1970-01-01 for a civil date (Howard Hinnant's algorithm).
    public static func days(year: Int, month: Int, day: Int) -> Int32 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return Int32(era * 146097 + doe - 719468)
    }

    /// The civil date of a day number.
    public static func civil(days: Int32) -> (year: Int, month: Int, day: Int) {
        let z = Int(days) + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// Whether `year` is a Gregorian leap year.
    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    /// Days in a month.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Stored form of a period.
    public static func period(year: Int, month: Int) -> Int32 { Int32(year * 12 + month - 1) }

    /// The period (year and month) a date (days since 1970-01-01) falls in.
    public static func period(ofDay days: Int32) -> Int32 {
        let (y, m, _) = civil(days: days)
        return period(year: y, month: m)
    }

    /// The period of each row of a period or date column (a date's month); 0s for a column of another type.
    public static func periods(of c: Column) -> [Int32] {
        switch c.storage {
        case .period(let a): return a
        case .date(let a): return a.map(period(ofDay:))
        default: return [Int32](repeating: 0, count: c.count)
        }
    }

    /// Year and month of a stored period.
    public static func yearMonth(period: Int32) -> (year: Int, month: Int) {
        let p = Int(period)
        let y = p >= 0 ? p / 12 : (p - 11) / 12
        return (y, p - y * 12 + 1)
    }

    /// `YYYY-MM-DD`.
    public static func formatDate(_ days: Int32) -> String {
        let (y, m, d) = civil(days: days)
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
    }

    /// `YYYY-MM`.
    public static func formatPeriod(_ p: Int32) -> String {
        let (y, m) = yearMonth(period: p)
        return pad(y, 4) + "-" + pad(m, 2)
    }

    /// Parses `YYYY-MM-DD` strictly (valid month and day), from raw bytes.
    @inlinable
    public static func parseDate<C: Collection>(_ b: C) -> Int32? where C.Element == UInt8 {
        guard b.count == 10 else { return nil }
        var it = b.makeIterator()
        var v = [Int](repeating: 0, count: 0)
        v.reserveCapacity(3)
        var acc = 0
        for k in 0..<10 {
            let c = it.next()!
            if k == 4 || k == 7 {
                guard c == UInt8(ascii: "-") else { return nil }
                v.append(acc); acc = 0
            } else {
                guard c >= 48 && c <= 57 else { return nil }
                acc = acc * 10 + Int(c - 48)
            }
        }
        let y = v[0], m = v[1], d = acc
        guard m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(year: y, month: m) else { return nil }
        return days(year: y, month: m, day: d)
    }

    /// Parses `YYYY-MM` strictly, from raw bytes.
    @inlinable
    public static func parsePeriod<C: Collection>(_ b: C) -> Int32? where C.Element == UInt8 {
        guard b.count == 7 else { return nil }
        var y = 0, m = 0, k = 0
        for c in b {
            if k == 4 {
                guard c == UInt8(ascii: "-") else { return nil }
            } else {
                guard c >= 48 && c <= 57 else { return nil }
                if k < 4 { y = y * 10 + Int(c - 48) } else { m = m * 10 + Int(c - 48) }
            }
            k += 1
        }
        guard m >= 1 && m <= 12 else { return nil }
        return period(year: y, month: m)
    }

    private static func pad(_ n: Int, _ w: Int) -> String {
        let s = String(abs(n))
        return (n < 0 ? "-" : "") + (s.count < w ? String(repeating: "0", count: w - s.count) + s : s)
    }
}
