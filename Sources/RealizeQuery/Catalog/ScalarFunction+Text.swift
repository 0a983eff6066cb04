import Foundation
import RealizeStore

/// The kernels of the text functions. Characters are grapheme clusters (Swift's `Character`), so `Zürich`
/// has 6 characters however its `ü` is encoded.
///
/// When every argument but the text is a literal (the usual case: `left(code, 3)`), the function runs once
/// per dictionary entry and the codes are mapped, as `lower` and `upper` do; otherwise once per row.
extension ScalarFunction {
    func text(_ args: [BoundExpr], _ cols: [Column], type t: DataType, in ev: Evaluator) -> Column {
        let n = ev.n
        if self == .concat {
            var b = ColumnBuilder(name: "", type: .text, capacity: n)
            for i in 0..<n {
                var s = ""
                for c in cols where !c.isNull(i) { s += Self.plainText(c.value(at: i)) }
                b.appendText(s)
            }
            return b.finish()
        }
        let regex: NSRegularExpression? =
            self == .matches ? Self.literalText(args[1]).flatMap { try? NSRegularExpression(pattern: $0) } : nil
        let rest = args.dropFirst().map { e -> Value? in if case .literal(let v, _) = e { v } else { nil } }
        if case .text(let codes, let dict) = cols[0].storage, rest.allSatisfy({ $0 != nil }) {
            let fixed = rest.map { $0! }
            let mapped = dict.map { apply($0, fixed, regex) }
            return Self.mapCodes(codes, mapped, validity: cols[0].validity, type: t, rows: n)
        }
        var b = ColumnBuilder(name: "", type: t, capacity: n)
        for i in 0..<n {
            guard case .text(let s) = cols[0].value(at: i) else {
                b.appendNull()
                continue
            }
            let values = cols.dropFirst().map { $0.value(at: i) }
            if values.contains(where: \.isNull) {
                b.appendNull()
                continue
            }
            b.append(apply(s, values, regex))
        }
        return b.finish()
    }

    /// The function on one text and its other arguments (none null).
    func apply(_ s: String, _ a: [Value], _ regex: NSRegularExpression?) -> Value {
        func int(_ k: Int) -> Int { k < a.count ? Int(clamping: a[k].intValue ?? 0) : 0 }
        func text(_ k: Int) -> String? { if k < a.count, case .text(let t) = a[k] { t } else { nil } }
        let chars = Array(s)
        switch self {
        case .substr:
            // SQL's substr: 1-based; a start before 1 eats into the length.
            let start = int(0)
            let length = a.count > 1 ? int(1) : Int.max / 2
            let from = max(start, 1), to = length >= Int.max / 4 ? chars.count + 1 : start + length
            guard from < to, from <= chars.count else { return .text("") }
            return .text(String(chars[(from - 1)..<min(chars.count, to - 1)]))
        case .left:
            let k = int(0)
            return .text(String(k >= 0 ? chars.prefix(k) : chars.dropLast(-k)))
        case .right:
            let k = int(0)
            return .text(String(k >= 0 ? chars.suffix(k) : chars.dropFirst(-k)))
        case .trim: return .text(s.trimmingCharacters(in: .whitespaces))
        case .ltrim: return .text(String(s.drop { $0 == " " || $0 == "\t" }))
        case .rtrim: return .text(String(chars.reversed().drop { $0 == " " || $0 == "\t" }.reversed()))
        case .replace:
            guard let from = text(0), let to = text(1), !from.isEmpty else { return .text(s) }
            return .text(s.replacingOccurrences(of: from, with: to))
        case .splitPart:
            guard let sep = text(0), !sep.isEmpty else { return .text(int(1) == 1 ? s : "") }
            let parts = s.components(separatedBy: sep)
            let k = int(1)
            return .text(k >= 1 && k <= parts.count ? parts[k - 1] : "")
        case .lpad, .rpad:
            let width = int(0)
            let fill = Array(text(1) ?? " ")
            guard width > chars.count, !fill.isEmpty else { return .text(String(chars.prefix(max(0, width)))) }
            let padding = String((0..<(width - chars.count)).map { fill[$0 % fill.count] })
            return .text(self == .lpad ? padding + s : s + padding)
        case .matches:
            guard let regex else { return .null }
            return .bool(regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil)
        default:
            return .text(s)
        }
    }

    /// A value as `concat` writes it: like the table, without thousands separators.
    static func plainText(_ v: Value) -> String {
        if case .text(let s) = v { return s }
        return v.description
    }

    /// Per-entry results mapped over the codes.
    static func mapCodes(_ codes: [UInt32], _ mapped: [Value], validity: Bitmap?, type t: DataType, rows n: Int) -> Column {
        var b = ColumnBuilder(name: "", type: t, capacity: n)
        for i in 0..<n {
            if let v = validity, !v[i] {
                b.appendNull()
            } else {
                b.append(mapped[Int(codes[i])])
            }
        }
        return b.finish()
    }
}

extension Value {
    /// A whole number, when the value is an int (or a decimal or double without a fraction).
    var intValue: Int64? {
        switch self {
        case .int(let x): return x
        case .decimal(let d): return d.rescaled(to: 0).flatMap { FixedDecimal(units: $0.units, scale: 0) == d ? Int64(exactly: $0.units) : nil }
        case .double(let x): return x.isFinite && x.rounded() == x && abs(x) < 9.2e18 ? Int64(x) : nil
        default: return nil
        }
    }
}
