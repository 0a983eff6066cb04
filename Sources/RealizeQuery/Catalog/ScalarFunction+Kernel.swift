import Foundation
import RealizeStore

/// The column kernels of the scalar functions.
extension ScalarFunction {
    /// Runs the function over its checked arguments, a column at a time; `t` is the result type the checker
    /// gave the call. Literal arguments (round's digits) are read from the expression, not per row.
    ///
    /// - Throws: ``NumericOverflow`` from an argument, or from `abs` of the most negative value.
    func evaluate(_ args: [BoundExpr], type t: DataType, in ev: Evaluator) throws(NumericOverflow) -> Column {
        let n = ev.n
        var cols: [Column] = []
        for a in args { cols.append(try ev.eval(a)) }
        switch self {
        case .coalesce:
            // Decimal arguments at different scales give the widest scale that fits (see ColumnBuilder).
            let chosen = ScalarFunction.firstNonNull(cols, rows: n)
            if let c = ChosenValues.gather(cols, chosen: chosen, type: t) { return c }
            var b = ColumnBuilder(name: "", type: t, capacity: n)
            for i in 0..<n { b.append(chosen[i] < 0 ? .null : cols[Int(chosen[i])].value(at: i)) }
            return b.finish()
        case .nullif:
            let eq = BinaryOperator.equal.compare(cols[0], cols[1], rows: n)
            guard case .bool(let e) = eq.storage else { return cols[0] }
            var v = cols[0].validity ?? Bitmap(count: n, value: true)
            for i in 0..<n where e[i] && !eq.isNull(i) { v[i] = false }
            return Column(name: "", storage: cols[0].storage, validity: v)
        case .abs:
            let c = cols[0]
            switch NumericVector(c) {
            case .int(let a):
                if a.contains(.min) { throw NumericOverflow("abs of an int") }
                return Column(name: "", storage: .int(a.map { Swift.abs($0) }), validity: c.validity)
            case .decimal(let a, let s):
                if a.contains(.min) { throw NumericOverflow("abs of a decimal") }
                return Column(name: "", storage: .decimal(a.map { Swift.abs($0) }, scale: s), validity: c.validity)
            case .double(let a): return Column(name: "", storage: .double(a.map { Swift.abs($0) }), validity: c.validity)
            }
        case .round:
            return round(cols[0], digits: args.count == 2 ? ScalarFunction.digits(args[1]) : 0)
        case .lower, .upper, .length:
            return text(cols[0], rows: n)
        case .year, .quarter, .month, .fiscalYear, .fiscalQuarter:
            return datePart!.evaluate(cols[0], rows: n, fiscalStart: ev.settings.fiscalYearStart)
        case .period:
            return try ev.cast(cols[0], to: .period)
        case .addDays, .addMonths, .daysBetween, .monthsBetween, .periodOf, .startOf, .endOf, .dateTrunc:
            return try dates(args, cols, type: t, in: ev)
        case .substr, .left, .right, .trim, .ltrim, .rtrim, .replace, .concat, .lpad, .rpad, .matches, .splitPart:
            return text(args, cols, type: t, in: ev)
        case .toInt, .toDecimal, .toDouble, .toText, .toDate, .toPeriod:
            return convert(args, cols, type: t, in: ev)
        case .today:
            return ev.constant(.date(TimeWindows.todayDate(ev.settings)), .date)
        }
    }

    /// round's digits: a whole-number literal (the checker ensures it), clamped to ±18.
    static func digits(_ e: BoundExpr) -> Int {
        guard case .literal(.int(let d), _) = e else { return 0 }
        return Int(max(-18, min(18, d)))
    }

    /// round(x, digits): ints unchanged, decimals rescaled (never beyond their scale), doubles half away from zero.
    private func round(_ c: Column, digits: Int) -> Column {
        switch NumericVector(c) {
        case .int(let a): return Column(name: "", storage: .int(a), validity: c.validity)
        case .decimal(let a, let s):
            let target = max(0, min(s, digits))
            let units = a.map { FixedDecimal.rescale($0, from: s, to: target) ?? 0 }  // narrowing never fails
            return Column(name: "", storage: .decimal(units, scale: target), validity: c.validity)
        case .double(let a):
            let f = pow(10.0, Double(digits))
            let out = a.map { ($0 * f).rounded(.toNearestOrAwayFromZero) / f }
            return Column(name: "", storage: .double(out), validity: ScalarFunction.finite(out, c.validity))
        }
    }

    /// lower, upper and length: computed once per dictionary entry, then mapped over the codes.
    private func text(_ c: Column, rows n: Int) -> Column {
        guard case .text(let codes, let dict) = c.storage else { return c }
        if self == .length {
            let lens = dict.map { Int64($0.count) }
            return Column(name: "", storage: .int(codes.map { lens.isEmpty ? 0 : lens[Int($0)] }), validity: c.validity)
        }
        var b = ColumnBuilder(name: "", type: .text, capacity: n)
        let mapped = self == .lower ? dict.map { $0.lowercased() } : dict.map { $0.uppercased() }
        for i in 0..<n { if c.isNull(i) { b.appendNull() } else { b.appendText(mapped[Int(codes[i])]) } }
        return b.finish()
    }

    /// `validity` with the rows whose value is NaN or ±∞ cleared: such a result is null (n/a).
    static func finite(_ a: [Double], _ validity: Bitmap?) -> Bitmap? {
        var bad: [Int] = []
        for i in a.indices where !a[i].isFinite { bad.append(i) }
        return Bitmap.clearing(bad, in: validity, count: a.count)
    }
}
