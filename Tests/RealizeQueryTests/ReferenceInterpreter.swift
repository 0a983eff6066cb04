import Synchronization
import RealizeStore

/// A deliberately naive, row-at-a-time interpreter for a subset of the pipeline language, used as an oracle
/// for the column-at-a-time engine. Rows are `[Value]` arrays; every rule is written out the slow, obvious way.
///
/// Covered: `where`, `select`, `derive`, `sort`, `take`, `by … agg` / `agg` (sum, count, min, max), `distinct`;
/// expressions: column references, int and decimal literals, `+ - *`, comparisons, `and`, `or`, `not`.
enum Ref {
    struct Field: Equatable {
        var name: String
        var type: DataType
    }

    struct Relation {
        var schema: [Field]
        var rows: [[Value]]
    }

    indirect enum Expr {
        case column(String)
        case literal(Value)
        case arithmetic(String, Expr, Expr)
        case compare(String, Expr, Expr)
        case logic(String, Expr, Expr)
        case not(Expr)
        /// Wrapped in redundant parentheses when rendered.
        case paren(Expr)
    }

    struct Aggregate {
        var name: String
        /// sum, count, min, max; `count` with a nil argument is `count()`.
        var function: String
        var argument: String?
    }

    struct SortKey {
        var column: String
        var descending: Bool
    }

    enum Stage {
        case filter(Expr)
        case select([(name: String?, expr: Expr)])
        case selectExcept([String])
        case derive([(name: String, expr: Expr)])
        case sort([SortKey])
        case take(Int)
        case aggregate(keys: [String], aggs: [Aggregate])
        case distinct
        /// `union r`: the rows so far, then the input table's, by column name (a missing column is null; int
        /// meets decimal as decimal).
        case unionInput
    }

    // MARK: Types

    static func type(_ e: Expr, _ schema: [Field]) -> DataType {
        switch e {
        case .column(let n): return schema.first { $0.name == n }!.type
        case .literal(let v): return v.type!
        case .arithmetic(_, let l, let r):
            return type(l, schema) == .decimal || type(r, schema) == .decimal ? .decimal : .int
        case .compare, .logic, .not: return .bool
        case .paren(let x): return type(x, schema)
        }
    }

    // MARK: Expressions, one row at a time

    static func eval(_ e: Expr, _ row: [Value], _ schema: [Field]) -> Value {
        switch e {
        case .column(let n): return row[schema.firstIndex { $0.name == n }!]
        case .literal(let v): return v
        case .paren(let x): return eval(x, row, schema)
        case .arithmetic(let op, let l, let r):
            let a = eval(l, row, schema), b = eval(r, row, schema)
            if a.isNull || b.isNull { return .null }
            if case .int(let x) = a, case .int(let y) = b {
                let (v, o): (Int64, Bool)
                switch op {
                case "+": (v, o) = x.addingReportingOverflow(y)
                case "-": (v, o) = x.subtractingReportingOverflow(y)
                default: (v, o) = x.multipliedReportingOverflow(by: y)
                }
                return o ? overflowed() : .int(v)
            }
            let x = decimal(a), y = decimal(b)
            if op == "*" {
                let (u, o) = x.units.multipliedReportingOverflow(by: y.units)
                if o { return overflowed() }
                let product = FixedDecimal(units: u, scale: x.scale + y.scale)
                // Products keep at most max(8, the inputs' scales) decimals, rounded half away from zero.
                let keep = max(8, x.scale, y.scale)
                return .decimal(product.scale > keep ? product.rescaled(to: keep)! : product)
            }
            let s = max(x.scale, y.scale)
            guard let xs = x.rescaled(to: s), let ys = y.rescaled(to: s) else { return overflowed() }
            let (u, o) = op == "+" ? xs.units.addingReportingOverflow(ys.units) : xs.units.subtractingReportingOverflow(ys.units)
            return o ? overflowed() : .decimal(FixedDecimal(units: u, scale: s))
        case .compare(let op, let l, let r):
            let a = eval(l, row, schema), b = eval(r, row, schema)
            guard let c = compare(a, b) else { return .null }
            switch op {
            case "=": return .bool(c == 0)
            case "!=": return .bool(c != 0)
            case "<": return .bool(c < 0)
            case "<=": return .bool(c <= 0)
            case ">": return .bool(c > 0)
            default: return .bool(c >= 0)
            }
        case .logic(let op, let l, let r):
            let a = truth(eval(l, row, schema)), b = truth(eval(r, row, schema))
            if op == "and" {
                if a == false || b == false { return .bool(false) }
                if a == nil || b == nil { return .null }
                return .bool(true)
            }
            if a == true || b == true { return .bool(true) }
            if a == nil || b == nil { return .null }
            return .bool(false)
        case .not(let x):
            guard let t = truth(eval(x, row, schema)) else { return .null }
            return .bool(!t)
        }
    }

    /// How many times an exact computation did not fit. The reference then gives null, where the engine reports
    /// a `numeric-overflow` error (or, computing products at 256 bits, may still fit): a differential check that
    /// sees the count move treats the case as inconclusive, and the overflow tests cover it instead.
    static let overflows = Atomic<Int>(0)

    static func overflowed() -> Value {
        overflows.add(1, ordering: .relaxed)
        return .null
    }

    static func truth(_ v: Value) -> Bool? { if case .bool(let b) = v { b } else { nil } }

    static func decimal(_ v: Value) -> FixedDecimal {
        switch v {
        case .int(let x): return FixedDecimal(units: Int128(x), scale: 0)
        case .decimal(let d): return d
        default: fatalError("not a number: \(v)")
        }
    }

    /// -1, 0, 1 for two non-null values of comparable types; nil if either is null (or a rescale overflows).
    static func compare(_ a: Value, _ b: Value) -> Int? {
        switch (a, b) {
        case (.null, _), (_, .null): return nil
        case (.text(let x), .text(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.bool(let x), .bool(let y)): return x == y ? 0 : (!x ? -1 : 1)
        case (.int(let x), .int(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        default:
            let x = decimal(a), y = decimal(b)
            let s = max(x.scale, y.scale)
            guard let xs = x.rescaled(to: s), let ys = y.rescaled(to: s) else { return nil }
            return xs.units < ys.units ? -1 : (xs.units == ys.units ? 0 : 1)
        }
    }

    // MARK: Stages

    static func run(_ stages: [Stage], on input: Relation) -> Relation {
        var r = input
        for s in stages { r = apply(s, r, input: input) }
        return r
    }

    static func apply(_ stage: Stage, _ r: Relation, input: Relation) -> Relation {
        switch stage {
        case .unionInput:
            var schema = r.schema
            for f in input.schema {
                if let i = schema.firstIndex(where: { $0.name == f.name }) {
                    if schema[i].type != f.type { schema[i].type = .decimal }
                } else {
                    schema.append(f)
                }
            }
            func row(_ values: [Value], _ from: [Field]) -> [Value] {
                schema.map { f in
                    guard let i = from.firstIndex(where: { $0.name == f.name }) else { return .null }
                    if f.type == .decimal, case .int(let x) = values[i] { return .decimal(FixedDecimal(units: Int128(x), scale: 0)) }
                    return values[i]
                }
            }
            return Relation(schema: schema, rows: r.rows.map { row($0, r.schema) } + input.rows.map { row($0, input.schema) })
        case .filter(let e):
            return Relation(schema: r.schema, rows: r.rows.filter { eval(e, $0, r.schema) == .bool(true) })
        case .select(let items):
            let schema = items.map { Field(name: $0.name ?? columnName($0.expr), type: type($0.expr, r.schema)) }
            return Relation(schema: schema, rows: r.rows.map { row in items.map { eval($0.expr, row, r.schema) } })
        case .selectExcept(let dropped):
            let keep = r.schema.indices.filter { !dropped.contains(r.schema[$0].name) }
            return Relation(schema: keep.map { r.schema[$0] }, rows: r.rows.map { row in keep.map { row[$0] } })
        case .derive(let items):
            var out = r
            for (name, e) in items {
                let t = type(e, out.schema)
                let values = out.rows.map { eval(e, $0, out.schema) }
                if let i = out.schema.firstIndex(where: { $0.name == name }) {
                    out.schema[i].type = t
                    for k in out.rows.indices { out.rows[k][i] = values[k] }
                } else {
                    out.schema.append(Field(name: name, type: t))
                    for k in out.rows.indices { out.rows[k].append(values[k]) }
                }
            }
            return out
        case .sort(let keys):
            let idx = keys.map { k in r.schema.firstIndex { $0.name == k.column }! }
            // Insertion sort: stable and obviously so. Nulls last in either direction.
            var rows: [[Value]] = []
            for row in r.rows {
                var at = rows.count
                while at > 0 && precedes(row, rows[at - 1], idx, keys) { at -= 1 }
                rows.insert(row, at: at)
            }
            return Relation(schema: r.schema, rows: rows)
        case .take(let n):
            return Relation(schema: r.schema, rows: Array(r.rows.prefix(n)))
        case .distinct:
            var rows: [[Value]] = []
            for row in r.rows where !rows.contains(where: { sameRow($0, row) }) { rows.append(row) }
            return Relation(schema: r.schema, rows: rows)
        case .aggregate(let keys, let aggs):
            let keyIdx = keys.map { k in r.schema.firstIndex { $0.name == k }! }
            // Groups in order of first appearance; nulls form a group of their own.
            var groups: [(key: [Value], rows: [[Value]])] = []
            for row in r.rows {
                let key = keyIdx.map { row[$0] }
                if let g = groups.firstIndex(where: { sameRow($0.key, key) }) { groups[g].rows.append(row) } else { groups.append((key, [row])) }
            }
            if keys.isEmpty && groups.isEmpty { groups.append(([], [])) }
            var schema = keyIdx.map { r.schema[$0] }
            for a in aggs {
                let argType = a.argument.map { n in r.schema.first { $0.name == n }!.type }
                schema.append(Field(name: a.name, type: a.function == "count" ? .int : argType!))
            }
            let rows = groups.map { g in g.key + aggs.map { aggregate($0, g.rows, r.schema) } }
            return Relation(schema: schema, rows: rows)
        }
    }

    static func columnName(_ e: Expr) -> String {
        if case .column(let n) = e { return n }
        fatalError("unnamed expression")
    }

    static func precedes(_ a: [Value], _ b: [Value], _ idx: [Int], _ keys: [SortKey]) -> Bool {
        for (i, k) in zip(idx, keys) {
            let x = a[i], y = b[i]
            if x.isNull || y.isNull {
                if x.isNull && y.isNull { continue }
                return y.isNull
            }
            let c = compare(x, y)!
            if c != 0 { return k.descending ? c > 0 : c < 0 }
        }
        return false
    }

    static func sameRow(_ a: [Value], _ b: [Value]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { x, y in x.isNull ? y.isNull : (!y.isNull && compare(x, y) == 0) }
    }

    static func aggregate(_ a: Aggregate, _ rows: [[Value]], _ schema: [Field]) -> Value {
        guard let arg = a.argument else { return .int(Int64(rows.count)) }
        let i = schema.firstIndex { $0.name == arg }!
        let values = rows.map { $0[i] }.filter { !$0.isNull }
        switch a.function {
        case "count": return .int(Int64(values.count))
        case "sum":
            guard let first = values.first else { return .null }
            if case .int = first {
                var s: Int64 = 0
                for case .int(let x) in values {
                    let (v, o) = s.addingReportingOverflow(x)
                    if o { return .null }
                    s = v
                }
                return .int(s)
            }
            let scale = decimal(first).scale
            var s: Int128 = 0
            for v in values {
                let (t, o) = s.addingReportingOverflow(decimal(v).rescaled(to: scale)!.units)
                if o { return .null }
                s = t
            }
            return .decimal(FixedDecimal(units: s, scale: scale))
        case "min": return values.min { compare($0, $1)! < 0 } ?? .null
        default: return values.max { compare($0, $1)! < 0 } ?? .null
        }
    }

    // MARK: Query text

    /// Binding strength, loosest first.
    static func precedence(_ e: Expr) -> Int {
        switch e {
        case .logic("or", _, _): return 1
        case .logic: return 2
        case .not: return 3
        case .compare: return 4
        case .arithmetic("*", _, _): return 6
        case .arithmetic: return 5
        case .column, .literal, .paren: return 9
        }
    }

    /// Renders `e` with the parentheses precedence needs (plus any `.paren` asked for).
    static func text(_ e: Expr) -> String {
        func child(_ c: Expr, _ parent: Int, right: Bool) -> String {
            let p = precedence(c)
            return p < parent || (right && p == parent) ? "(" + text(c) + ")" : text(c)
        }
        switch e {
        case .column(let n): return n
        case .literal(.text(let s)): return "'" + s + "'"
        case .literal(let v): return v.description
        case .paren(let x): return "(" + text(x) + ")"
        case .arithmetic(let op, let l, let r), .compare(let op, let l, let r), .logic(let op, let l, let r):
            let p = precedence(e)
            return child(l, p, right: false) + " " + op + " " + child(r, p, right: true)
        case .not(let x): return "not " + child(x, 4, right: false)
        }
    }

    static func text(_ stage: Stage) -> String {
        switch stage {
        case .filter(let e): return "where " + text(e)
        case .select(let items):
            return "select "
                + items.map { it in
                    guard let n = it.name else { return text(it.expr) }
                    if case .column = it.expr, n.hasPrefix("as_") { return text(it.expr) + " as " + n }
                    return n + " = " + text(it.expr)
                }.joined(separator: ", ")
        case .selectExcept(let names): return "select * except " + names.joined(separator: ", ")
        case .derive(let items): return "derive " + items.map { $0.name + " = " + text($0.expr) }.joined(separator: ", ")
        case .sort(let keys): return "sort " + keys.map { ($0.descending ? "-" : "") + $0.column }.joined(separator: ", ")
        case .take(let n): return "take \(n)"
        case .distinct: return "distinct"
        case .unionInput: return "union r"
        case .aggregate(let keys, let aggs):
            let a = aggs.map { "\($0.name) = \($0.function)(\($0.argument ?? ""))" }.joined(separator: ", ")
            return keys.isEmpty ? "agg " + a : "by " + keys.joined(separator: ", ") + " agg " + a
        }
    }
}
