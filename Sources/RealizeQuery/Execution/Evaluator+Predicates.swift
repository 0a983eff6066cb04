import RealizeStore

extension Evaluator {
    func inList(_ c: Column, _ values: [Value], _ negated: Bool) -> Column {
        var out = [Bool](repeating: negated, count: n)
        if case .text(let codes, let dict) = c.storage {
            let wanted = Set(values.compactMap { if case .text(let s) = $0 { s } else { nil } })
            let hit = dict.map { wanted.contains($0) }
            for i in 0..<n where !hit.isEmpty && hit[Int(codes[i])] { out[i] = !negated }
        } else if c.type == .int || c.type == .decimal {
            // Exact: a decimal equals its value at any scale (1.50 = 1.5), never through a double.
            let wanted = Set(values.compactMap(Self.exactNumber))
            switch c.storage {
            case .int(let a): for i in 0..<n where wanted.contains(FixedDecimal(units: Int128(a[i]), scale: 0)) { out[i] = !negated }
            case .decimal(let a, let s): for i in 0..<n where wanted.contains(FixedDecimal(units: a[i], scale: s)) { out[i] = !negated }
            default: break
            }
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
    func match(_ op: MatchOperator, _ c: Column, _ p: BoundExpr, _ negated: Bool) throws(NumericOverflow) -> Column {
        guard case .text(let codes, let dict) = c.storage else { return c }
        let pc = try eval(p)
        var out = [Bool](repeating: false, count: n)
        if case .literal(.text(let pat), _) = p {
            let hit = dict.map { op.test($0, pat) != negated }
            for i in 0..<n where !hit.isEmpty { out[i] = hit[Int(codes[i])] }
            return Column(name: "", storage: .bool(out), validity: c.validity)
        }
        for i in 0..<n where !c.isNull(i) && !pc.isNull(i) {
            out[i] = op.test(c.value(at: i).description, pc.value(at: i).description) != negated
        }
        return Column(name: "", storage: .bool(out), validity: Bitmap.and(c.validity, pc.validity))
    }

    /// A literal number as an exact decimal (a double through its shortest text), or nil.
    static func exactNumber(_ v: Value) -> FixedDecimal? {
        switch v {
        case .int(let x): FixedDecimal(units: Int128(x), scale: 0)
        case .decimal(let d): d
        case .double(let x): x.isFinite ? FixedDecimal(parsing: Substring(Value.formatDouble(x))) : nil
        default: nil
        }
    }
}
