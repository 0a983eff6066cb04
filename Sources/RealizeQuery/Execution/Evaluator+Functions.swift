import Foundation
import RealizeStore

extension Evaluator {
    /// `.year`, `.quarter`, `.month`, `.fiscal_year`, `.fiscal_quarter`, `.day`.
    func datePart(_ p: String, _ c: Column) -> Column {
        var out = [Int64](repeating: 0, count: n)
        let fs = settings.fiscalYearStart
        func parts(_ y: Int, _ m: Int) -> Int64 {
            switch p {
            case "year": return Int64(y)
            case "quarter": return Int64((m - 1) / 3 + 1)
            case "month": return Int64(m)
            case "fiscal_year":
                // Named after the calendar year in which the fiscal year ends (FY2026 = Apr 2025 – Mar 2026).
                return Int64(fs == 1 ? y : (m >= fs ? y + 1 : y))
            default:  // fiscal_quarter
                return Int64(((m - fs + 12) % 12) / 3 + 1)
            }
        }
        switch c.storage {
        case .period(let a):
            for i in 0..<n { let (y, m) = CivilCalendar.yearMonth(period: a[i]); out[i] = parts(y, m) }
        case .date(let a):
            for i in 0..<n {
                let (y, m, d) = CivilCalendar.civil(days: a[i])
                out[i] = p == "day" ? Int64(d) : parts(y, m)
            }
        default: break
        }
        return Column(name: "", storage: .int(out), validity: c.validity)
    }

    func call(_ name: String, _ args: [BoundExpr], _ t: DataType) -> Column {
        let cols = args.map { eval($0) }
        switch name {
        case "coalesce":
            var b = ColumnBuilder(name: "", type: t, capacity: n)
            for i in 0..<n { b.append(cols.first { !$0.isNull(i) }?.value(at: i) ?? .null) }
            return b.finish()
        case "nullif":
            let eq = compare("=", args[0], args[1])
            guard case .bool(let e) = eq.storage else { return cols[0] }
            var v = cols[0].validity ?? Bitmap(count: n, value: true)
            for i in 0..<n where e[i] && !eq.isNull(i) { v[i] = false }
            var c = cols[0]; c.validity = v
            return Column(name: "", storage: c.storage, validity: v)
        case "abs":
            switch NumericVector(cols[0]) {
            case .int(let a): return Column(name: "", storage: .int(a.map { $0 == .min ? 0 : Swift.abs($0) }), validity: cols[0].validity)
            case .decimal(let a, let s):
                return Column(name: "", storage: .decimal(a.map { $0 == .min ? 0 : Swift.abs($0) }, scale: s), validity: cols[0].validity)
            case .double(let a): return Column(name: "", storage: .double(a.map { Swift.abs($0) }), validity: cols[0].validity)
            }
        case "round":
            var digits = 0
            if args.count == 2, case .literal(.int(let d), _) = args[1] { digits = Int(max(-18, min(18, d))) }
            switch NumericVector(cols[0]) {
            case .int(let a): return Column(name: "", storage: .int(a), validity: cols[0].validity)
            case .decimal(let a, let s):
                let target = max(0, min(s, digits))
                return Column(
                    name: "", storage: .decimal(a.map { FixedDecimal(units: $0, scale: s).rescaled(to: target)!.units }, scale: target),
                    validity: cols[0].validity)
            case .double(let a):
                let f = pow(10.0, Double(digits))
                return Column(name: "", storage: .double(a.map { ($0 * f).rounded(.toNearestOrAwayFromZero) / f }), validity: cols[0].validity)
            }
        case "lower", "upper", "length":
            guard case .text(let codes, let dict) = cols[0].storage else { return cols[0] }
            if name == "length" {
                let lens = dict.map { Int64($0.count) }
                return Column(name: "", storage: .int(codes.map { lens.isEmpty ? 0 : lens[Int($0)] }), validity: cols[0].validity)
            }
            var b = ColumnBuilder(name: "", type: .text, capacity: n)
            let mapped = dict.map { name == "lower" ? $0.lowercased() : $0.uppercased() }
            for i in 0..<n { if cols[0].isNull(i) { b.appendNull() } else { b.appendText(mapped[Int(codes[i])]) } }
            return b.finish()
        default:
            return constant(.null, t)
        }
    }

    func inList(_ c: Column, _ values: [Value], _ negated: Bool) -> Column {
        var out = [Bool](repeating: negated, count: n)
        if case .text(let codes, let dict) = c.storage {
            let wanted = Set(values.compactMap { if case .text(let s) = $0 { s } else { nil } })
            let hit = dict.map { wanted.contains($0) }
            for i in 0..<n where !hit.isEmpty && hit[Int(codes[i])] { out[i] = !negated }
        } else if c.type.isNumeric {
            let wanted = Set(values.compactMap { $0.doubleValue })
            let x = NumericVector(c).doubles
            for i in 0..<n where wanted.contains(x[i]) { out[i] = !negated }
        } else {
            let wanted = Set(values)
            for i in 0..<n where wanted.contains(c.value(at: i)) { out[i] = !negated }
        }
        return Column(name: "", storage: .bool(out), validity: c.validity)
    }

    /// contains / starts with / ends with (case-sensitive) and like (case-insensitive, `%` and `_`).
    func match(_ op: String, _ c: Column, _ p: BoundExpr, _ negated: Bool) -> Column {
        guard case .text(let codes, let dict) = c.storage else { return c }
        let pc = eval(p)
        func test(_ s: String, _ pat: String) -> Bool {
            switch op {
            case "contains": return s.contains(pat)
            case "starts": return s.hasPrefix(pat)
            case "ends": return s.hasSuffix(pat)
            default: return Evaluator.like(Array(s.lowercased()), Array(pat.lowercased()))
            }
        }
        var out = [Bool](repeating: false, count: n)
        if case .literal(.text(let pat), _) = p {
            let hit = dict.map { test($0, pat) != negated }
            for i in 0..<n where !hit.isEmpty { out[i] = hit[Int(codes[i])] }
            return Column(name: "", storage: .bool(out), validity: c.validity)
        }
        for i in 0..<n where !c.isNull(i) && !pc.isNull(i) {
            out[i] = test(c.value(at: i).description, pc.value(at: i).description) != negated
        }
        return Column(name: "", storage: .bool(out), validity: Bitmap.and(c.validity, pc.validity))
    }

    /// SQL LIKE: `%` any run, `_` one character.
    static func like(_ s: [Character], _ p: [Character]) -> Bool {
        var si = 0, pi = 0, star = -1, mark = 0
        while si < s.count {
            if pi < p.count && (p[pi] == "_" || p[pi] == s[si]) {
                si += 1; pi += 1
            } else if pi < p.count && p[pi] == "%" {
                star = pi; mark = si; pi += 1
            } else if star >= 0 {
                pi = star + 1; mark += 1; si = mark
            } else {
                return false
            }
        }
        while pi < p.count && p[pi] == "%" { pi += 1 }
        return pi == p.count
    }
}
