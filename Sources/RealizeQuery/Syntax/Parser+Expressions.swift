/// Expression grammar, lowest precedence first:
/// `if`/`case` → `or` → `and` → `not` → comparison and predicates → `+ - ||` → `* / %` → unary `-` → `.property` → primary.
extension Parser {
    mutating func parseExpr() throws(Failure) -> Expr {
        if current.isKeyword("if") { return try parseIf() }
        return try parseOr()
    }

    mutating func parseIf() throws(Failure) -> Expr {
        let start = advance().range.start
        let c = try parseExpr()
        try expectKeyword("then", context: "after the condition of `if`")
        let a = try parseExpr()
        var otherwise: Expr? = nil
        if current.isKeyword("else") { _ = advance(); otherwise = try parseExpr() }
        return .conditional(branches: [(c, a)], otherwise: otherwise, SourceRange(start, previousEnd))
    }

    mutating func parseOr() throws(Failure) -> Expr {
        var l = try parseAnd()
        while current.isKeyword("or") {
            _ = advance()
            let r = try parseAnd()
            l = .binary(op: "or", l, r, SourceRange(l.range.start, r.range.end))
        }
        return l
    }

    mutating func parseAnd() throws(Failure) -> Expr {
        var l = try parseNot()
        while current.isKeyword("and") {
            _ = advance()
            let r = try parseNot()
            l = .binary(op: "and", l, r, SourceRange(l.range.start, r.range.end))
        }
        return l
    }

    mutating func parseNot() throws(Failure) -> Expr {
        if current.isKeyword("not") {
            let s = advance().range.start
            let e = try parseNot()
            return .unary(op: "not", e, SourceRange(s, e.range.end))
        }
        return try parseComparison()
    }

    mutating func parseComparison() throws(Failure) -> Expr {
        let l = try parseAdditive()
        let s = l.range.start
        if current.kind == .symbol, ["=", "!=", "<", "<=", ">", ">="].contains(current.text) {
            let op = advance().text
            let r = try parseAdditive()
            return .binary(op: op, l, r, SourceRange(s, r.range.end))
        }
        var negated = false
        if current.isKeyword("not"), tokens[pos + 1].kind == .keyword, ["in", "between", "like", "contains", "starts", "ends"].contains(tokens[pos + 1].text) {
            _ = advance(); negated = true
        }
        if current.isKeyword("in") {
            _ = advance()
            if let window = try parseTimeWindow() {
                return wrapNot(.timeFilter(l, window, SourceRange(s, previousEnd)), negated)
            }
            try expectSymbol("(", "to open the list after `in`")
            var items: [Expr] = []
            if !current.isSymbol(")") {
                repeat {
                    if current.isSymbol(",") { _ = advance() }
                    items.append(try parseExpr())
                } while current.isSymbol(",")
            }
            try expectSymbol(")", "to close the list after `in`")
            return .inList(l, items, negated: negated, SourceRange(s, previousEnd))
        }
        if current.isKeyword("as"), tokens[pos + 1].isKeyword("of") || (tokens[pos + 1].kind == .identifier && tokens[pos + 1].text == "of") {
            _ = advance(); _ = advance()
            let lit = try parsePrimary()
            guard case .literal(let v, _) = lit else {
                throw fail(.expectedPeriod, "expected a period or date after `as of`, e.g. `as of 2025-06`", at: lit.range)
            }
            return .timeFilter(l, .asOf(v), SourceRange(s, previousEnd))
        }
        if current.isKeyword("between") {
            _ = advance()
            let lo = try parseAdditive()
            try expectKeyword("and", context: "in `between LOW and HIGH`")
            let hi = try parseAdditive()
            return .between(l, lo, hi, negated: negated, SourceRange(s, previousEnd))
        }
        if current.kind == .keyword, ["contains", "starts", "ends", "like"].contains(current.text) {
            let op = advance().text
            if op == "starts" || op == "ends" { try expectKeyword("with", context: "after `\(op)`") }
            let r = try parseAdditive()
            return .match(op: op, l, r, negated: negated, SourceRange(s, r.range.end))
        }
        if current.isKeyword("is") {
            _ = advance()
            var neg = false
            if current.isKeyword("not") { _ = advance(); neg = true }
            try expectKeyword("null", context: "after `is`")
            return .isNull(l, negated: neg, SourceRange(s, previousEnd))
        }
        if negated { throw fail(.expectedPredicate, "expected `in`, `between`, `like` or a text match after `not`") }
        return l
    }

    private func wrapNot(_ e: Expr, _ negated: Bool) -> Expr { negated ? .unary(op: "not", e, e.range) : e }

    /// `this quarter`, `last quarter`, `last 6 months`, `ytd`; nil if the next tokens are not a time window.
    mutating func parseTimeWindow() throws(Failure) -> TimeWindow? {
        let units = ["month", "months", "quarter", "quarters", "year", "years"]
        func unit(_ s: String) -> String { s.hasSuffix("s") ? String(s.dropLast()) : s }
        if current.kind == .identifier && current.text.lowercased() == "ytd" { _ = advance(); return .ytd }
        guard current.kind == .identifier, ["this", "last", "previous"].contains(current.text.lowercased()) else { return nil }
        let word = advance().text.lowercased()
        if word == "last", current.kind == .integer, let n = Int(current.text) {
            _ = advance()
            guard current.kind == .identifier, units.contains(current.text.lowercased()) else {
                throw fail(.expectedTimeUnit, "expected months, quarters or years after `last \(n)`")
            }
            return .lastN(n, unit(advance().text.lowercased()))
        }
        guard current.kind == .identifier, units.contains(current.text.lowercased()) else {
            throw fail(.expectedTimeUnit, "expected month, quarter or year after `\(word)`")
        }
        let u = unit(advance().text.lowercased())
        return word == "this" ? .this(u) : .previous(u)
    }

    mutating func parseAdditive() throws(Failure) -> Expr {
        var l = try parseMultiplicative()
        while current.kind == .symbol, ["+", "-", "||"].contains(current.text) {
            let op = advance().text
            let r = try parseMultiplicative()
            l = .binary(op: op, l, r, SourceRange(l.range.start, r.range.end))
        }
        return l
    }

    mutating func parseMultiplicative() throws(Failure) -> Expr {
        var l = try parseUnary()
        while current.kind == .symbol, ["*", "/", "%"].contains(current.text) {
            let op = advance().text
            let r = try parseUnary()
            l = .binary(op: op, l, r, SourceRange(l.range.start, r.range.end))
        }
        return l
    }

    mutating func parseUnary() throws(Failure) -> Expr {
        if current.isSymbol("-") {
            let s = advance().range.start
            let e = try parseUnary()
            return .unary(op: "-", e, SourceRange(s, e.range.end))
        }
        if current.isSymbol("+") { _ = advance() }
        return try parsePostfix()
    }

    mutating func parsePostfix() throws(Failure) -> Expr {
        var e = try parsePrimary()
        while current.isSymbol(".") {
            _ = advance()
            guard current.kind == .identifier else {
                throw fail(
                    .expectedProperty, "expected a property after `.`",
                    hint: "dates and periods have .year, .quarter, .month, .fiscal_year and .fiscal_quarter")
            }
            let p = advance()
            e = .property(e, p.text.lowercased(), SourceRange(e.range.start, p.range.end))
        }
        return e
    }

    mutating func parsePrimary() throws(Failure) -> Expr {
        let t = current
        switch t.kind {
        case .integer: _ = advance(); return .literal(.integer(t.text), t.range)
        case .number: _ = advance(); return .literal(.number(t.text), t.range)
        case .string: _ = advance(); return .literal(.string(t.text), t.range)
        case .date: _ = advance(); return .literal(.date(t.text), t.range)
        case .period: _ = advance(); return .literal(.period(t.text), t.range)
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

    mutating func parseCall(_ name: Token) throws(Failure) -> Expr {
        _ = advance()  // (
        var args: [Expr] = []
        var distinct = false
        if current.isKeyword("distinct") { _ = advance(); distinct = true }
        if current.isSymbol("*") {
            _ = advance()
        } else if !current.isSymbol(")") {
            repeat {
                if current.isSymbol(",") { _ = advance() }
                args.append(try parseExpr())
            } while current.isSymbol(",")
        }
        try expectSymbol(")", "to close the call to `\(name.text)`")
        return .call(name: name.text.lowercased(), args: args, distinct: distinct, SourceRange(name.range.start, previousEnd))
    }

    mutating func parseCase() throws(Failure) -> Expr {
        let s = advance().range.start
        var branches: [(Expr, Expr)] = []
        var otherwise: Expr? = nil
        while current.isKeyword("when") {
            _ = advance()
            let c = try parseExpr()
            try expectKeyword("then", context: "after the condition of `when`")
            branches.append((c, try parseExpr()))
        }
        if branches.isEmpty { throw fail(.expectedWhen, "expected `when` after `case`") }
        if current.isKeyword("else") { _ = advance(); otherwise = try parseExpr() }
        try expectKeyword("end", context: "to close `case`")
        return .conditional(branches: branches, otherwise: otherwise, SourceRange(s, previousEnd))
    }
}
