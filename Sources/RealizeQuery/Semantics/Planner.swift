import RealizeStore

/// Checks a parsed pipeline against the catalog — every name and type — and turns it into a ``Plan``.
/// Nothing runs until the whole pipeline has been checked.
struct Planner {
    let catalog: Catalog
    let lastResult: Table?
    let settings: QuerySettings
    /// The statement's text, quoted in plan summaries.
    var source: String = ""
    /// Raised by Ctrl-C; commands and sub-pipelines run while planning check it.
    var cancel: CancellationToken? = nil
    var diagnostics: [Diagnostic] = []
    /// The statement's warnings, handed to the table commands run while planning.
    var warnings: WarningLog? = nil

    /// The text of `range` in the statement, for `explain`.
    func text(_ range: SourceRange) -> String {
        let bytes = Array(source.utf8)
        guard range.start.offset < range.end.offset, range.end.offset <= bytes.count else { return "" }
        return String(decoding: bytes[range.start.offset..<range.end.offset], as: UTF8.self)
            .split(whereSeparator: { $0.isNewline }).map { String($0).trimmingCharacters() }.joined(separator: " ")
    }

    static func schema(of t: Table) -> Schema { t.columns.map { Field($0.name, $0.type) } }

    /// Plans `p`; returns nil after recording diagnostics.
    mutating func plan(_ p: Pipeline) -> Plan? {
        let resolved: (PlanInput, Schema, String)
        do throws(Diagnostic) {
            resolved = try resolve(p.source)
        } catch {
            diagnostics.append(error)
            return nil
        }
        let source = resolved.0
        var schema = resolved.1
        let sourceSchema = schema
        var ops: [Operator] = []
        for (k, stage) in p.stages.enumerated() {
            if case .sort = stage.kind, k + 1 < p.stages.count, let undo = undoesSort(p.stages[k + 1]) {
                diagnostics.append(
                    Diagnostic(
                        id: .sortUndone, message: "this sort is undone by the `\(p.stages[k + 1].verb)` stage that follows", range: stage.range,
                        hint: undo))
                return nil
            }
            do throws(Diagnostic) {
                var op = try plan(stage, input: schema)
                op.range = stage.range
                ops.append(op)
                schema = op.schema
            } catch {
                diagnostics.append(error)
                return nil
            }
        }
        return Plan(source: source, sourceSchema: sourceSchema, operators: ops)
    }

    /// A hint if `next` reorders rows, so that a sort just before it would be silently lost.
    func undoesSort(_ next: Stage) -> String? {
        switch next.kind {
        case .aggregate: return "grouping does not keep row order: sort after `by … agg` instead"
        case .sort: return "only the last of two sorts in a row counts: give one `sort` several keys, e.g. `sort program, -actual_cost`"
        case .distinct: return "`distinct` does not keep row order: sort after it"
        case .pivot: return "`pivot` does not keep row order: sort after it"
        default: return nil
        }
    }

    func uniqueNames(_ fields: Schema, _ ranges: [SourceRange]) throws(Diagnostic) {
        var seen = Set<String>()
        for (f, r) in zip(fields, ranges) where !seen.insert(f.name).inserted {
            throw Diagnostic(id: .duplicateColumn, message: "column `\(f.name)` appears twice", range: r, hint: "rename one: `other_name = …`")
        }
    }

    /// Default name for an unnamed expression: the column name, or a readable form such as `sum_actual_cost`.
    static func defaultName(_ e: Expr) -> String {
        switch e {
        case .column(let n, _): return n
        case .property(let x, let p, _): return defaultName(x) + "_" + p
        case .call(let n, let args, let distinct, _):
            return ([distinct ? n + "_distinct" : n] + args.prefix(1).map { defaultName($0) }).joined(separator: "_")
        default: return "expr"
        }
    }

    mutating func plan(_ stage: Stage, input: Schema) throws(Diagnostic) -> Operator {
        var binder = Binder(schema: input, settings: settings)
        switch stage.kind {
        case .where(let e):
            let b = try binder.bind(e)
            guard b.type == .bool else {
                throw Diagnostic(
                    id: .typeMismatch, message: "`where` needs a true/false condition, but this is \(b.type)", range: e.range,
                    hint: "compare it, e.g. `\(Planner.defaultName(e)) > 0`")
            }
            return Operator(kind: .filter(b), schema: input, summary: "filter " + text(e.range))
        case .select(let items, let star, let except):
            var exprs: [BoundExpr] = []
            var fields: Schema = []
            var ranges: [SourceRange] = []
            if star {
                for (name, r) in except where !input.contains(where: { $0.name == name }) { throw binder.unknownColumn(name, r) }
                let dropped = Set(except.map(\.0))
                for (i, f) in input.enumerated() where !dropped.contains(f.name) {
                    exprs.append(.column(i, f.type)); fields.append(f); ranges.append(stage.range)
                }
            }
            for it in items {
                let b = try binder.bind(it.expr)
                exprs.append(b)
                fields.append(Field(it.name ?? Planner.defaultName(it.expr), b.type))
                ranges.append(it.range)
            }
            try uniqueNames(fields, ranges)
            return Operator(kind: .project(exprs), schema: fields, summary: "select " + fields.map(\.name).joined(separator: ", "))
        case .derive(let items):
            var exprs: [BoundExpr] = input.enumerated().map { .column($0.offset, $0.element.type) }
            var fields = input
            for it in items {
                // Later items may refer to earlier ones: bind against the schema so far.
                var b2 = Binder(schema: fields, settings: settings)
                let b = try b2.bind(it.expr)
                let name = it.name!
                if let i = fields.firstIndex(where: { $0.name == name }) {
                    exprs[i] = inline(b, exprs); fields[i] = Field(name, b.type)
                } else {
                    exprs.append(inline(b, exprs)); fields.append(Field(name, b.type))
                }
            }
            return Operator(kind: .project(exprs), schema: fields, summary: "project: " + text(stage.range))
        case .aggregate(let keys, let aggs):
            var keyExprs: [BoundExpr] = []
            var fields: Schema = []
            var ranges: [SourceRange] = []
            var keyColumns: [String: (Int, DataType)] = [:]
            for k in keys {
                let b = try binder.bind(k.expr)
                let name = k.name ?? Planner.defaultName(k.expr)
                keyColumns[name] = (keyExprs.count, b.type)
                if case .column(let n, _) = k.expr { keyColumns[n] = (keyExprs.count, b.type) }
                keyExprs.append(b)
                fields.append(Field(name, b.type))
                ranges.append(k.range)
            }
            var ab = Binder(schema: input, settings: settings)
            ab.aggregates = []
            ab.aggregateBase = keyExprs.count
            ab.keyColumns = keyColumns
            var outputs: [BoundExpr] = keyExprs.enumerated().map { .column($0.offset, $0.element.type) }
            for a in aggs {
                let b = try ab.bind(a.expr)
                outputs.append(b)
                fields.append(Field(a.name ?? Planner.defaultName(a.expr), b.type))
                ranges.append(a.range)
            }
            try uniqueNames(fields, ranges)
            let summary = "hash aggregate (\(ab.aggregates!.count) distinct aggregate\(ab.aggregates!.count == 1 ? "" : "s")): " + text(stage.range)
            return Operator(kind: .aggregate(keys: keyExprs, aggregates: ab.aggregates!, outputs: outputs), schema: fields, summary: summary)
        case .join(let target, let isLeft, let keys):
            let (rightInput, rs, table) = try resolve(target)
            var leftKeys: [Int] = []
            var rightKeys: [Int] = []
            for key in keys {
                let (lk, rk, kr) = (key.left, key.right, key.range)
                guard let li = input.firstIndex(where: { $0.name == lk }) else { throw binder.unknownColumn(lk, kr) }
                guard let ri = rs.firstIndex(where: { $0.name == rk }) else {
                    let near = Suggest.nearest(rk, in: rs.map(\.name))
                    throw Diagnostic(
                        id: .unknownColumn, message: "`\(table)` has no column `\(rk)`", range: kr,
                        hint: near.map { "did you mean `\($0)`? (write `on \(lk) = \($0)`)" },
                        notes: ["columns of \(table): " + rs.map(\.name).joined(separator: ", ")])
                }
                guard input[li].type == rs[ri].type else {
                    throw Diagnostic(
                        id: .typeMismatch, message: "join keys differ in type: `\(lk)` is \(input[li].type), `\(table).\(rk)` is \(rs[ri].type)", range: kr)
                }
                leftKeys.append(li)
                rightKeys.append(ri)
            }
            var fields = input
            var rightCols: [Int] = []
            for (i, f) in rs.enumerated() where !rightKeys.contains(i) {
                var name = f.name
                if fields.contains(where: { $0.name == name }) { name = table + "_" + name }
                fields.append(Field(name, f.type))
                rightCols.append(i)
            }
            let on = keys.map { $0.left == $0.right ? $0.left : "\($0.left) = \(table).\($0.right)" }.joined(separator: ", ")
            return Operator(
                kind: .join(right: rightInput, leftKeys: leftKeys, rightKeys: rightKeys, rightColumns: rightCols, left: isLeft), schema: fields,
                summary: "\(isLeft ? "left " : "")hash join \(table) on \(on) (build: \(table))")
        case .union(let sources):
            return try planUnion(sources, input: input)
        case .sort(let keys):
            var bound: [(BoundExpr, Bool)] = []
            for k in keys { bound.append((try binder.bind(k.expr), k.descending)) }
            return Operator(kind: .sort(bound), schema: input, summary: text(stage.range))
        case .take(let n):
            return Operator(kind: .limit(n), schema: input, summary: "take \(n)")
        case .top(let n, let k):
            let b = try binder.bind(k.expr)
            return Operator(kind: .topN([(b, k.descending)], n), schema: input, summary: "partial sort: " + text(stage.range))
        case .distinct:
            return Operator(kind: .distinct, schema: input, summary: "distinct")
        case .window(let partition, let order, let items):
            var parts: [BoundExpr] = []
            for p in partition { parts.append(try binder.bind(p)) }
            let ord: (BoundExpr, Bool)? = try order.map { k throws(Diagnostic) in (try binder.bind(k.expr), k.descending) }
            var wb = Binder(schema: input, settings: settings)
            wb.windowCalls = []
            wb.windowBase = input.count
            // Every output column: the input's as they are, except those a new column of the same name
            // replaces (as `derive` does), then the new ones.
            var fields = input
            var outputs: [BoundExpr] = input.enumerated().map { .column($0.offset, $0.element.type) }
            for it in items {
                let b = try wb.bind(it.expr)
                let name = it.name!
                if let i = fields.firstIndex(where: { $0.name == name }) {
                    outputs[i] = b
                    fields[i] = Field(name, b.type)
                } else {
                    outputs.append(b)
                    fields.append(Field(name, b.type))
                }
            }
            return Operator(
                kind: .window(partition: parts, order: ord, calls: wb.windowCalls!, outputs: outputs), schema: fields,
                summary: "window: " + text(stage.range))
        case .unpivot(let columns, let patterns, let name, let value):
            return try Unpivot.plan(columns: columns, patterns: patterns, name: name, value: value, input: input, range: stage.range, binder: binder)
        case .pivot:
            throw Diagnostic(id: .pivotNeedsData, message: "internal: pivot is planned with data", range: stage.range)
        }
    }

    /// Replaces column references in `b` (bound against a derive's running schema) by the expressions that compute them.
    func inline(_ b: BoundExpr, _ exprs: [BoundExpr]) -> BoundExpr {
        b.mapColumns { i, _ in exprs[i] }
    }
}
