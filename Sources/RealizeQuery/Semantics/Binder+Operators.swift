import RealizeStore

extension Binder {
    mutating func bindBinary(_ symbol: String, _ l: Expr, _ r: Expr, _ range: SourceRange) throws(Diagnostic) -> BoundExpr {
        guard let op = BinaryOperator(symbol: symbol) else {
            throw error(.unknownOperator, "unknown operator `\(symbol)`", range)
        }
        var bl = try bind(l)
        var br = try bind(r)
        // A text literal compared with a date or period is read as one; a period literal against a date means its first day.
        if op.kind == .comparison {
            if case .literal(let v, _) = br, !v.isNull, bl.type != br.type, bl.type == .date || bl.type == .period {
                br = .literal(try coerceLiteral(v, to: bl.type, r.range), bl.type)
            }
            if case .literal(let v, _) = bl, !v.isNull, bl.type != br.type, br.type == .date || br.type == .period {
                bl = .literal(try coerceLiteral(v, to: br.type, l.range), br.type)
            }
        }
        // An untyped `null` takes the other operand's type.
        if op.kind == .comparison || op.kind == .arithmetic {
            if isNullLiteral(bl) { bl = .literal(.null, br.type) }
            if isNullLiteral(br) { br = .literal(.null, bl.type) }
        }
        if op == .add || op == .subtract, let calendar = try dateArithmetic(op, bl, br, l, r, range) { return calendar }
        let lt: DataType? = isNullLiteral(bl) ? nil : bl.type
        let rt: DataType? = isNullLiteral(br) ? nil : br.type
        let t: DataType
        switch op.resultType(lt, rt) {
        case .success(let type): t = type
        case .failure(let e):
            // `'a' + 'b'` joins text, like `||`.
            if op == .add, bl.type == .text, br.type == .text { return .concat(bl, br) }
            let at = e.argument.map { $0 == 0 ? l : r }
            var message = e.message
            if op.kind == .arithmetic, let at { message += ", but `\(describe(at))` is \(e.argument == 0 ? bl.type : br.type)" }
            throw error(e.id, message, at?.range ?? range, hint: e.hint)
        }
        switch op.kind {
        case .logical:
            return .logic(op, convert(bl, to: .bool), convert(br, to: .bool))
        case .concatenation:
            return .concat(convert(bl, to: .text), convert(br, to: .text))
        case .comparison:
            if bl.type != br.type {
                let u = try unify(bl.type, br.type, range)
                bl = convert(bl, to: u)
                br = convert(br, to: u)
            }
            return .compare(op, bl, br)
        case .arithmetic:
            let operandType = op.operandType(result: t)
            return .arithmetic(op, convert(bl, to: operandType), convert(br, to: operandType), t)
        }
    }

    func describe(_ e: Expr) -> String {
        switch e {
        case .column(let n, _): return n
        case .literal(let l, _):
            switch l {
            case .string(let s): return "'\(s)'"
            case .integer(let s), .number(let s), .date(let s), .period(let s): return s
            case .bool(let b): return b ? "true" : "false"
            case .null: return "null"
            case .parameter(let n): return "$" + n
            }
        case .call(let n, _, _, _): return n + "(…)"
        default: return "expression"
        }
    }
}

extension Binder {
    /// `+` and `-` on dates and periods, as the calendar functions they stand for: `date ± int` moves by days,
    /// `period ± int` by months, `date - date` gives days and `period - period` months (both as int).
    /// Returns nil when neither operand is a date or period.
    func dateArithmetic(
        _ op: BinaryOperator, _ bl: BoundExpr, _ br: BoundExpr, _ l: Expr, _ r: Expr, _ range: SourceRange
    ) throws(Diagnostic) -> BoundExpr? {
        let calendar: Set<DataType> = [.date, .period]
        let (a, b) = (bl.type, br.type)
        guard calendar.contains(a) || calendar.contains(b) else { return nil }
        func shift(_ x: BoundExpr, _ n: BoundExpr, negate: Bool) -> BoundExpr {
            let k = negate ? BoundExpr.negate(n, .int) : n
            return x.type == .date ? .call(.addDays, [x, k], .date) : .call(.addMonths, [x, k], .period)
        }
        switch (a, b) {
        case (.date, .int), (.period, .int): return shift(bl, br, negate: op == .subtract)
        case (.int, .date),
            (.int, .period) where op == .add:
            return shift(br, bl, negate: false)
        case (.date, .date) where op == .subtract: return .call(.daysBetween, [br, bl], .int)
        case (.period, .period) where op == .subtract: return .call(.monthsBetween, [br, bl], .int)
        default:
            let hint: String
            switch (a, b) {
            case (.date, .period), (.period, .date): hint = "convert one side: `period_of(date)`, or `start_of(period)`/`end_of(period)` for a date"
            case (.date, .date), (.period, .period): hint = "dates and periods can be subtracted, not added"
            default: hint = "add or subtract a whole number: `date + 30` (days), `period - 1` (months)"
            }
            throw error(.typeMismatch, "`\(op.symbol)` cannot combine \(a) and \(b)", range, hint: hint)
        }
    }
}
