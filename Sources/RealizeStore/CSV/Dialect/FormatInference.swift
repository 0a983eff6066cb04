/// Extends ``TypeInference`` to the numbers and dates Excel and ERP systems write: decimal comma,
/// thousands separators, accounting negatives, currencies, `31.12.2025`, `12/31/2025`, `05-Jan-2025`.
///
/// A plain column (ISO dates, `-1234.56`) keeps the plain inference and its fast decoder. Otherwise
/// the whole column decides: the first formatted value fixes the thousands separator and currency,
/// and every value must then fit. A value that looks like a number (or date) but does not fit is an
/// error at its cell, never a null; a value that is no number at all makes the column text, as before.
enum FormatInference {
    /// Why a column has no plan.
    enum Failure: Error, Equatable {
        /// The data row (0-based) whose value does not fit the format the rest of the column shows.
        case misfit(row: Int, expected: String)
        /// Every date has day and month ≤ 12, and no `dates` option says which comes first.
        case ambiguousDates(pattern: String)
    }

    private enum Outcome {
        case plan(ColumnPlan)
        case failure(Failure)
        case none
    }

    /// The plan for `column`, given the file's decimal separator and the caller's date order (if any).
    static func plan(
        _ index: FieldIndex, column: Int, _ p: UnsafePointer<UInt8>, decimal: UInt8, dateOrder: DateOrder?, override: DataType?
    ) -> Result<ColumnPlan, Failure> {
        if let override {
            switch override {
            case .decimal, .int, .double:
                // Only numbers that are not plain need the format; plain ones keep the plain parsers.
                if case .plan(var plan) = numbers(index, column, p, decimal: decimal), let format = plan.number,
                    decimal != FieldParsers.dot || !format.grouping.isEmpty || !format.currency.isEmpty || format.parentheses,
                    override != .int || plan.scale == 0
                {
                    plan.type = override == .double ? .double : .decimal
                    plan.wholeNumbers = override == .int
                    return .success(plan)
                }
            case .date:
                if case .plan(let plan) = dates(index, column, p, order: dateOrder) { return .success(plan) }
            default: break
            }
            let scale = override == .decimal ? TypeInference.decimalScale(index, column: column, p) : 0
            return .success(ColumnPlan(type: override, scale: scale))
        }
        let plain = TypeInference.infer(index, column: column, p)
        switch plain.type {
        case .int, .date, .period, .bool:
            return .success(ColumnPlan(type: plain.type, scale: plain.scale))
        case .decimal, .double:
            if decimal == FieldParsers.dot { return .success(ColumnPlan(type: plain.type, scale: plain.scale)) }
            switch numbers(index, column, p, decimal: decimal) {
            case .plan(let plan): return .success(plan)
            case .failure(let f): return .failure(f)
            case .none: return .success(ColumnPlan(type: plain.type, scale: plain.scale))
            }
        case .text:
            switch numbers(index, column, p, decimal: decimal) {
            case .plan(let plan): return .success(plan)
            case .failure(let f): return .failure(f)
            case .none: break
            }
            switch dates(index, column, p, order: dateOrder) {
            case .plan(let plan): return .success(plan)
            case .failure(let f): return .failure(f)
            case .none: return .success(ColumnPlan(type: .text))
            }
        }
    }

    private static func numbers(_ index: FieldIndex, _ column: Int, _ p: UnsafePointer<UInt8>, decimal: UInt8) -> Outcome {
        var format = NumberFormat(decimal: decimal)
        var fixedGrouping = false, fixedCurrency = false
        var fitted = 0, firstBad = -1
        var maxInt = 0, maxScale = 0
        var anyDecimal = false
        for row in 1..<index.rowCountWithHeader {
            index.passed(row: row)
            let (s, e) = FieldContent.unquoted(p, index.span(row: row, column: column))
            if s == e { continue }
            if let shape = FieldParsers.numberShape(p, s, e, point: decimal), shape.kind != .exponent {
                // Plain but for the separator: nothing to learn about grouping or currency.
                anyDecimal = anyDecimal || shape.kind == .decimal
                maxInt = max(maxInt, shape.intDigits)
                maxScale = max(maxScale, shape.fracDigits)
                fitted += 1
                continue
            }
            guard let v = NumberFormat.scan(p, s, e, decimal: decimal) else {
                let other = decimal == FieldParsers.dot ? UInt8(ascii: ",") : FieldParsers.dot
                if NumberFormat.scan(p, s, e, decimal: other) == nil { return .none }
                if firstBad < 0 { firstBad = row - 1 }
                continue
            }
            if let g = v.grouping {
                if !fixedGrouping {
                    format.grouping = Array(UnsafeBufferPointer(start: p + g.lowerBound, count: g.count))
                    fixedGrouping = true
                } else if !NumberFormat.equal(p, g, format.grouping) {
                    if firstBad < 0 { firstBad = row - 1 }
                    continue
                }
            }
            if let c = v.currency {
                if !fixedCurrency {
                    format.currency = Array(UnsafeBufferPointer(start: p + c.lowerBound, count: c.count))
                    format.currencyBefore = v.currencyBefore
                    fixedCurrency = true
                } else if !NumberFormat.equal(p, c, format.currency) || v.currencyBefore != format.currencyBefore {
                    if firstBad < 0 { firstBad = row - 1 }
                    continue
                }
            }
            format.parentheses = format.parentheses || v.parentheses
            anyDecimal = anyDecimal || v.hasDecimal
            maxInt = max(maxInt, v.intDigits)
            maxScale = max(maxScale, v.fracDigits)
            fitted += 1
        }
        guard fitted > 0, maxScale <= FixedDecimal.maxScale, maxInt + maxScale <= FixedDecimal.maxDigits else { return .none }
        if firstBad >= 0 { return .failure(.misfit(row: firstBad, expected: "a number written as \(format.sample)")) }
        return .plan(ColumnPlan(type: .decimal, scale: maxScale, number: format, wholeNumbers: !anyDecimal && format.currency.isEmpty))
    }

    private static func dates(_ index: FieldIndex, _ column: Int, _ p: UnsafePointer<UInt8>, order: DateOrder?) -> Outcome {
        var first: DateFormat.Scan? = nil
        var maxFirst = 0, maxSecond = 0
        var firstBad = -1
        for row in 1..<index.rowCountWithHeader {
            index.passed(row: row)
            let (s, e) = FieldContent.unquoted(p, index.span(row: row, column: column))
            if s == e { continue }
            guard let v = DateFormat.scan(p, s, e) else { return .none }
            if let f = first {
                if f.separator != v.separator || f.monthName != v.monthName || f.yearFirst != v.yearFirst {
                    if firstBad < 0 { firstBad = row - 1 }
                    continue
                }
            } else {
                first = v
            }
            maxFirst = max(maxFirst, v.first)
            maxSecond = max(maxSecond, v.second)
        }
        guard let f = first else { return .none }
        var format = DateFormat(order: .dmy, separator: f.separator, monthName: f.monthName)
        if f.yearFirst {
            format.order = .ymd
        } else if !f.monthName {
            if maxFirst > 12 && maxSecond > 12 { return .none }
            if maxFirst > 12 {
                format.order = .dmy
            } else if maxSecond > 12 {
                format.order = .mdy
            } else if let order, order != .ymd {
                format.order = order
            } else {
                let sep = String(UnicodeScalar(f.separator))
                return .failure(.ambiguousDates(pattern: "dd\(sep)mm\(sep)yyyy and mm\(sep)dd\(sep)yyyy"))
            }
        }
        if firstBad >= 0 { return .failure(.misfit(row: firstBad, expected: "a date written as \(format.pattern)")) }
        return .plan(ColumnPlan(type: .date, date: format))
    }
}
