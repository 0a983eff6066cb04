import Foundation
import RealizeStore

/// Function calls: the name is resolved in ``FunctionCatalog`` once, the entry's type rule checks the
/// arguments, and the bound expression carries the entry.
extension Binder {
    mutating func bindCall(_ name: String, _ args: [Expr], _ distinct: Bool, _ r: SourceRange) throws(Diagnostic) -> BoundExpr {
        let resolved = FunctionCatalog.resolve(name)
        if case .aggregate(let a) = resolved { return try bindAggregate(a, name, args, distinct, r) }
        if aggregates != nil, args.isEmpty, let m = settings.measures[name] { return try bindMeasure(m, r) }
        switch resolved {
        case .window(let w): return try bindWindow(w, args, r)
        case .scalar(let f): return try bindScalar(f, args, r)
        case .aggregate, nil:
            let near = Suggest.nearest(name, in: FunctionCatalog.allNames)
            throw error(.unknownFunction, "unknown function `\(name)`", r, hint: near.map { "did you mean `\($0)`?" })
        }
    }

    /// The diagnostic for a type rule's failure, at the argument it blames or else at the call.
    func diagnostic(_ e: TypeRuleError, _ args: [Expr], _ r: SourceRange) -> Diagnostic {
        let range = e.argument.flatMap { $0 < args.count ? args[$0].range : nil } ?? r
        return error(e.id, e.message, range, hint: e.hint)
    }

    mutating func bindScalar(_ f: ScalarFunction, _ args: [Expr], _ r: SourceRange) throws(Diagnostic) -> BoundExpr {
        var bs: [BoundExpr] = []
        for (k, a) in args.enumerated() {
            // A cast's last argument may be the word `strict` (fail at the first value that does not convert).
            if f.isCast, k > 0, k == args.count - 1, case .column(let word, _) = a, word.lowercased() == "strict",
                !schema.contains(where: { $0.name == word })
            {
                bs.append(.literal(.text("strict"), .text))
                continue
            }
            bs.append(try bind(a))
        }
        try checkLiteralArguments(f, bs, args)
        let t: DataType
        switch f.resultType(bs.map { isNullLiteral($0) ? nil : $0.type }) {
        case .success(let type): t = type
        case .failure(let e): throw diagnostic(e, args, r)
        }
        if let k = f.literalArgument, k < bs.count {
            guard case .literal(.int, _) = bs[k] else {
                throw error(.expectedLiteral, "`\(f.name)`'s digits must be a whole number literal", args[k].range)
            }
        }
        return .call(f, f.convertsArguments ? bs.map { convert($0, to: t) } : bs, t)
    }

    mutating func bindAggregate(
        _ function: AggregateFunction, _ name: String, _ args: [Expr], _ distinct: Bool, _ r: SourceRange
    ) throws(Diagnostic) -> BoundExpr {
        guard aggregates != nil || windowCalls != nil else {
            throw error(
                .aggregateOutsideAgg, "aggregate `\(name)` can only be used in `agg` (or `by … agg`), or over a `window`'s partition", r,
                hint: "for example `by program agg total = \(name)(…)`, or `window by program derive share = x / \(name)(x)`")
        }
        // Arguments are bound against the input rows, not the groups.
        var inner = Binder(schema: schema, settings: settings)
        var arg: BoundExpr? = nil
        var parameter = 0.0
        var fn = function
        if !(function == .count && args.isEmpty) {
            guard !args.isEmpty else { throw error(.wrongArity, "`\(name)` needs a column or expression", r) }
            arg = try inner.bind(args[0])
            if function == .percentile {
                guard args.count == 2, case .literal(let lit, let lr) = args[1], let p = try inner.literalValue(lit, lr).doubleValue, p >= 0, p <= 1
                else {
                    throw error(.wrongArity, "`percentile` takes a value and a fraction between 0 and 1, e.g. `percentile(actual_cost, 0.9)`", r)
                }
                parameter = p
            } else if args.count != 1 {
                throw error(.wrongArity, "`\(name)` takes one argument, got \(args.count)", r)
            }
        }
        if distinct {
            guard function == .count else { throw error(.unexpectedDistinct, "`distinct` is only allowed in `count(distinct …)`", r) }
            fn = .countDistinct
        }
        if let a = arg, a.type == .bool, fn.countsBooleans { arg = .cast(a, .int) }
        let type: DataType
        switch fn.resultType(arg?.type, calledAs: name) {
        case .success(let t): type = t
        case .failure(let e): throw diagnostic(e, args, r)
        }
        let spec = AggregateSpec(function: fn, argument: arg, parameter: parameter, type: type)
        if aggregates == nil {
            // In a `window` stage: the aggregate over the row's whole partition, on every row of it.
            windowCalls!.append(WindowCall(function: nil, aggregate: spec, args: [], params: [], type: type))
            return .column(windowBase + windowCalls!.count - 1, type)
        }
        // The same aggregate written twice (`sum(ev) / sum(ac)` beside `ev = sum(ev)`) is computed once.
        if let k = aggregates!.firstIndex(where: { $0.isSame(as: spec) }) { return .column(aggregateBase + k, type) }
        aggregates!.append(spec)
        return .column(aggregateBase + aggregates!.count - 1, type)
    }

    mutating func bindWindow(_ function: WindowFunction, _ args: [Expr], _ r: SourceRange) throws(Diagnostic) -> BoundExpr {
        let name = function.name
        guard windowCalls != nil else {
            throw error(
                .windowOutsideWindow, "`\(name)` is a window function: use it in a `window` stage", r,
                hint: "for example `window by project_id order period derive cum = \(name)(actual_cost)`")
        }
        var inner = Binder(schema: schema, settings: settings)
        var bs: [BoundExpr] = []
        var params: [Int] = []
        for (k, a) in args.enumerated() {
            if k == 0 {
                bs.append(try inner.bind(a))
                continue
            }
            guard case .literal(.integer(let s), _) = a, let n = Int(s), n >= 1 else {
                throw error(.expectedLiteral, "`\(name)`'s second argument must be a positive whole number", a.range)
            }
            params.append(n)
        }
        let t: DataType
        switch function.resultType(bs.first?.type, parameters: params.count) {
        case .success(let type): t = type
        case .failure(let e): throw diagnostic(e, args, r)
        }
        windowCalls!.append(WindowCall(function: function, aggregate: nil, args: bs, params: params, type: t))
        return .column(windowBase + windowCalls!.count - 1, t)
    }
}

extension Binder {
    /// Units, formats and patterns must be literals, checked now rather than per row: `date_trunc`'s unit,
    /// `matches`' regular expression, `to_date`'s format, `to_decimal`'s scale.
    func checkLiteralArguments(_ f: ScalarFunction, _ bs: [BoundExpr], _ args: [Expr]) throws(Diagnostic) {
        for k in f.literalTextArguments where k < bs.count {
            guard case .literal(let v, _) = bs[k], case .text(let text) = v else {
                throw error(.expectedLiteral, "`\(f.name)` needs its \(k == 0 ? "first" : "second") argument written in quotes", args[k].range)
            }
            switch f {
            case .dateTrunc where !["month", "quarter", "year"].contains(text.lowercased()):
                let near = Suggest.nearest(text.lowercased(), in: ["month", "quarter", "year"])
                throw error(
                    .unknownUnit, "unknown unit '\(text)' for `date_trunc`", args[k].range,
                    hint: near.map { "did you mean '\($0)'?" } ?? "month, quarter or year")
            case .matches:
                do {
                    _ = try NSRegularExpression(pattern: text)
                } catch {
                    throw self.error(
                        .invalidPattern, "'\(text)' is not a valid regular expression", args[k].range,
                        hint: "see ICU regular expressions; escape special characters with \\\\")
                }
            default: break
            }
        }
        if f == .toDecimal, bs.count > 1, !(bs.count == 2 && isStrictFlag(bs[1])) {
            guard case .literal(.int(let s), _) = bs[1], (0...18).contains(s) else {
                throw error(.expectedLiteral, "`to_decimal`'s scale must be a whole number from 0 to 18", args[1].range)
            }
        }
        if f.isCast, bs.count > 1, let last = bs.last, case .literal(.text(let w), _) = last, w != "strict", f == .toInt || f == .toDouble {
            throw error(.expectedLiteral, "`\(f.name)` takes only `strict` after the value, not '\(w)'", args[args.count - 1].range)
        }
    }

    func isStrictFlag(_ e: BoundExpr) -> Bool {
        if case .literal(.text(let w), _) = e { return w == "strict" }
        return false
    }
}
