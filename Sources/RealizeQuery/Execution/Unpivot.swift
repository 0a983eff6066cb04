import RealizeStore

/// `unpivot COLUMNS into NAME, VALUE`: wide to long, the inverse of `pivot`.
///
/// Each input row gives one row per unpivoted column whose value is not null (as DuckDB's `UNPIVOT` does, so
/// that `pivot` then `unpivot` gives back the long table): the kept columns, the column's name, its value.
/// The names become periods when every one reads as a period (`2025-01`), dates when every one reads as a
/// date, else text. The values take the columns' common type (numbers widen to decimal or double).
enum Unpivot {
    static func plan(
        columns: [(String, SourceRange)], patterns: [(String, SourceRange)], name: String, value: String, input: Schema,
        range: SourceRange, binder: Binder
    ) throws(Diagnostic) -> Operator {
        var picked: [Int] = []
        for (c, r) in columns {
            guard let i = input.firstIndex(where: { $0.name == c }) else { throw binder.unknownColumn(c, r) }
            if !picked.contains(i) { picked.append(i) }
        }
        for (p, r) in patterns {
            let hits = input.indices.filter { matches(input[$0].name, pattern: p) }
            guard !hits.isEmpty else {
                throw Diagnostic(
                    id: .unknownColumn, message: "no column matches '\(p)'", range: r, hint: "`*` stands for any characters, `?` for one",
                    notes: ["columns in scope: " + input.map(\.name).joined(separator: ", ")])
            }
            for i in hits where !picked.contains(i) { picked.append(i) }
        }
        var valueType = input[picked[0]].type
        for i in picked.dropFirst() {
            let t = input[i].type
            if t == valueType { continue }
            guard t.isNumeric && valueType.isNumeric else {
                throw Diagnostic(
                    id: .typeMismatch, message: "columns to unpivot must share a type: `\(input[picked[0]].name)` is \(valueType), `\(input[i].name)` is \(t)",
                    range: range, hint: "unpivot the columns of each type separately, or convert them with to_double(…) first")
            }
            valueType = t == .double || valueType == .double ? .double : .decimal
        }
        let nameTexts = picked.map { input[$0].name }
        let names: [Value]
        let nameType: DataType
        if let ps = optionalAll(nameTexts.map { CivilCalendar.parsePeriod(Array($0.utf8)) }) {
            (names, nameType) = (ps.map { .period($0) }, .period)
        } else if let ds = optionalAll(nameTexts.map { CivilCalendar.parseDate(Array($0.utf8)) }) {
            (names, nameType) = (ds.map { .date($0) }, .date)
        } else {
            (names, nameType) = (nameTexts.map { .text($0) }, .text)
        }
        let keep = input.indices.filter { !picked.contains($0) }
        let schema = keep.map { input[$0] } + [Field(name, nameType), Field(value, valueType)]
        var seen = Set<String>()
        for f in schema where !seen.insert(f.name).inserted {
            throw Diagnostic(id: .duplicateColumn, message: "column `\(f.name)` appears twice", range: range, hint: "choose other names after `into`")
        }
        return Operator(
            kind: .unpivot(keep: keep, columns: picked, names: names, valueType: valueType), schema: schema,
            summary: "unpivot \(picked.count) columns into \(name), \(value)")
    }

    static func run(_ t: Table, keep: [Int], columns: [Int], names: [Value], valueType: DataType, schema: Schema) throws(NumericOverflow) -> Table {
        let ev = Evaluator(table: t, settings: QuerySettings())
        var values: [Column] = []
        for c in columns { values.append(try ev.cast(t.columns[c], to: valueType)) }
        // Row-major: each input row, then each of its non-null values.
        var source: [Int] = []
        var which: [Int] = []
        for r in 0..<t.rowCount {
            for (k, c) in values.enumerated() where !c.isNull(r) {
                source.append(r)
                which.append(k)
            }
        }
        var out = keep.map { t.columns[$0].gather(source) }
        var nameBuilder = ColumnBuilder(name: "", type: schema[schema.count - 2].type, capacity: which.count)
        var valueBuilder = ColumnBuilder(name: "", type: valueType, capacity: which.count)
        for (r, k) in zip(source, which) {
            nameBuilder.append(names[k])
            valueBuilder.append(values[k].value(at: r))
        }
        out += [nameBuilder.finish(), valueBuilder.finish()]
        return Table(columns: zip(out, schema).map { $0.renamed($1.name) }, rowCount: source.count)
    }

    /// `*` any characters, `?` one; case-sensitive like column names.
    static func matches(_ name: String, pattern: String) -> Bool {
        let n = Array(name), p = Array(pattern)
        var memo = [[Bool?]](repeating: [Bool?](repeating: nil, count: p.count + 1), count: n.count + 1)
        func go(_ i: Int, _ j: Int) -> Bool {
            if let m = memo[i][j] { return m }
            let r: Bool
            if j == p.count {
                r = i == n.count
            } else if p[j] == "*" {
                r = go(i, j + 1) || (i < n.count && go(i + 1, j))
            } else {
                r = i < n.count && (p[j] == "?" || p[j] == n[i]) && go(i + 1, j + 1)
            }
            memo[i][j] = r
            return r
        }
        return go(0, 0)
    }

    static func optionalAll<T>(_ xs: [T?]) -> [T]? {
        var out: [T] = []
        for x in xs {
            guard let x else { return nil }
            out.append(x)
        }
        return out
    }
}
