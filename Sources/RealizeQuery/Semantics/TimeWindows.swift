import Foundation
import RealizeStore

/// Resolves relative time windows (`this quarter`, `last 6 months`, `ytd`, `as of …`) to period ranges.
enum TimeWindows {
    /// Today's period: the fixed "today" if set, else the real date.
    static func today(_ s: QuerySettings) -> Int32 {
        let days = todayDate(s)
        let (y, m, _) = CivilCalendar.civil(days: days)
        return CivilCalendar.period(year: y, month: m)
    }

    /// Today's date: the fixed "today" if set, else the real date (UTC).
    static func todayDate(_ s: QuerySettings) -> Int32 {
        s.today ?? Int32((Date().timeIntervalSince1970 / 86400).rounded(.down))
    }

    /// First period of the fiscal quarter or year containing `p`.
    static func start(of unit: String, containing p: Int32, fiscalStart: Int) -> Int32 {
        switch unit {
        case "month": return p
        case "quarter":
            let offset = (Int(p) - (fiscalStart - 1)) % 3
            return p - Int32((offset + 3) % 3)
        default:
            let offset = (Int(p) - (fiscalStart - 1)) % 12
            return p - Int32((offset + 12) % 12)
        }
    }

    static func length(_ unit: String) -> Int32 { unit == "month" ? 1 : unit == "quarter" ? 3 : 12 }

    /// Inclusive period range `[lo, hi]`.
    static func range(_ w: TimeWindow, settings s: QuerySettings, range r: SourceRange) throws(Diagnostic) -> (Int32, Int32) {
        let now = today(s)
        let fs = s.fiscalYearStart
        switch w {
        case .this(let u):
            let lo = start(of: u, containing: now, fiscalStart: fs)
            return (lo, lo + length(u) - 1)
        case .previous(let u):
            let lo = start(of: u, containing: now, fiscalStart: fs) - length(u)
            return (lo, lo + length(u) - 1)
        case .lastN(let n, let u):
            let cur = start(of: u, containing: now, fiscalStart: fs)
            // A million units reaches past any real data; clamping keeps the period arithmetic within Int32.
            let k = Int32(min(max(n, 0), 1_000_000))
            return (cur - (k - 1) * length(u), cur + length(u) - 1)
        case .ytd:
            return (start(of: "year", containing: now, fiscalStart: fs), now)
        case .asOf(let lit):
            if case .parameter(let name) = lit {
                switch try s.parameter(name, at: r) {
                case .period(let p): return (Int32.min, p)
                case .date(let d):
                    let (y, m, _) = CivilCalendar.civil(days: d)
                    return (Int32.min, CivilCalendar.period(year: y, month: m))
                default: break
                }
            }
            switch lit {
            case .period(let t): if let p = CivilCalendar.parsePeriod(Array(t.utf8)) { return (Int32.min, p) }
            case .date(let t):
                if let d = CivilCalendar.parseDate(Array(t.utf8)) {
                    let (y, m, _) = CivilCalendar.civil(days: d)
                    return (Int32.min, CivilCalendar.period(year: y, month: m))
                }
            default: break
            }
            throw Diagnostic(id: .expectedPeriod, message: "expected a period (YYYY-MM) or date after `as of`", range: r)
        }
    }
}
