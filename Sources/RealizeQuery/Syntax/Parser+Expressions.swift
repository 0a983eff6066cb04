/// Expression grammar, lowest precedence first:
/// `if`/`case` → `or` → `and` → `not` → comparison and predicates → `+ - ||` → `* / %` → unary `-` → `.property` → primary.
///
/// Each function leaves the height of the tree it returns in `height`, and nesting is bounded (`Parser+Depth.swift`).
extension Parser {
    mutating func parseExpr() throws(Failure) -> Expr {
        if current.isKeyword("if") { return try parseIf() }
        return try parseOr()
    }

    mutating func parseIf() throws(Failure) -> Expr {
        try enter()
        defer { leave() }
        let start = advance().range.start
        let c = try parseExpr()
        var h = height
        try expectKeyword("then", context: "after the condition of `if`")
        let a = try parseExpr()
        h = max(h, height)
        var otherwise: Expr? = nil
        if current.isKeyword("else") {
            _ = advance()
            otherwise = try parseExpr()
            h = max(h, height)
        }
        let range = SourceRange(start, previousEnd)
        try built(height: h + 1, at: range)
        return .conditional(branches: [(c, a)], otherwise: otherwise, range)
    }

    mutating func parseOr() throws(Failure) -> Expr {
        var l = try parseAnd()
        var h = height
        while current.isKeyword("or") {
            let op = advance().range
            let r = try parseAnd()
            h = max(h, height) + 1
            l = .binary(op: "or", l, r, SourceRange(l.range.start, r.range.end))
            try built(height: h, at: op)
        }
        height = h
        return l
    }

    mutating func parseAnd() throws(Failure) -> Expr {
        var l = try parseNot()
        var h = height
        while current.isKeyword("and") {
            let op = advance().range
            let r = try parseNot()
            h = max(h, height) + 1
            l = .binary(op: "and", l, r, SourceRange(l.range.start, r.range.end))
            try built(height: h, at: op)
        }
        height = h
        return l
    }

    mutating func parseNot() throws(Failure) -> Expr {
        if current.isKeyword("not") {
            try enter()
            defer { leave() }
            let s = advance().range
            let e = try parseNot()
            try built(height: height + 1, at: s)
            return .unary(op: "not", e, SourceRange(s.start, e.range.end))
        }
        return try parseComparison()
    }

    mutating func parseComparison() throws(Failure) -> Expr {
        let l = try parseAdditive()
        let hl = height
        let s = l.range.start
        if current.kind == .symbol, ["=", "!=", "<", "<=", ">", ">="].contains(current.text) {
            let op = advance()
            let r = try parseAdditive()
            try built(height: max(hl, height) + 1, at: op.range)
            return .binary(op: op.text, l, r, SourceRange(s, r.range.end))
        }
        var negated = false
        if current.isKeyword("not"), tokens[pos + 1].kind == .keyword, ["in", "between", "like", "contains", "starts", "ends"].contains(tokens[pos + 1].text) {
            _ = advance(); negated = true
        }
        if current.isKeyword("in") {
            _ = advance()
            if let window = try parseTimeWindow() {
                let range = SourceRange(s, previousEnd)
                try built(height: hl + (negated ? 2 : 1), at: range)
                return wrapNot(.timeFilter(l, window, range), negated)
            }
            try expectSymbol("(", "to open the list after `in`")
            try enter()
            defer { leave() }
            var items: [Expr] = []
            var h = hl
            if !current.isSymbol(")") {
                repeat {
                    if current.isSymbol(",") { _ = advance() }
                    items.append(try parseExpr())
                    h = max(h, height)
                } while current.isSymbol(",")
            }
            try expectSymbol(")", "to close the list after `in`")
            let range = SourceRange(s, previousEnd)
            try built(height: h + 1, at: range)
            return .inList(l, items, negated: negated, range)
        }
        if current.isKeyword("as"), tokens[pos + 1].isKeyword("of") || (tokens[pos + 1].kind == .identifier && tokens[pos + 1].text == "of") {
            _ = advance(); _ = advance()
            let lit = try parsePrimary()
            guard case .literal(let v, _) = lit else {
                throw fail(.expectedPeriod, "expected a period or date after `as of`, e.g. `as of 2025-06`", at: lit.range)
            }
            let range = SourceRange(s, previousEnd)
            try built(height: hl + 1, at: range)
            return .timeFilter(l, .asOf(v), range)
        }
        if current.isKeyword("between") {
            _ = advance()
            let lo = try parseAdditive()
            let hlo = height
            try expectKeyword("and", context: "in `between LOW and HIGH`")
            let hi = try parseAdditive()
            let range = SourceRange(s, previousEnd)
            try built(height: max(hl, hlo, height) + 1, at: range)
            return .between(l, lo, hi, negated: negated, range)
        }
        if current.kind == .keyword, ["contains", "starts", "ends", "like"].contains(current.text) {
            let op = advance().text
            if op == "starts" || op == "ends" { try expectKeyword("with", context: "after `\(op)`") }
            let r = try parseAdditive()
            let range = SourceRange(s, r.range.end)
            try built(height: max(hl, height) + 1, at: range)
            return .match(op: op, l, r, negated: negated, range)
        }
        if current.isKeyword("is") {
            _ = advance()
            var neg = false
            if current.isKeyword("not") { _ = advance(); neg = true }
            try expectKeyword("null", context: "after `is`")
            let range = SourceRange(s, previousEnd)
            try built(height: hl + 1, at: range)
            return .isNull(l, negated: neg, range)
        }
        if negated { throw fail(.expectedPredicate, "expected `in`, `between`, `like` or a text match after `not`") }
        return l
    }

    private func wrapNot(_ e: Expr, _ negated: Bool) -> Expr { negated ? .unary(op: "not", e, e.range) : e }

    mutating func parseAdditive() throws(Failure) -> Expr {
        var l = try parseMultiplicative()
        var h = height
        while current.kind == .symbol, ["+", "-", "||"].contains(current.text) {
            let op = advance()
            let r = try parseMultiplicative()
            h = max(h, height) + 1
            l = .binary(op: op.text, l, r, SourceRange(l.range.start, r.range.end))
            try built(height: h, at: op.range)
        }
        height = h
        return l
    }

    mutating func parseMultiplicative() throws(Failure) -> Expr {
        var l = try parseUnary()
        var h = height
        while current.kind == .symbol, ["*", "/", "%"].contains(current.text) {
            let op = advance()
            let r = try parseUnary()
            h = max(h, height) + 1
            l = .binary(op: op.text, l, r, SourceRange(l.range.start, r.range.end))
            try built(height: h, at: op.range)
        }
        height = h
        return l
    }

    mutating func parseUnary() throws(Failure) -> Expr {
        if current.isSymbol("-") {
            try enter()
            defer { leave() }
            let s = advance().range
            let e = try parseUnary()
            try built(height: height + 1, at: s)
            return .unary(op: "-", e, SourceRange(s.start, e.range.end))
        }
        if current.isSymbol("+") { _ = advance() }
        return try parsePostfix()
    }

    mutating func parsePostfix() throws(Failure) -> Expr {
        var e = try parsePrimary()
        var h = height
        while current.isSymbol(".") {
            _ = advance()
            guard current.kind == .identifier else {
                throw fail(
                    .expectedProperty, "expected a property after `.`",
                    hint: "dates and periods have .year, .quarter, .month, .fiscal_year and .fiscal_quarter")
            }
            let p = advance()
            e = .property(e, p.text.lowercased(), SourceRange(e.range.start, p.range.end))
            h += 1
            try built(height: h, at: p.range)
        }
        height = h
        return e
    }

    mutating func parsePrimary() throws(Failure) -> Expr {
        let t = current
        height = 1
        switch t.kind {
        case .integer: _ = advance(); return .literal(.integer(t.text), t.range)
        case .number: _ = advance(); return .literal(.number(t.text), t.range)
        case .string: _ = advance(); return .literal(.string(t.text), t.range)
        case .date: _ = advance(); return .literal(.date(t.text), t.range)
        case .period: _ = advance(); return .literal(.period(t.text), t.range)
        case .parameter: _ = advance(); return .literal(.parameter(t.text), t.range)
        case .identifier:
            _ = advance()
            if current.isSymbol("(") { return try parseCall(t) }
            // `this month|quarter|year`: the current period (of `.set today`), to compute with: `this month - 1`.
            if t.text.lowercased() == "this", current.kind == .identifier, ["month", "quarter", "year"].contains(current.text.lowercased()) {
                let unit = advance()
                let range = SourceRange(t.range.start, unit.range.end)
                let month = Expr.call(name: "period_of", args: [.column("today", t.range)], distinct: false, range)
                if unit.text.lowercased() == "month" { return month }
                return .call(name: "date_trunc", args: [.literal(.string(unit.text.lowercased()), unit.range), month], distinct: false, range)
            }
            return .column(t.text, t.range)
        case .keyword:
            // `left(text, n)` is a function, though `left` is also the word of `left join`.
            if t.text == "left", tokens[pos + 1].isSymbol("(") {
                _ = advance()
                return try parseCall(Token(kind: .identifier, text: "left", range: t.range))
            }
            switch t.text {
            case "true", "false": _ = advance(); return .literal(.bool(t.text == "true"), t.range)
            case "null": _ = advance(); return .literal(.null, t.range)
            case "case": return try parseCase()
            case "if": return try parseIf()
            default: break
            }
        case .symbol where t.text == "(":
            try enter()
            defer { leave() }
            _ = advance()
            let e = try parseExpr()
            try expectSymbol(")", "to close `(`")
            return e
        default: break
        }
        throw fail(
            .expectedExpression, "expected an expression, found \(describe(t))",
            hint: t.kind == .keyword ? "`\(t.text)` is a reserved word; quote a column of that name in backticks" : nil)
    }
}
