import RealizeStore

extension Binder {
    mutating func bindBinary(_ op: String, _ l: Expr, _ r: Expr, _ range: SourceRange) throws(Diagnostic) -> BoundExpr {
        var bl = try bind(l), br = try bind(r)
        switch op {
        case "and", "or":
            try expectType(bl, .bool, l.range, "`\(op)` needs true/false values")
            try expectType(br, .bool, r.range, "`\(op)` needs true/false values")
            return .logic(op, convert(bl, to: .bool), convert(br, to: .bool))
        case "||":
            return .concat(convert(bl, to: .text), convert(br, to: .text))
        case "=", "!=", "<", "<=", ">", ">=":
            // A text literal compared with a date or period is read as one; a period literal against a date means its first day.
            if case .literal(let v, _) = br, !v.isNull, bl.type != br.type, bl.type == .date || bl.type == .period {
                let c = try coerceLiteral(v, to: bl.type, r.range); br = .literal(c, bl.type)
            }
            if case .literal(let v, _) = bl, !v.isNull, bl.type != br.type, br.type == .date || br.type == .period {
                let c = try coerceLiteral(v, to: br.type, l.range); bl = .literal(c, br.type)
            }
            if isNullLiteral(bl) { bl = .literal(.null, br.type) }
            if isNullLiteral(br) { br = .literal(.null, bl.type) }
            if bl.type != br.type {
                guard bl.type.isNumeric && br.type.isNumeric else {
                    throw error(
                        "type-mismatch", "cannot compare \(bl.type) with \(br.type)", range,
                        hint: bl.type == .text || br.type == .text ? "text literals are written in quotes: 'Active'" : nil)
                }
                let t = try unify(bl.type, br.type, range)
                bl = convert(bl, to: t); br = convert(br, to: t)
            }
            return .compare(op, bl, br)
        default:  // + - * / %
            if isNullLiteral(bl) { bl = .literal(.null, br.type) }
            if isNullLiteral(br) { br = .literal(.null, bl.type) }
            guard bl.type.isNumeric, br.type.isNumeric else {
                if op == "+" && bl.type == .text && br.type == .text { return .concat(bl, br) }
                let bad = bl.type.isNumeric ? (br, r) : (bl, l)
                throw error(
                    "type-mismatch", "`\(op)` needs numbers, but `\(describe(bad.1))` is \(bad.0.type)", bad.1.range,
                    hint: bad.0.type == .text ? "join text with `||`" : nil)
            }
            let t: DataType
            if op == "/" {
                t = .double
            } else if bl.type == .double || br.type == .double {
                t = .double
            } else if bl.type == .decimal || br.type == .decimal {
                t = .decimal
            } else {
                t = .int
            }
            let operandType = op == "/" ? .double : t
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
            }
        case .call(let n, _, _, _): return n + "(…)"
        default: return "expression"
        }
    }

    mutating func bindCall(_ name: String, _ args: [Expr], _ distinct: Bool, _ r: SourceRange) throws(Diagnostic) -> BoundExpr {
        if Functions.aggregates[name] != nil { return try bindAggregate(name, args, distinct, r) }
        if aggregates != nil, args.isEmpty, let m = settings.measures[name] { return try bindMeasure(m, r) }
        if Functions.windows[name] != nil { return try bindWindow(name, args, r) }
        var bs: [BoundExpr] = []
        for a in args { bs.append(try bind(a)) }
        func arity(_ n: ClosedRange<Int>) throws(Diagnostic) {
            guard n.contains(bs.count) else {
                throw error(
                    "wrong-arity",
                    "`\(name)` takes \(n.lowerBound == n.upperBound ? "\(n.lowerBound)" : "\(n.lowerBound) to \(n.upperBound)") argument\(n.upperBound == 1 ? "" : "s"), got \(bs.count)",
                    r)
            }
        }
        switch name {
        case "coalesce":
            try arity(1...32)
            var t: DataType? = nil
            for b in bs where !isNullLiteral(b) { t = try unify(t, b.type, r) }
            let tt = t ?? .int
            return .call(name, bs.map { convert($0, to: tt) }, tt)
        case "nullif":
            try arity(2...2)
            let t = try unify(bs[0].type, bs[1].type, r)
            return .call(name, bs.map { convert($0, to: t) }, t)
        case "abs":
            try arity(1...1)
            guard bs[0].type.isNumeric else { throw error("type-mismatch", "`abs` needs a number", r) }
            return .call(name, bs, bs[0].type)
        case "round":
            try arity(1...2)
            guard bs[0].type.isNumeric else { throw error("type-mismatch", "`round` needs a number", r) }
            if bs.count == 2 {
                guard case .literal(.int, _) = bs[1] else { throw error("expected-literal", "`round`'s digits must be a whole number literal", args[1].range) }
            }
            return .call(name, bs, bs[0].type == .int ? .int : bs[0].type)
        case "lower", "upper", "length":
            try arity(1...1)
            try expectType(bs[0], .text, args[0].range, "`\(name)` needs text")
            return .call(name, bs, name == "length" ? .int : .text)
        case "year", "quarter", "month", "fiscal_year", "fiscal_quarter":
            try arity(1...1)
            guard bs[0].type == .date || bs[0].type == .period else { throw error("type-mismatch", "`\(name)` needs a date or period", r) }
            return .datePart(name, bs[0])
        case "period":
            try arity(1...1)
            guard bs[0].type == .date || bs[0].type == .period else { throw error("type-mismatch", "`period` needs a date", r) }
            return .cast(bs[0], .period)
        default:
            let near = Suggest.nearest(name, in: Functions.allNames)
            throw error("unknown-function", "unknown function `\(name)`", r, hint: near.map { "did you mean `\($0)`?" })
        }
    }

    mutating func bindAggregate(_ name: String, _ args: [Expr], _ distinct: Bool, _ r: SourceRange) throws(Diagnostic) -> BoundExpr {
        guard aggregates != nil else {
            throw error(
                "aggregate-outside-agg", "aggregate `\(name)` can only be used in `agg` (or `by … agg`)", r,
                hint: "for example `by program agg total = \(name)(…)`")
        }
        // Arguments are bound against the input rows, not the groups.
        var inner = Binder(schema: schema, settings: settings)
        var arg: BoundExpr? = nil
        var parameter = 0.0
        var fn = name == "mean" ? "avg" : name
        if name == "count" && args.isEmpty {
            arg = nil
        } else {
            guard !args.isEmpty else { throw error("wrong-arity", "`\(name)` needs a column or expression", r) }
            arg = try inner.bind(args[0])
            if name == "percentile" {
                guard args.count == 2, case .literal(let lit, let lr) = args[1], let p = try inner.literalValue(lit, lr).doubleValue, p >= 0, p <= 1 else {
                    throw error("wrong-arity", "`percentile` takes a value and a fraction between 0 and 1, e.g. `percentile(actual_cost, 0.9)`", r)
                }
                parameter = p
            } else if args.count != 1 {
                throw error("wrong-arity", "`\(name)` takes one argument, got \(args.count)", r)
            }
        }
        if distinct {
            guard name == "count" else { throw error("unexpected-distinct", "`distinct` is only allowed in `count(distinct …)`", r) }
            fn = "count_distinct"
        }
        // true/false counts as 1/0, so `sum(score >= 9)` counts promoters and `avg(cpi < 1)` is a share.
        if let a = arg, a.type == .bool, ["sum", "avg"].contains(fn) { arg = .cast(a, .int) }
        if let a = arg, ["sum", "avg", "median", "percentile", "stddev"].contains(fn), !a.type.isNumeric {
            throw error("type-mismatch", "`\(name)` needs numbers, but its argument is \(a.type)", args[0].range)
        }
        let type = Functions.aggregateType(fn, arg?.type)
        let spec = AggregateSpec(function: fn, argument: arg, parameter: parameter, type: type)
        // The same aggregate written twice (`sum(ev) / sum(ac)` beside `ev = sum(ev)`) is computed once.
        let key = String(describing: spec)
        if let k = aggregates!.firstIndex(where: { String(describing: $0) == key }) { return .column(aggregateBase + k, type) }
        aggregates!.append(spec)
        return .column(aggregateBase + aggregates!.count - 1, type)
    }

    mutating func bindWindow(_ name: String, _ args: [Expr], _ r: SourceRange) throws(Diagnostic) -> BoundExpr {
        guard windowCalls != nil else {
            throw error(
                "window-outside-window", "`\(name)` is a window function: use it in a `window` stage", r,
                hint: "for example `window by project_id order period derive cum = \(name)(actual_cost)`")
        }
        var inner = Binder(schema: schema, settings: settings)
        var bs: [BoundExpr] = []
        var params: [Int] = []
        for (k, a) in args.enumerated() {
            if k == 0 { bs.append(try inner.bind(a)); continue }
            guard case .literal(.integer(let s), _) = a, let n = Int(s), n >= 1 else {
                throw error("expected-literal", "`\(name)`'s second argument must be a positive whole number", a.range)
            }
            params.append(n)
        }
        if name != "row_number" && bs.isEmpty { throw error("wrong-arity", "`\(name)` needs a column or expression", r) }
        if name == "rolling_mean" && params.isEmpty {
            throw error("wrong-arity", "`rolling_mean` takes a value and a window size, e.g. `rolling_mean(actual_cost, 3)`", r)
        }
        let argType = bs.first?.type ?? .int
        if ["running_sum", "delta", "pct_change", "rolling_mean"].contains(name), !argType.isNumeric {
            throw error("type-mismatch", "`\(name)` needs numbers, but its argument is \(argType)", args[0].range)
        }
        let t: DataType
        switch name {
        case "rank", "row_number": t = .int
        case "pct_change", "rolling_mean": t = .double
        default: t = argType
        }
        windowCalls!.append(WindowCall(name: name, args: bs, params: params, type: t))
        return .column(windowBase + windowCalls!.count - 1, t)
    }
}
