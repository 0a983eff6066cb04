import RealizeStore

/// Evaluates checked expressions over a table, a whole column at a time.
struct Evaluator {
    let table: Table
    let settings: QuerySettings
    /// Where casts count the values they could not convert (nil: nobody is listening).
    var warnings: WarningLog? = nil
    var n: Int { table.rowCount }

    /// The column of values of `e`, one per row.
    ///
    /// - Throws: ``NumericOverflow`` when an exact computation does not fit its type.
    func eval(_ e: BoundExpr) throws(NumericOverflow) -> Column {
        switch e {
        case .column(let i, _): return table.columns[i]
        case .literal(let v, let t): return constant(v, t)
        case .negate(let x, _):
            let c = try eval(x)
            switch NumericVector(c) {
            case .int(let a):
                if a.contains(.min) { throw NumericOverflow("`-` on ints") }
                return Column(name: "", storage: .int(a.map { -$0 }), validity: c.validity)
            case .decimal(let a, let s):
                if a.contains(.min) { throw NumericOverflow("`-` on decimals") }
                return Column(name: "", storage: .decimal(a.map { -$0 }, scale: s), validity: c.validity)
            case .double(let a): return Column(name: "", storage: .double(a.map { -$0 }), validity: c.validity)
            }
        case .not(let x):
            let c = try eval(x)
            guard case .bool(let a) = c.storage else { return c }
            return Column(name: "", storage: .bool(a.map { !$0 }), validity: c.validity)
        case .arithmetic(let op, let l, let r, let t): return try op.arithmetic(eval(l), eval(r), type: t, rows: n)
        case .concat(let l, let r):
            let a = try eval(l), b = try eval(r)
            var bld = ColumnBuilder(name: "", type: .text, capacity: n)
            for i in 0..<n {
                if a.isNull(i) || b.isNull(i) { bld.appendNull() } else { bld.appendText(a.value(at: i).description + b.value(at: i).description) }
            }
            return bld.finish()
        case .compare(let op, let l, let r): return try compare(op, l, r)
        case .logic(let op, let l, let r): return op.logic(try eval(l), try eval(r), rows: n)
        case .datePart(let p, let x): return p.evaluate(try eval(x), rows: n, fiscalStart: settings.fiscalYearStart)
        case .call(let function, let args, let t): return try function.evaluate(args, type: t, in: self)
        case .inList(let x, let values, let negated): return inList(try eval(x), values, negated)
        case .isNull(let x, let negated):
            let c = try eval(x)
            var out = [Bool](repeating: negated, count: n)
            if let v = c.validity { for i in 0..<n where !v[i] { out[i] = !negated } }
            return Column(name: "", storage: .bool(out))
        case .conditional(let branches, let otherwise, let t): return try conditional(branches, otherwise, t)
        case .match(let op, let x, let p, let negated): return try match(op, eval(x), p, negated)
        case .inRange(let x, let lo, let hi):
            let c = try eval(x)
            var out = [Bool](repeating: false, count: n)
            switch c.storage {
            case .date(let a), .period(let a): for i in 0..<n { out[i] = a[i] >= lo && a[i] <= hi }
            default: break
            }
            return Column(name: "", storage: .bool(out), validity: c.validity)
        case .cast(let x, let t): return try cast(eval(x), to: t)
        }
    }

    /// Comparison of two operands of one type (numbers already unified by the checker).
    func compare(_ op: BinaryOperator, _ l: BoundExpr, _ r: BoundExpr) throws(NumericOverflow) -> Column {
        let a = try eval(l)
        // Text against a literal: decide once per dictionary entry, then map the codes.
        if case .literal(.text(let s), _) = r, let c = op.compare(text: a, with: s, rows: n) { return c }
        // A number, date or period against a literal: one value, not a column of copies.
        if case .literal(let v, _) = r, a.count == n, let c = op.compare(a, scalar: v) { return c }
        return op.compare(a, try eval(r), rows: n)
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

    func cast(_ c: Column, to t: DataType) throws(NumericOverflow) -> Column {
        if c.type == t { return c }
        switch t {
        case .int:
            if case .bool(let a) = c.storage { return Column(name: "", storage: .int(a.map { $0 ? 1 : 0 }), validity: c.validity) }
        case .double: return Column(name: "", storage: .double(NumericVector(c).doubles), validity: c.validity)
        case .decimal:
            let nv = NumericVector(c)
            if case .double(let a) = nv { return decimal(fromDoubles: a, validity: c.validity) }
            // Ints are whole units at scale 0, as they are (no 128-bit copy narrowed back).
            if case .int(let a) = nv { return Column(name: "", storage: .decimal(DecimalUnits(narrow: a), scale: 0), validity: c.validity) }
            return Column(name: "", storage: .decimal(try nv.units(at: nv.scale), scale: nv.scale), validity: c.validity)
        case .period:
            if case .date(let a) = c.storage {
                return Column(name: "", storage: .period(a.map(CivilCalendar.period(ofDay:))), validity: c.validity)
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

    /// `if`/`case`: each row takes its branch's value. Decimal branches at different scales give a column at
    /// the widest scale that fits every chosen value (see ``ColumnBuilder``).
    func conditional(_ branches: [(BoundExpr, BoundExpr)], _ otherwise: BoundExpr?, _ t: DataType) throws(NumericOverflow) -> Column {
        let undecided = Int32(branches.count)  // the else branch
        var chosen = [Int32](repeating: undecided, count: n)  // branch index per row
        for (k, (c, _)) in branches.enumerated() {
            let cc = try eval(c)
            guard case .bool(let a) = cc.storage, a.count == n else { continue }
            let branch = Int32(k)
            let words = cc.validity?.words
            chosen.withUnsafeMutableBufferPointer { out in
                a.withUnsafeBufferPointer { x in
                    if let words {
                        for i in 0..<n where out[i] == undecided && x[i] && words[i >> 6] & (1 << UInt64(i & 63)) != 0 { out[i] = branch }
                    } else {
                        for i in 0..<n where out[i] == undecided && x[i] { out[i] = branch }
                    }
                }
            }
        }
        var values: [Column] = []
        for (_, v) in branches { values.append(try eval(v)) }
        values.append(try otherwise.map { e throws(NumericOverflow) in try eval(e) } ?? constant(.null, t))
        if let c = ChosenValues.gather(values, chosen: chosen, type: t) { return c }
        var b = ColumnBuilder(name: "", type: t, capacity: n)
        for i in 0..<n { b.append(values[Int(chosen[i])].value(at: i)) }
        return b.finish()
    }

    /// Doubles as exact decimals at the fewest places (≤ 18) that hold each one's shortest text; NaN and ±∞
    /// give null.
    func decimal(fromDoubles a: [Double], validity: Bitmap?) -> Column {
        var b = ColumnBuilder(name: "", type: .decimal, capacity: a.count)
        for (i, x) in a.enumerated() {
            if validity.map({ !$0[i] }) ?? false || !x.isFinite {
                b.appendNull()
            } else if let d = FixedDecimal(parsing: Substring(Value.formatDouble(x))) {
                b.append(.decimal(d))
            } else {
                b.appendNull()
            }
        }
        return b.finish()
    }
}
