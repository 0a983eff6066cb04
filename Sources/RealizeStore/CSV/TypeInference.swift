/// Infers a column's type from all of its values (pass 1½ of the reader).
///
/// Rules, tried in order over every non-null value:
/// - `int`: every value is an integer that fits `Int64` (a larger integer makes the column text);
/// - `decimal`: every value is an integer or a plain decimal with at most 18 fractional digits
///   (money `123.45`, FX rates `1.084375`), and all fit 38 significant digits at the widest
///   scale (128-bit units, as DuckDB's `DECIMAL(38, s)`); a plain decimal is never rounded;
/// - `double`: every value is a number, and some value has an exponent, more than 18 fractional
///   digits, or more than 38 significant digits at the column's scale (documented fallback:
///   such a column is read as doubles);
/// - `date`: every value is a valid `YYYY-MM-DD`; `period`: every value is `YYYY-MM`;
/// - `bool`: every value is `true` or `false`, in any case;
/// - otherwise, and for a column with no values at all, `text`.
///
/// Nulls (empty fields) and quoted empty fields do not constrain the type. Scanning a column
/// stops at the first value that rules out every type but text.
enum TypeInference {
    /// The widest decimal scale inference accepts.
    static let maxInferredScale = FixedDecimal.maxScale

    private struct Candidates: OptionSet {
        let rawValue: UInt8
        static let int = Candidates(rawValue: 1), decimal = Candidates(rawValue: 2), double = Candidates(rawValue: 4)
        static let date = Candidates(rawValue: 8), period = Candidates(rawValue: 16), bool = Candidates(rawValue: 32)
        static let all: Candidates = [.int, .decimal, .double, .date, .period, .bool]
    }

    /// The inferred type of `column`, and the decimal scale it needs (0 unless decimal).
    static func infer(_ index: FieldIndex, column: Int, _ p: UnsafePointer<UInt8>) -> (type: DataType, scale: Int) {
        var possible = Candidates.all
        var sawValue = false, sawNumber = false
        var maxIntDigits = 0, maxScale = 0
        for row in 1..<index.rowCountWithHeader {
            index.passed(row: row)
            let (s, e) = FieldContent.unquoted(p, index.span(row: row, column: column))
            if s == e { continue }
            sawValue = true
            var these: Candidates = []
            let first = p[s]
            if FieldParsers.isDigit(first) || first == FieldParsers.minus || first == FieldParsers.plus || first == FieldParsers.dot {
                if possible.contains(.double), let shape = FieldParsers.numberShape(p, s, e) {
                    switch shape.kind {
                    case .integer:
                        // An integer too large for Int64 is kept as an exact decimal (up to 38 digits), else as
                        // text, rather than rounded to a double.
                        if shape.intDigits <= 18 || FieldParsers.int(p, s, e) != nil { these.formUnion([.int, .double]) }
                        if shape.intDigits <= FixedDecimal.maxDigits { these.insert(.decimal) }
                    case .decimal:
                        these.insert(.double)
                        if shape.fracDigits <= maxInferredScale && shape.intDigits + shape.fracDigits <= FixedDecimal.maxDigits {
                            these.insert(.decimal)
                        }
                    case .exponent:
                        these.insert(.double)
                    }
                    sawNumber = sawNumber || these.contains(.double)
                    maxIntDigits = max(maxIntDigits, shape.intDigits)
                    maxScale = max(maxScale, shape.fracDigits)
                } else if possible.contains(.double) && e - s <= 10 && FieldParsers.double(p, s, e) != nil {
                    these.insert(.double)  // -inf, +nan
                }
                if possible.contains(.date) && FieldParsers.date(p, s, e) != nil { these.insert(.date) }
                if possible.contains(.period) && FieldParsers.period(p, s, e) != nil { these.insert(.period) }
            } else if possible.contains(.bool) && FieldParsers.bool(p, s, e) != nil {
                these.insert(.bool)
            } else if possible.contains(.double) && e - s <= 9 && FieldParsers.double(p, s, e) != nil {
                these.insert(.double)  // nan, inf, infinity
            }
            possible.formIntersection(these)
            if possible.isEmpty { return (.text, 0) }
        }
        if !sawValue { return (.text, 0) }
        if possible.contains(.int) { return (.int, 0) }
        if possible.contains(.decimal) && maxIntDigits + maxScale <= FixedDecimal.maxDigits { return (.decimal, maxScale) }
        if possible.contains(.double) && sawNumber { return (.double, 0) }
        if possible.contains(.date) { return (.date, 0) }
        if possible.contains(.period) { return (.period, 0) }
        if possible.contains(.bool) { return (.bool, 0) }
        return (.text, 0)
    }

    /// The scale a decimal override needs: the most fractional digits among the column's plain
    /// decimals (at most 18). Values that are not plain decimals are left for the decoder to reject.
    static func decimalScale(_ index: FieldIndex, column: Int, _ p: UnsafePointer<UInt8>) -> Int {
        var scale = 0
        for row in 1..<index.rowCountWithHeader {
            index.passed(row: row)
            let (s, e) = FieldContent.unquoted(p, index.span(row: row, column: column))
            if s == e { continue }
            if let shape = FieldParsers.numberShape(p, s, e), shape.kind != .exponent { scale = max(scale, shape.fracDigits) }
        }
        return min(scale, 18)
    }
}

/// Helpers for a raw field span.
enum FieldContent {
    /// The content of a raw field: without its enclosing quotes if it is quoted (doubled quotes stay doubled).
    @inline(__always)
    static func unquoted(_ p: UnsafePointer<UInt8>, _ span: (start: Int, end: Int)) -> (Int, Int) {
        if span.end > span.start && p[span.start] == CSVTokenizer.quote { return (span.start + 1, span.end - 1) }
        return span
    }

    /// Whether the raw field is quoted.
    @inline(__always)
    static func isQuoted(_ p: UnsafePointer<UInt8>, _ span: (start: Int, end: Int)) -> Bool {
        span.end > span.start && p[span.start] == CSVTokenizer.quote
    }

    /// The 1-based physical line holding byte `offset` (line breaks inside quoted fields count).
    static func line(of offset: Int, in p: UnsafePointer<UInt8>) -> Int {
        var n = 1
        for k in 0..<offset where p[k] == CSVTokenizer.lf { n += 1 }
        return n
    }

    /// The field's text, with doubled quotes undone, for messages and header names.
    static func text(_ p: UnsafePointer<UInt8>, _ span: (start: Int, end: Int)) -> String {
        let (s, e) = unquoted(p, span)
        let raw = String(decoding: UnsafeBufferPointer(start: p + s, count: e - s), as: UTF8.self)
        return isQuoted(p, span) ? raw.replacing("\"\"", with: "\"") : raw
    }

    /// A value as shown in a message: quoted, escaped, and cut at 40 characters.
    static func quotedForMessage(_ text: String) -> String {
        var out = ""
        for (k, ch) in text.enumerated() {
            if k == 40 { out += "…"; break }
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\r\n": out += "\\r\\n"
            default: out.append(ch)
            }
        }
        return "\"" + out + "\""
    }
}
