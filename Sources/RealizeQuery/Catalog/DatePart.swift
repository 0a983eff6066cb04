import RealizeStore

/// A part of a date or period: `.year`, `.quarter`, `.month`, `.fiscal_year`, `.fiscal_quarter` and `.day`
/// (dates only), read as properties (`period.year`) or through the scalar functions of the same names.
public enum DatePart: String, CaseIterable, Sendable {
    case year
    case quarter
    case month
    case fiscalYear = "fiscal_year"
    case fiscalQuarter = "fiscal_quarter"
    case day

    /// The property name as written.
    public var name: String { rawValue }

    /// The parts offered as properties in hints (`day` is accepted but not advertised).
    static let advertised: [DatePart] = [.year, .quarter, .month, .fiscalYear, .fiscalQuarter]

    /// The part of a month of a year; `fiscalStart` is the first month of the fiscal year.
    @inline(__always) func value(year y: Int, month m: Int, fiscalStart fs: Int) -> Int64 {
        switch self {
        case .year: return Int64(y)
        case .quarter: return Int64((m - 1) / 3 + 1)
        case .month: return Int64(m)
        // Named after the calendar year in which the fiscal year ends (FY2026 = Apr 2025 – Mar 2026).
        case .fiscalYear: return Int64(fs == 1 ? y : (m >= fs ? y + 1 : y))
        case .fiscalQuarter: return Int64(((m - fs + 12) % 12) / 3 + 1)
        // A period has no day: its first.
        case .day: return 1
        }
    }

    /// The kernel: this part of every value of a date or period column, as an int column.
    func evaluate(_ c: Column, rows n: Int, fiscalStart fs: Int) -> Column {
        var out = [Int64](repeating: 0, count: n)
        switch c.storage {
        case .period(let a):
            // Periods span few distinct months: each month of the range is computed once, rows read a table.
            let lo = a.min() ?? 0, hi = a.max() ?? 0
            if Int(hi) - Int(lo) < 1 << 16 {
                let table = (lo...hi).map { p in
                    let (y, m) = CivilCalendar.yearMonth(period: p)
                    return value(year: y, month: m, fiscalStart: fs)
                }
                table.withUnsafeBufferPointer { t in
                    a.withUnsafeBufferPointer { x in
                        out.withUnsafeMutableBufferPointer { o in
                            for i in 0..<n { o[i] = t[Int(x[i] &- lo)] }
                        }
                    }
                }
            } else {
                for i in 0..<n {
                    let (y, m) = CivilCalendar.yearMonth(period: a[i])
                    out[i] = value(year: y, month: m, fiscalStart: fs)
                }
            }
        case .date(let a):
            if self == .day {
                for i in 0..<n { out[i] = Int64(CivilCalendar.civil(days: a[i]).2) }
            } else {
                for i in 0..<n {
                    let (y, m, _) = CivilCalendar.civil(days: a[i])
                    out[i] = value(year: y, month: m, fiscalStart: fs)
                }
            }
        default: break
        }
        return Column(name: "", storage: .int(out), validity: c.validity).displayed(.plain)
    }
}
