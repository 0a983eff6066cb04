import RealizeStore

// Adapted from Tests/RealizeQueryTests/PipelinePropertyTests.swift (`StageGenerator`, `canonical`), with the
// seeded generator replaced by ``ByteChooser``: the same grammar of pipelines that always check, chosen by
// the fuzzer's bytes instead of a seed. Keep the two in step when the reference interpreter grows.

/// Random stages that always check: it tracks the columns and their types as the pipeline goes.
struct StageGenerator {
    var rng: ByteChooser
    var schema: [Ref.Field]
    var counter = 0

    mutating func fresh() -> String { counter += 1; return "c\(counter)" }
    func columns(_ types: Set<DataType>) -> [String] { schema.filter { types.contains($0.type) }.map(\.name) }

    mutating func numeric(_ depth: Int) -> Ref.Expr {
        let cols = columns([.int, .decimal])
        if depth <= 0 || rng.chance(0.35) {
            if !cols.isEmpty && rng.chance(0.7) { return .column(rng.pick(cols)) }
            if rng.chance(0.5) { return .literal(.int(Int64(rng.int(0...9)))) }
            return .literal(.decimal(FixedDecimal(units: Int128(rng.int(0...999)), scale: rng.int(1...2))))
        }
        let e = Ref.Expr.arithmetic(rng.pick(["+", "-", "*"]), numeric(depth - 1), numeric(depth - 1))
        return rng.chance(0.15) ? .paren(e) : e
    }

    mutating func boolean(_ depth: Int) -> Ref.Expr {
        let texts = columns([.text]), bools = columns([.bool])
        let r = rng.int(0...9)
        if depth > 0 && r < 3 {
            let e = Ref.Expr.logic(rng.pick(["and", "or"]), boolean(depth - 1), boolean(depth - 1))
            return rng.chance(0.15) ? .paren(e) : e
        }
        if depth > 0 && r == 3 { return .not(boolean(depth - 1)) }
        if !bools.isEmpty && r == 4 { return .column(rng.pick(bools)) }
        let op = rng.pick(["=", "!=", "<", "<=", ">", ">="])
        if !texts.isEmpty && r >= 8 {
            let c = Ref.Expr.column(rng.pick(texts)), lit = Ref.Expr.literal(.text(rng.pick(["a", "b", "c", "d"])))
            return rng.chance(0.7) ? .compare(op, c, lit) : .compare(op, lit, c)
        }
        return .compare(op, numeric(1), numeric(1))
    }

    mutating func stage(after previous: Ref.Stage?) -> Ref.Stage {
        var afterSort = false
        if case .sort = previous { afterSort = true }
        while true {
            switch rng.int(0...8) {
            case 0, 1:
                return .filter(boolean(2))
            case 2:
                var items: [(name: String?, expr: Ref.Expr)] = []
                for f in schema.shuffled(using: &rng) where rng.chance(0.6) {
                    items.append((rng.chance(0.2) ? (rng.chance(0.5) ? "as_" + fresh() : fresh()) : nil, .column(f.name)))
                }
                if items.isEmpty || rng.chance(0.3) {
                    items.append((fresh(), rng.chance(0.7) ? numeric(2) : boolean(1)))
                }
                schema = items.map { Ref.Field(name: $0.name ?? Ref.columnName($0.expr), type: Ref.type($0.expr, schema)) }
                return .select(items)
            case 3:
                guard schema.count > 1 else { continue }
                let dropped = Array(schema.map(\.name).shuffled(using: &rng).prefix(rng.int(1...(schema.count - 1))))
                schema.removeAll { dropped.contains($0.name) }
                return .selectExcept(dropped)
            case 4:
                var items: [(name: String, expr: Ref.Expr)] = []
                for _ in 0..<rng.int(1...2) {
                    let e = rng.chance(0.75) ? numeric(2) : boolean(1)
                    let name = rng.chance(0.25) ? rng.pick(schema.map(\.name)) : fresh()
                    let t = Ref.type(e, schema)
                    if let i = schema.firstIndex(where: { $0.name == name }) { schema[i].type = t } else { schema.append(.init(name: name, type: t)) }
                    items.append((name, e))
                }
                return .derive(items)
            case 5:
                guard !afterSort else { continue }
                let candidates = schema.map(\.name).shuffled(using: &rng)
                let keys = Array(candidates.prefix(rng.int(0...min(2, candidates.count))))
                var aggs: [Ref.Aggregate] = []
                for _ in 0..<rng.int(1...3) {
                    let numeric = columns([.int, .decimal]), ordered = columns([.int, .decimal, .text])
                    switch rng.int(0...4) {
                    case 0: aggs.append(.init(name: fresh(), function: "count", argument: nil))
                    case 1: aggs.append(.init(name: fresh(), function: "count", argument: rng.pick(schema.map(\.name))))
                    case 2 where !numeric.isEmpty: aggs.append(.init(name: fresh(), function: "sum", argument: rng.pick(numeric)))
                    case 3 where !ordered.isEmpty: aggs.append(.init(name: fresh(), function: "min", argument: rng.pick(ordered)))
                    case 4 where !ordered.isEmpty: aggs.append(.init(name: fresh(), function: "max", argument: rng.pick(ordered)))
                    default: aggs.append(.init(name: fresh(), function: "count", argument: nil))
                    }
                }
                var out = keys.map { k in schema.first { $0.name == k }! }
                for a in aggs {
                    let t = a.function == "count" ? DataType.int : schema.first { $0.name == a.argument! }!.type
                    out.append(.init(name: a.name, type: t))
                }
                schema = out
                return .aggregate(keys: keys, aggs: aggs)
            case 6:
                guard !afterSort else { continue }
                return .distinct
            case 7:
                // A full sort, then `take`: the rows kept are determined even with ties.
                guard !afterSort else { continue }
                return .sort(fullSort())
            default:
                if afterSort { return .take(rng.int(0...6)) }
                continue
            }
        }
    }

    mutating func fullSort() -> [Ref.SortKey] {
        schema.map(\.name).shuffled(using: &rng).map { Ref.SortKey(column: $0, descending: rng.chance(0.4)) }
    }

    /// 1 to 5 stages; half the time ending with a full sort (and maybe `take`), so that order can be compared.
    mutating func pipeline() -> ([Ref.Stage], Bool) {
        var stages: [Ref.Stage] = []
        for _ in 0..<rng.int(1...5) {
            var s = stage(after: stages.last)
            // `take` only right after a full sort; a sort must not be followed by a stage that reorders rows.
            if case .sort = s, rng.chance(0.6) { stages.append(s); s = .take(rng.int(0...6)) }
            if case .sort = stages.last, case .sort = s { continue }
            stages.append(s)
        }
        if case .sort = stages.last { return (stages, true) }
        if rng.chance(0.5) {
            stages.append(.sort(fullSort()))
            if rng.chance(0.4) { stages.append(.take(rng.int(0...6))) }
            return (stages, true)
        }
        if case .take = stages.last, stages.count >= 2, case .sort = stages[stages.count - 2] { return (stages, true) }
        return (stages, false)
    }
}

/// A canonical text form of a value: decimals without trailing zeros, so 1.50 and 1.5 agree.
func canonical(_ v: Value) -> String {
    switch v {
    case .null: return "null"
    case .decimal(var d):
        while d.scale > 0 && d.units % 10 == 0 { d = FixedDecimal(units: d.units / 10, scale: d.scale - 1) }
        return "dec " + d.description
    case .text(let s): return "text " + String(reflecting: s)
    default: return "\(v.type!) \(v.description)"
    }
}
