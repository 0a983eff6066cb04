/// How the dates of one column are written when they are not ISO `YYYY-MM-DD`: `31.12.2025`,
/// `31/12/2025`, `12/31/2025`, `2025/12/31` (one separator throughout) or `05-Jan-2025`.
struct DateFormat: Equatable, Sendable {
    /// The order of the numbers (``DateOrder/dmy`` for month names).
    var order: DateOrder
    /// `.`, `/`, `-` or a space.
    var separator: UInt8
    /// Whether the month is an English abbreviation (`Jan`).
    var monthName = false

    /// What one value shows: its separator, whether it has a month name, and its first two numbers
    /// (a four-digit first number means year first).
    struct Scan {
        var separator: UInt8
        var monthName: Bool
        /// The first of day and month as written (the day when the year comes first).
        var first: Int
        /// The other one.
        var second: Int
        var yearFirst: Bool
    }

    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// The shape of `p[s..<e]` as a date, or nil; the day is not checked against the month here.
    @inline(__always)
    static func scan(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> Scan? {
        var i = s
        func number(_ maxDigits: Int) -> (value: Int, digits: Int)? {
            var v = 0, n = 0
            while i < e && n < maxDigits, case let d = p[i] &- FieldParsers.digit0, d < 10 {
                v = v * 10 + Int(d)
                n += 1
                i += 1
            }
            return n == 0 ? nil : (v, n)
        }
        guard let a = number(4) else { return nil }
        guard i < e else { return nil }
        let sep = p[i]
        guard sep == 0x2E || sep == 0x2F || sep == 0x2D || sep == 0x20 else { return nil }
        i += 1
        if a.digits <= 2, i + 3 <= e, let m = month(p, i) {
            i += 3
            guard i < e, p[i] == sep else { return nil }
            i += 1
            guard let y = number(4), y.digits == 4, i == e else { return nil }
            return Scan(separator: sep, monthName: true, first: a.value, second: m, yearFirst: false)
        }
        guard a.digits != 3, let b = number(2) else { return nil }
        guard i < e, p[i] == sep else { return nil }
        i += 1
        guard let c = number(a.digits == 4 ? 2 : 4), i == e else { return nil }
        if a.digits == 4 { return Scan(separator: sep, monthName: false, first: c.value, second: b.value, yearFirst: true) }
        guard c.digits == 4, sep != 0x20 else { return nil }
        return Scan(separator: sep, monthName: false, first: a.value, second: b.value, yearFirst: false)
    }

    /// The date as days since 1970-01-01, or nil when it does not fit this format or is not a valid date.
    @inline(__always)
    func days(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> Int32? {
        guard let v = Self.scan(p, s, e), v.separator == separator, v.monthName == monthName,
            v.yearFirst == (order == .ymd)
        else { return nil }
        let year: Int
        if v.yearFirst {
            year = Self.leadingNumber(p, s, e)
        } else {
            var k = e - 4
            var y = 0
            while k < e { y = y * 10 + Int(p[k] &- FieldParsers.digit0); k += 1 }
            year = y
        }
        let (month, day) = order == .mdy ? (v.first, v.second) : (v.second, v.first)
        guard month >= 1 && month <= 12 && day >= 1 && day <= CivilCalendar.daysInMonth(year: year, month: month) else { return nil }
        return CivilCalendar.days(year: year, month: month, day: day)
    }

    /// The pattern for reports: `dd.mm.yyyy`, `mm/dd/yyyy`, `dd-mon-yyyy`, `yyyy/mm/dd`.
    var pattern: String {
        let sep = String(UnicodeScalar(separator))
        if monthName { return ["dd", "mon", "yyyy"].joined(separator: sep) }
        switch order {
        case .ymd: return ["yyyy", "mm", "dd"].joined(separator: sep)
        case .dmy: return ["dd", "mm", "yyyy"].joined(separator: sep)
        case .mdy: return ["mm", "dd", "yyyy"].joined(separator: sep)
        }
    }

    private static func leadingNumber(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> Int {
        var v = 0, k = s
        while k < e, case let d = p[k] &- FieldParsers.digit0, d < 10 { v = v * 10 + Int(d); k += 1 }
        return v
    }

    private static func month(_ p: UnsafePointer<UInt8>, _ i: Int) -> Int? {
        let text = String(decoding: [p[i] | 0x20, p[i + 1] | 0x20, p[i + 2] | 0x20], as: UTF8.self)
        return months.firstIndex(of: text).map { $0 + 1 }
    }
}
