import RealizeStore

/// Evaluates checked expressions over a table, a whole column at a time.
struct Evaluator {
    let table: Table
    let settings: QuerySettings
    /// Where casts count the values they could not convert (nil: nobody is listening).
    var warnings: WarningLog? = nil
    var n: Int { table.rowCount }

    func eval(_ e: BoundExpr) -> Column {
        switch e {
        case .column(let i, _): return table.columns[i]
        case .literal(let v, let t): return constant(v, t)
        case .negate(let x, _):
            let c = eval(x)
            switch NumericVector(c) {
            case .int(let a): return Column(name: "", storage: .int(a.map { $0 == .min ? 0 : -$0 }), validity: c.validity)
            case .decimal(let a, let s): return Column(name: "", storage: .decimal(a.map { $0 == .min ? 0 : -$0 }, scale: s), validity: c.validity)
            case .double(let a): return Column(name: "", storage: .double(a.map { -$0 }), validity: c.validity)
            }
        case .not(let x):
            let c = eval(x)
            guard case .bool(let a) = c.storage else { return c }
            return Column(name: "", storage: .bool(a.map { !$0 }), validity: c.validity)
        case .arithmetic(let op, let l, let r, let t): return op.arithmetic(eval(l), eval(r), type: t, rows: n)
        case .concat(let l, let r):
            let a = eval(l), b = eval(r)
            var bld = ColumnBuilder(name: "", type: .text, capacity: n)
            for i in 0..<n {
                if a.isNull(i) || b.isNull(i) { bld.appendNull() } else { bld.appendText(a.value(at: i).description + b.value(at: i).description) }
            }
            return bld.finish()
        case .compare(let op, let l, let r): return compare(op, l, r)
        case .logic(let op, let l, let r): return op.logic(eval(l), eval(r), rows: n)
        case .datePart(let p, let x): return p.evaluate(eval(x), rows: n, fiscalStart: settings.fiscalYearStart)
        case .call(let function, let args, let t): return function.evaluate(args, type: t, in: self)
        case .inList(let x, let values, let negated): return inList(eval(x), values, negated)
        case .isNull(let x, let negated):
            let c = eval(x)
            var out = [Bool](repeating: negated, count: n)
            if let v = c.validity { for i in 0..<n where !v[i] { out[i] = !negated } }
            return Column(name: "", storage: .bool(out))
        case .conditional(let branches, let otherwise, let t): return conditional(branches, otherwise, t)
        case .match(let op, let x, let p, let negated): return match(op, eval(x), p, negated)
        case .inRange(let x, let lo, let hi):
            let c = eval(x)
            var out = [Bool](repeating: false, count: n)
            switch c.storage {
            case .date(let a), .period(let a): for i in 0..<n { out[i] = a[i] >= lo && a[i] <= hi }
            default: break
            }
            return Column(name: "", storage: .bool(out), validity: c.validity)
        case .cast(let x, let t): return cast(eval(x), to: t)
        }
    }

    /// Comparison of two operands of one type (numbers already unified by the checker).
    func compare(_ op: BinaryOperator, _ l: BoundExpr, _ r: BoundExpr) -> Column {
        let a = eval(l)
        // Text against a literal: decide once per dictionary entry, then map the codes.
        if case .literal(.text(let s), _) = r, let c = op.compare(text: a, with: s, rows: n) { return c }
        return op.compare(a, eval(r), rows: n)
    }

    /// A column of `n` copies of `v`.
    func constant(_ v: Value, _ t: DataType) -> Column {
        let validity: Bitmap? = v.isNull ? Bitmap(count: n, value: false) : nil
        switch (v, t) {
        case (.int(let x), _): return Column(name: "", storage: .int(Array(repeating: x, count: n)))
        case (.double(let x), _): return Column(name: "", storage: .double(Array(repeating: x, count: n)))
        case (.decimal(let d), _): return Column(name: "", storage: .decimal(Array(repeating: d.units, count: n), scale: d.scale))
        case (.text(let s), _): return Column(name: "", storage: .text(codes: Array(repeating: 0, count: n), dictionary: [s]))
        case (.date(let d), _): return Column(name: "", storage: .date(Array(repeating: d, count: n)))
        case (.period(let p), _): return Column(name: "", storage: .period(Array(repeating: p, count: n)))
        case (.bool(let b), _): return Column(name: "", storage: .bool(Array(repeating: b, count: n)))
        case (.null, .int): return Column(name: "", storage: .int(Array(repeating: 0, count: n)), validity: validity)
        case (.null, .double): return Column(name: "", storage: .double(Array(repeating: 0, count: n)), validity: validity)
        case (.null, .decimal): return Column(name: "", storage: .decimal(Array(repeating: 0, count: n), scale: 0), validity: validity)
        case (.null, .text): return Column(name: "", storage: .text(codes: Array(repeating: 0, count: n), dictionary: []), validity: validity)
        case (.null, .date): return Column(name: "", storage: .date(Array(repeating: 0, count: n)), validity: validity)
        case (.null, .period): return Column(name: "", storage: .period(Array(repeating: 0, count: n)), validity: validity)
        case (.null, .bool): return Column(name: "", storage: .bool(Array(repeating: false, count: n)), validity: validity)
        }
    }

    func cast(_ c: Column, to t: DataType) -> Column {
        if c.type == t { return c }
        switch t {
        case .int:
            if case .bool(let a) = c.storage { return Column(name: "", storage: .int(a.map { $0 ? 1 : 0 }), validity: c.validity) }
        case .double: return Column(name: "", storage: .double(NumericVector(c).doubles), validity: c.validity)
        case .decimal:
            let nv = NumericVector(c)
            let (u, bad) = nv.units(at: nv.scale)
            return Column(name: "", storage: .decimal(u, scale: nv.scale), validity: Bitmap.clearing(bad, in: c.validity, count: n))
        case .period:
            if case .date(let a) = c.storage {
                return Column(
                    name: "",
                    storage: .period(
                        a.map { d in
                            let (y, m, _) = CivilCalendar.civil(days: d); return CivilCalendar.period(year: y, month: m)
                        }), validity: c.validity)
            }
        case .text:
            var b = ColumnBuilder(name: "", type: .text, capacity: n)
            for i in 0..<n { let v = c.value(at: i); if v.isNull { b.appendNull() } else { b.appendText(v.description) } }
            return b.finish()
        default: break
        }
        var b = ColumnBuilder(name: "", type: t, capacity: n)
        for i in 0..<n { b.append(c.value(at: i)) }
        return b.finish()
    }

    func conditional(_ branches: [(BoundExpr, BoundExpr)], _ otherwise: BoundExpr?, _ t: DataType) -> Column {
        var chosen = [Int](repeating: branches.count, count: n)  // branch index per row; count = else
        var decided = [Bool](repeating: false, count: n)
        for (k, (c, _)) in branches.enumerated() {
            let cc = eval(c)
            guard case .bool(let a) = cc.storage else { continue }
            for i in 0..<n where !decided[i] && !cc.isNull(i) && a[i] { chosen[i] = k; decided[i] = true }
        }
        let values = branches.map { eval($0.1) } + [otherwise.map { eval($0) } ?? constant(.null, t)]
        var b = ColumnBuilder(name: "", type: t, capacity: n)
        for i in 0..<n { b.append(values[chosen[i]].value(at: i)) }
        return b.finish()
    }
}
