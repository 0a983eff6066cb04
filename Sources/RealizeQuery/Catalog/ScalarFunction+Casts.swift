import Foundation
import RealizeStore

/// The kernels of the casts: `to_int`, `to_decimal`, `to_double`, `to_text`, `to_date`, `to_period`.
///
/// A value that does not convert is null, and the statement's ``WarningLog`` counts it with the first example;
/// with `strict` as the last argument, the statement fails at the first instead. Text is trimmed of spaces
/// first, and an empty text is null without a warning (it is missing, not wrong). Numbers convert exactly or
/// not at all: `to_int(2.5)` does not convert, it is never rounded.
extension ScalarFunction {
    func convert(_ args: [BoundExpr], _ cols: [Column], type t: DataType, in ev: Evaluator) -> Column {
        let n = ev.n
        let strict = args.count > 1 && Self.literalText(args[args.count - 1])?.lowercased() == "strict"
        let format = (self == .toDate || self == .toPeriod) && args.count > 1 && !(strict && args.count == 2) ? Self.literalText(args[1]) : nil
        var scale: Int? = nil
        if self == .toDecimal, args.count > 1, case .literal(.int(let s), _) = args[1] { scale = Int(max(0, min(18, s))) }
        let input = cols[0]
        // Numbers: a column at a time when every value converts.
        if format == nil, let c = convertNumbers(input, scale: scale) { return c }
        var b = ColumnBuilder(name: "", type: t, capacity: n)
        var failures = 0
        var example = ""
        // Text: convert each dictionary entry once.
        var cache: [UInt32: Value?] = [:]
        for i in 0..<n {
            if input.isNull(i) {
                b.appendNull()
                continue
            }
            var converted: Value?
            if case .text(let codes, let dict) = input.storage {
                let code = codes[i]
                if let hit = cache[code] {
                    converted = hit
                } else {
                    converted = convertValue(.text(dict[Int(code)]), scale: scale, format: format)
                    cache[code] = converted
                }
            } else {
                converted = convertValue(input.value(at: i), scale: scale, format: format)
            }
            if let v = converted {
                b.append(v)
            } else {
                b.appendNull()
                if failures == 0 { example = Self.quoted(input.value(at: i)) + " in row \(i + 1)" }
                failures += 1
            }
        }
        ev.warnings?.conversionFailed(name, failures: failures, example: example, strict: strict)
        return b.finish()
    }

    /// One value converted; `.null` for an empty text; nil when it does not convert.
    func convertValue(_ v: Value, scale: Int?, format: String?) -> Value? {
        if case .text(let raw) = v {
            let s = raw.trimmingCharacters(in: .whitespaces)
            if s.isEmpty { return .null }
            return fromText(s, scale: scale, format: format)
        }
        switch self {
        case .toText: return .text(Self.plainText(v))
        case .toDouble: return v.doubleValue.map { .double($0) }
        case .toInt:
            switch v {
            case .int: return v
            case .bool(let x): return .int(x ? 1 : 0)
            case .decimal(let d):
                guard let whole = d.rescaled(to: 0), FixedDecimal(units: whole.units, scale: 0) == d, let x = Int64(exactly: whole.units) else {
                    return nil
                }
                return .int(x)
            case .double(let x):
                guard x.isFinite, x.rounded() == x, Swift.abs(x) < 9.2e18 else { return nil }
                return .int(Int64(x))
            default: return nil
            }
        case .toDecimal:
            let d: FixedDecimal?
            switch v {
            case .int(let x): d = FixedDecimal(units: Int128(x), scale: 0)
            case .decimal(let x): d = x
            case .double(let x): d = x.isFinite ? FixedDecimal(parsing: Substring(Value.formatDouble(x))) : nil
            default: d = nil
            }
            guard let d else { return nil }
            guard let s = scale else { return .decimal(d) }
            // Widening is exact; narrowing would round, so it does not convert.
            guard let r = d.rescaled(to: s), r == d || s >= d.scale else { return nil }
            return .decimal(r)
        case .toDate: if case .date = v { return v } else { return nil }
        case .toPeriod:
            if case .period = v { return v }
            if case .date(let d) = v { return .period(CivilCalendar.period(ofDay: d)) }
            return nil
        default: return nil
        }
    }

    /// Text converted to this cast's type.
    func fromText(_ s: String, scale: Int?, format: String?) -> Value? {
        switch self {
        case .toText: return .text(s)
        case .toInt:
            if let x = Int64(s) { return .int(x) }
            if let d = FixedDecimal(parsing: Substring(s)) { return convertValue(.decimal(d), scale: nil, format: nil) }
            guard let x = Double(s), x.isFinite else { return nil }
            return convertValue(.double(x), scale: nil, format: nil)
        case .toDouble:
            guard let x = Double(s), x.isFinite else { return nil }
            return .double(x)
        case .toDecimal:
            if let d = FixedDecimal(parsing: Substring(s)) { return convertValue(.decimal(d), scale: scale, format: nil) }
            guard let x = Double(s), x.isFinite, s.lowercased().contains("e") else { return nil }
            return convertValue(.double(x), scale: scale, format: nil)
        case .toDate:
            guard let f = format else { return CivilCalendar.parseDate(Array(s.utf8)).map { .date($0) } }
            return DateFormat(f).parse(s).map { .date(CivilCalendar.days(year: $0.year, month: $0.month, day: $0.day)) }
        case .toPeriod:
            if format == nil, let p = CivilCalendar.parsePeriod(Array(s.utf8)) { return .period(p) }
            let f = format ?? "yyyy-mm-dd"
            return DateFormat(f).parse(s, dayOptional: true).map { .period(CivilCalendar.period(year: $0.year, month: $0.month)) }
        default: return nil
        }
    }

    static func quoted(_ v: Value) -> String {
        if case .text(let s) = v { return "'\(s)'" }
        return v.description
    }
}
