extension Parser {
    mutating func parseStage() throws(Failure) -> Stage {
        let start = current.range.start
        guard current.kind == .keyword, Parser.verbs.contains(current.text) else {
            let suggestion = current.kind == .identifier ? Suggest.nearest(current.text, in: Array(Parser.verbs)) : nil
            throw fail(
                .expectedVerb, "expected a verb after `|`, found \(describe(current))",
                hint: suggestion.map { "did you mean `\($0)`?" } ?? "verbs: \(Parser.verbs.sorted().joined(separator: ", "))")
        }
        let verb = advance().text
        let kind: Stage.Kind
        switch verb {
        case "where":
            kind = .where(try parseExpr())
        case "select":
            if current.isSymbol("*") {
                _ = advance()
                var except: [(String, SourceRange)] = []
                if current.isKeyword("except") {
                    _ = advance()
                    let paren = current.isSymbol("(")
                    if paren { _ = advance() }
                    repeat {
                        if current.isSymbol(",") { _ = advance() }
                        except.append(try identifier("a column name"))
                    } while current.isSymbol(",")
                    if paren { try expectSymbol(")", "closing `except (`") }
                }
                kind = .select(items: [], star: true, except: except)
            } else {
                kind = .select(items: try parseNamedList(), star: false, except: [])
            }
        case "derive":
            kind = .derive(try parseNamedList(requireName: true))
        case "by":
            let keys = try parseNamedList()
            try expectKeyword("agg", context: "after the grouping columns of `by`")
            kind = .aggregate(keys: keys, aggs: try parseNamedList())
        case "agg":
            kind = .aggregate(keys: [], aggs: try parseNamedList())
        case "join", "left":
            var isLeft = false
            if verb == "left" { try expectKeyword("join", context: "after `left`"); isLeft = true }
            if current.isKeyword("left") { _ = advance(); isLeft = true }
            let target = try parseSource(joinTarget: true)
            let joined = target.tableName.map { "`\($0)`" } ?? "the joined table"
            try expectKeyword("on", context: "after the table to join (`join \(target.tableName ?? "TABLE") on KEY`)")
            var keys: [JoinKey] = []
            repeat {
                if current.isSymbol(",") { _ = advance() }
                let (lk, lr) = try identifier("a key column")
                var key = JoinKey(left: lk, right: lk, range: lr)
                if current.isSymbol("=") {
                    _ = advance()
                    let (r, rr) = try identifier("the key column of \(joined)", id: .expectedAKeyColumn)
                    key.right = r
                    key.range = SourceRange(lr.start, rr.end)
                }
                keys.append(key)
            } while current.isSymbol(",")
            kind = .join(source: target, left: isLeft, keys: keys)
        case "union":
            var sources: [Source] = []
            repeat {
                if current.isSymbol(",") { _ = advance() }
                sources.append(try parseSource(joinTarget: true))
            } while current.isSymbol(",")
            kind = .union(sources)
        case "sort":
            var keys: [SortKey] = []
            repeat {
                if current.isSymbol(",") { _ = advance() }
                keys.append(try parseSortKey(defaultDescending: false))
            } while current.isSymbol(",")
            kind = .sort(keys)
        case "take":
            kind = .take(try parseCount(verb))
        case "top":
            let n = try parseCount(verb)
            try expectKeyword("by", context: "in `top N by EXPR`")
            kind = .top(n, try parseSortKey(defaultDescending: true))
        case "distinct":
            kind = .distinct
        case "window":
            var partition: [Expr] = []
            var order: SortKey? = nil
            if current.isKeyword("by") {
                _ = advance()
                repeat {
                    if current.isSymbol(",") { _ = advance() }
                    partition.append(try parseExpr())
                } while current.isSymbol(",")
            }
            if current.isKeyword("order") {
                _ = advance()
                if current.isKeyword("by") { _ = advance() }
                order = try parseSortKey(defaultDescending: false)
            }
            if current.isKeyword("derive") { _ = advance() }
            kind = .window(partition: partition, order: order, items: try parseNamedList(requireName: true))
        case "unpivot":
            var columns: [(String, SourceRange)] = []
            var patterns: [(String, SourceRange)] = []
            repeat {
                if current.isSymbol(",") { _ = advance() }
                if current.kind == .string {
                    let t = advance()
                    patterns.append((t.text, t.range))
                } else {
                    columns.append(try identifier("a column to unpivot (or a quoted pattern such as '2025-*')"))
                }
            } while current.isSymbol(",")
            guard current.kind == .identifier && current.text.lowercased() == "into" else {
                throw fail(.expected("into"), "expected `into NAME, VALUE` after the columns to unpivot, found \(describe(current))")
            }
            _ = advance()
            let name = try identifier("a name for the column of names").0
            try expectSymbol(",", "between the name and value columns of `into`")
            let value = try identifier("a name for the column of values").0
            kind = .unpivot(columns: columns, patterns: patterns, name: name, value: value)
        case "pivot":
            let cols = try parseExpr()
            var rows: [NamedExpr] = []
            if current.isKeyword("by") { _ = advance(); rows = try parseNamedList() }
            try expectKeyword("agg", context: "in `pivot COLUMNS [by ROWS] agg AGGREGATE`")
            kind = .pivot(columns: cols, rows: rows, value: try parseExpr())
        default:
            throw fail(.expectedVerb, "`\(verb)` cannot start a stage")
        }
        return Stage(kind: kind, verb: verb, range: SourceRange(start, previousEnd))
    }

    mutating func parseCount(_ verb: String) throws(Failure) -> Int {
        try substituteParameter()
        guard current.kind == .integer, let n = Int(current.text) else {
            throw fail(
                .expectedCount, "expected a row count after `\(verb)`, found \(describe(current))",
                hint: "for example `\(verb) 10\(verb == "top" ? " by budget" : "")`")
        }
        _ = advance()
        return n
    }

    mutating func parseSortKey(defaultDescending: Bool) throws(Failure) -> SortKey {
        // `-x` reverses the default order: `sort -budget` is largest first, `top 3 by -cv` the three smallest.
        var desc = defaultDescending
        if current.isSymbol("-") { _ = advance(); desc = !defaultDescending } else if current.isSymbol("+") { _ = advance() }
        let e = try parseAdditive()
        if current.isKeyword("desc") { _ = advance(); desc = true } else if current.isKeyword("asc") { _ = advance(); desc = false }
        return SortKey(expr: e, descending: desc)
    }

    /// `name = expr, expr as name, expr, …`
    mutating func parseNamedList(requireName: Bool = false) throws(Failure) -> [NamedExpr] {
        var items: [NamedExpr] = []
        repeat {
            if current.isSymbol(",") { _ = advance() }
            let start = current.range.start
            if current.kind == .identifier && tokens[pos + 1].isSymbol("=") && !tokens[pos + 1].isSymbol("==") {
                let name = advance().text
                _ = advance()
                let e = try parseExpr()
                items.append(NamedExpr(name: name, expr: e, range: SourceRange(start, previousEnd)))
            } else {
                let e = try parseExpr()
                var name: String? = nil
                if current.isKeyword("as") { _ = advance(); name = try identifier("a name after `as`", id: .expectedAName).0 }
                if requireName && name == nil {
                    throw fail(
                        .expectedName, "expected `name = expression`", at: e.range, hint: "give the new column a name, e.g. `cv = earned_value - actual_cost`"
                    )
                }
                items.append(NamedExpr(name: name, expr: e, range: SourceRange(start, previousEnd)))
            }
        } while current.isSymbol(",")
        return items
    }
}
