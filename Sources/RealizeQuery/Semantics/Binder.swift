import RealizeStore

/// Resolves names and checks types of expressions against a schema.
struct Binder {
    let schema: Schema
    let settings: QuerySettings
    /// When set, aggregate calls are allowed: each is appended here and replaced by a reference
    /// to column `aggregateBase + k` of the post-aggregation schema.
    var aggregates: [AggregateSpec]? = nil
    var aggregateBase = 0
    /// In aggregate mode, bare columns may refer only to these (the grouping keys), by name → post index.
    var keyColumns: [String: (Int, DataType)] = [:]
    /// Window functions collected by a `window` stage.
    var windowCalls: [WindowCall]? = nil
    var windowBase = 0

    init(schema: Schema, settings: QuerySettings) {
        self.schema = schema
        self.settings = settings
    }

    func error(_ id: DiagnosticID, _ message: String, _ range: SourceRange, hint: String? = nil, notes: [String] = []) -> Diagnostic {
        Diagnostic(id: id, message: message, range: range, hint: hint, notes: notes)
    }

    func unknownColumn(_ name: String, _ range: SourceRange) -> Diagnostic {
        let names = schema.map(\.name)
        let near = Suggest.nearest(name, in: names)
        return error(
            .unknownColumn, "unknown column `\(name)`", range,
            hint: near.map { "did you mean `\($0)`?" },
            notes: ["columns in scope: " + names.joined(separator: ", ")])
    }

    mutating func bind(_ e: Expr) throws(Diagnostic) -> BoundExpr {
        switch e {
        case .column(let name, let r):
            if aggregates != nil {
                if let (i, t) = keyColumns[name] { return .column(i, t) }
                if !schema.contains(where: { $0.name == name }), let m = settings.measures[name.lowercased()] {
                    return try bindMeasure(m, r)
                }
                if schema.contains(where: { $0.name == name }) {
                    throw error(
                        .columnOutsideAggregate, "column `\(name)` must be inside an aggregate or listed in `by`", r,
                        hint: "for example `sum(\(name))`, or add it to the `by` columns")
                }
                throw unknownColumn(name, r)
            }
            guard let i = schema.firstIndex(where: { $0.name == name }) else {
                // `today` is a value unless a column has that name.
                if name.lowercased() == "today" { return .call(.today, [], .date) }
                throw unknownColumn(name, r)
            }
            return .column(i, schema[i].type)
        case .literal(let lit, let r):
            let v = try literalValue(lit, r)
            return .literal(v, v.type ?? .int)
        case .unary(let op, let x, let r):
            let b = try bind(x)
            if op == "not" {
                try expectType(b, .bool, x.range, "`not` needs a true/false value")
                return .not(b)
            }
            guard b.type.isNumeric else { throw error(.typeMismatch, "cannot negate a \(b.type) value", r) }
            return .negate(b, b.type)
        case .binary(let op, let l, let r, let range):
            return try bindBinary(op, l, r, range)
        case .property(let x, let p, let r):
            let b = try bind(x)
            guard b.type == .date || b.type == .period else {
                throw error(.typeMismatch, "`.\(p)` needs a date or period, but this is \(b.type)", r)
            }
            guard let part = DatePart(rawValue: p) else {
                let near = Suggest.nearest(p, in: DatePart.advertised.map(\.name))
                throw error(
                    .unknownProperty, "unknown property `.\(p)`", r,
                    hint: near.map { "did you mean `.\($0)`?" } ?? "dates and periods have .year, .quarter, .month, .fiscal_year and .fiscal_quarter")
            }
            return .datePart(part, b)
        case .call(let name, let args, let distinct, let r):
            return try bindCall(name, args, distinct, r)
        case .inList(let x, let items, let negated, _):
            let b = try bind(x)
            var values: [Value] = []
            for it in items {
                guard case .literal(let lit, let lr) = it else { throw error(.expectedLiteral, "`in (…)` takes literal values", it.range) }
                values.append(try coerceLiteral(try literalValue(lit, lr), to: b.type, lr))
            }
            return .inList(b, values, negated: negated)
        case .between(let x, let lo, let hi, let negated, let r):
            let b = Expr.binary(op: "and", .binary(op: ">=", x, lo, r), .binary(op: "<=", x, hi, r), r)
            let bound = try bind(b)
            return negated ? .not(bound) : bound
        case .isNull(let x, let negated, _):
            return .isNull(try bind(x), negated: negated)
        case .conditional(let branches, let otherwise, let r):
            var bs: [(BoundExpr, BoundExpr)] = []
            var type: DataType? = nil
            var values: [BoundExpr] = []
            for (c, v) in branches {
                let bc = try bind(c)
                try expectType(bc, .bool, c.range, "the condition must be true/false")
                let bv = try bind(v)
                bs.append((bc, bv))
                values.append(bv)
            }
            var other: BoundExpr? = nil
            if let o = otherwise { other = try bind(o); values.append(other!) }
            for v in values where !isNullLiteral(v) {
                type = try unify(type, v.type, r)
            }
            let t = type ?? .int
            bs = bs.map { ($0.0, convert($0.1, to: t)) }
            return .conditional(bs, other.map { convert($0, to: t) }, t)
        case .match(let op, let x, let p, let negated, let r):
            let bx = try bind(x), bp = try bind(p)
            guard bx.type == .text, bp.type == .text else {
                throw error(.typeMismatch, "`\(op)` matches text, but got \(bx.type) and \(bp.type)", r)
            }
            guard let m = MatchOperator(rawValue: op) else { throw error(.unknownOperator, "unknown operator `\(op)`", r) }
            return .match(m, bx, bp, negated: negated)
        case .timeFilter(let x, let window, let r):
            let b = try bind(x)
            guard b.type == .date || b.type == .period else {
                throw error(.typeMismatch, "a time filter needs a date or period column, but this is \(b.type)", x.range)
            }
            let (lo, hi) = try TimeWindows.range(window, settings: settings, range: r)
            if b.type == .period { return .inRange(b, lo: lo, hi: hi) }
            let loDay =
                lo == Int32.min
                ? Int32.min : CivilCalendar.days(year: CivilCalendar.yearMonth(period: lo).year, month: CivilCalendar.yearMonth(period: lo).month, day: 1)
            let (hy, hm) = CivilCalendar.yearMonth(period: hi)
            let hiDay = CivilCalendar.days(year: hy, month: hm, day: CivilCalendar.daysInMonth(year: hy, month: hm))
            return .inRange(b, lo: loDay, hi: hiDay)
        }
    }

    /// Expands a measure: parses its expression and binds it here, in aggregate mode.
    mutating func bindMeasure(_ m: Measure, _ r: SourceRange) throws(Diagnostic) -> BoundExpr {
        var parser = Parser(m.expression)
        guard let e = parser.parseExpressionOnly() else {
            throw error(.badMeasure, "measure `\(m.name)` has an invalid definition: \(m.expression)", r)
        }
        do throws(Diagnostic) {
            return try bind(e)
        } catch {
            // Errors inside the definition point at the measure's name in the query.
            throw self.error(error.id, "measure `\(m.name)` (\(m.formula)): \(error.message)", r, hint: error.hint, notes: error.notes)
        }
    }

    func isNullLiteral(_ b: BoundExpr) -> Bool { if case .literal(.null, _) = b { true } else { false } }

    func expectType(_ b: BoundExpr, _ t: DataType, _ r: SourceRange, _ what: String) throws(Diagnostic) {
        if b.type != t && !isNullLiteral(b) { throw error(.typeMismatch, "\(what), but this is \(b.type)", r) }
    }

    /// The common type of two types, for comparisons, `if` branches and coalesce.
    func unify(_ a: DataType?, _ b: DataType, _ r: SourceRange) throws(Diagnostic) -> DataType {
        guard let a else { return b }
        if a == b { return a }
        if a.isNumeric && b.isNumeric { return (a == .double || b == .double) ? .double : .decimal }
        throw error(.typeMismatch, "values of type \(a) and \(b) cannot be mixed", r)
    }

    /// Wraps `b` in a conversion to `t` when needed (numbers only; null literals retyped).
    func convert(_ b: BoundExpr, to t: DataType) -> BoundExpr {
        if b.type == t { return b }
        if case .literal(.null, _) = b { return .literal(.null, t) }
        return .cast(b, t)
    }

    func literalValue(_ lit: LiteralValue, _ r: SourceRange) throws(Diagnostic) -> Value {
        switch lit {
        case .integer(let s):
            if let v = Int64(s) { return .int(v) }
            if let d = FixedDecimal(parsing: Substring(s)) { return .decimal(d) }
            return .double(Double(s) ?? 0)
        case .number(let s):
            if !s.contains("e") && !s.contains("E"), let d = FixedDecimal(parsing: Substring(s)) { return .decimal(d) }
            guard let v = Double(s) else { throw error(.badNumber, "`\(s)` is not a number", r) }
            return .double(v)
        case .string(let s): return .text(s)
        case .date(let s):
            guard let d = CivilCalendar.parseDate(Array(s.utf8)) else {
                throw error(.badDate, "`\(s)` is not a valid date", r, hint: "dates are written YYYY-MM-DD")
            }
            return .date(d)
        case .period(let s):
            guard let p = CivilCalendar.parsePeriod(Array(s.utf8)) else {
                throw error(.badPeriod, "`\(s)` is not a valid period", r, hint: "periods are written YYYY-MM")
            }
            return .period(p)
        case .bool(let b): return .bool(b)
        case .null: return .null
        case .parameter(let name): return try settings.parameter(name, at: r)
        }
    }

    /// Converts a literal to the type it is compared with: text → date/period, numbers across numeric types.
    func coerceLiteral(_ v: Value, to t: DataType, _ r: SourceRange) throws(Diagnostic) -> Value {
        if v.isNull || v.type == t { return v }
        switch (v, t) {
        case (.text(let s), .period):
            if let p = CivilCalendar.parsePeriod(Array(s.utf8)) { return .period(p) }
        case (.text(let s), .date):
            if let d = CivilCalendar.parseDate(Array(s.utf8)) { return .date(d) }
        case (.period(let p), .date):
            let (y, m) = CivilCalendar.yearMonth(period: p)
            return .date(CivilCalendar.days(year: y, month: m, day: 1))
        case (.int(let i), .decimal): return .decimal(FixedDecimal(units: Int128(i), scale: 0))
        case (_, .double) where v.doubleValue != nil: return .double(v.doubleValue!)
        case (.int, .int), (.decimal, .decimal): return v
        case (.decimal, .int), (.double, .int), (.double, .decimal): return v
        default: break
        }
        throw error(.typeMismatch, "cannot compare \(t) with \(v.type!) `\(v)`", r)
    }
}
