import Foundation
import RealizeStore

/// The reference interpreter's scalar functions: the date, text and cast vocabulary written the slow, obvious
/// way, one value at a time, on Foundation's Gregorian calendar rather than the engine's day arithmetic, so the
/// property tests compare two independent implementations.
extension Ref {
    static let utc: Calendar = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        return c
    }()

    static func date(_ days: Int32) -> Date { Date(timeIntervalSince1970: Double(days) * 86_400) }
    static func days(_ d: Date) -> Int32 { Int32((d.timeIntervalSince1970 / 86_400).rounded(.down)) }
    static func ymd(_ days: Int32) -> (Int, Int, Int) {
        let c = utc.dateComponents([.year, .month, .day], from: date(days))
        return (c.year!, c.month!, c.day!)
    }
    static func makeDate(_ y: Int, _ m: Int, _ d: Int) -> Int32 {
        days(utc.date(from: DateComponents(year: y, month: m, day: d))!)
    }

    /// `name(args…)` on one row; nulls propagate except in `concat`.
    static func call(_ name: String, _ args: [Value]) -> Value {
        if name == "concat" {
            return .text(
                args.map { v -> String in
                    switch v {
                    case .null: return ""
                    case .text(let s): return s
                    default: return v.description
                    }
                }.joined())
        }
        if args.contains(where: \.isNull) { return .null }
        func text(_ k: Int) -> String { if case .text(let s) = args[k] { s } else { "" } }
        func int(_ k: Int) -> Int { if case .int(let x) = args[k] { Int(x) } else { 0 } }
        func day(_ k: Int) -> Int32 { if case .date(let d) = args[k] { d } else { 0 } }
        switch name {
        case "add_days":
            return .date(days(utc.date(byAdding: .day, value: int(1), to: date(day(0)))!))
        case "add_months":
            if case .period(let p) = args[0] { return .period(p + Int32(int(1))) }
            // Foundation clamps to the month's end, as the engine must.
            return .date(days(utc.date(byAdding: .month, value: int(1), to: date(day(0)))!))
        case "days_between":
            return .int(Int64(utc.dateComponents([.day], from: date(day(0)), to: date(day(1))).day!))
        case "months_between":
            if case .period(let a) = args[0], case .period(let b) = args[1] { return .int(Int64(b - a)) }
            // Counted from the earlier date; negative when `to` is earlier.
            let (a, b) = (day(0), day(1))
            let forward = utc.dateComponents([.month], from: date(min(a, b)), to: date(max(a, b))).month!
            return .int(Int64(b < a ? -forward : forward))
        case "start_of", "end_of":
            let (y, m): (Int, Int)
            if case .period(let p) = args[0] {
                (y, m) = (Int(p) / 12, Int(p) % 12 + 1)
            } else {
                let c = ymd(day(0))
                (y, m) = (c.0, c.1)
            }
            let first = makeDate(y, m, 1)
            if name == "start_of" { return .date(first) }
            return .date(days(utc.date(byAdding: DateComponents(month: 1, day: -1), to: date(first))!))
        case "substr":
            let chars = Array(text(0))
            // SQL's substr: positions start, start + 1, … (1-based) for length characters, or to the end.
            let start = int(1)
            let end = args.count > 2 ? start + int(2) : Int.max
            var out = ""
            for (k, c) in chars.enumerated() where k + 1 >= start && k + 1 < end { out.append(c) }
            return .text(out)
        case "left":
            // PostgreSQL's left: the first n characters, or all but the last |n| when n < 0.
            let chars = Array(text(0)), n = int(1)
            return .text(String(n >= 0 ? chars.prefix(n) : chars.prefix(max(0, chars.count + n))))
        case "right":
            let chars = Array(text(0)), n = int(1)
            return .text(String(n >= 0 ? chars.suffix(n) : chars.suffix(max(0, chars.count + n))))
        case "trim": return .text(text(0).trimmingCharacters(in: .whitespaces))
        case "ltrim": return .text(String(text(0).drop { $0 == " " || $0 == "\t" }))
        case "rtrim": return .text(String(String(text(0).reversed()).drop { $0 == " " || $0 == "\t" }.reversed()))
        case "matches": return .bool(text(0).range(of: text(1), options: .regularExpression) != nil)
        case "period_of":
            let (y, m, _) = ymd(day(0))
            return .period(Int32(y * 12 + m - 1))
        case "date_trunc":
            let months = ["month": 1, "quarter": 3, "year": 12][text(0)]!
            if case .period(let p) = args[1] { return .period(p - p % Int32(months)) }
            let (y, m, _) = ymd(day(1))
            return .date(makeDate(y, (m - 1) / months * months + 1, 1))
        case "to_double":
            let t = text(0).trimmingCharacters(in: .whitespaces)
            return t.isEmpty ? .null : Double(t).map { .double($0) } ?? .null
        case "to_text":
            if case .text = args[0] { return args[0] }
            return .text(args[0].description)
        case "to_date":
            let parts = text(0).trimmingCharacters(in: .whitespaces).split(separator: ".").map { Int($0) }
            guard parts.count == 3, let d = parts[0], let m = parts[1], let y = parts[2], (1...12).contains(m), d >= 1,
                d <= utc.range(of: .day, in: .month, for: date(makeDate(y, m, 1)))!.count
            else { return .null }
            return .date(makeDate(y, m, d))
        case "upper": return .text(text(0).uppercased())
        case "length": return .int(Int64(text(0).count))
        case "replace": return .text(text(1).isEmpty ? text(0) : text(0).components(separatedBy: text(1)).joined(separator: text(2)))
        case "split_part":
            let parts = text(0).components(separatedBy: text(1))
            let k = int(2)
            return .text(k >= 1 && k <= parts.count ? parts[k - 1] : "")
        case "lpad", "rpad":
            var s = Array(text(0))
            let width = int(1)
            let fill = Array(args.count > 2 ? text(2) : " ")
            if s.count >= width || fill.isEmpty { return .text(String(s.prefix(max(0, width)))) }
            var pad: [Character] = []
            while pad.count < width - s.count { pad.append(fill[pad.count % fill.count]) }
            s = name == "lpad" ? pad + s : s + pad
            return .text(String(s))
        case "to_int":
            let t = text(0).trimmingCharacters(in: .whitespaces)
            if t.isEmpty { return .null }
            if let x = Int64(t) { return .int(x) }
            if let x = Double(t), x.isFinite, x == x.rounded(), abs(x) < 9e18 { return .int(Int64(x)) }
            return .null
        default:
            fatalError("the reference has no function \(name)")
        }
    }
}
