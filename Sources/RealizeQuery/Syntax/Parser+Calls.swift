/// Function calls and `case` expressions: the primaries that hold lists of expressions.
extension Parser {
    mutating func parseCall(_ name: Token) throws(Failure) -> Expr {
        try enter()
        defer { leave() }
        _ = advance()  // (
        var h = 0
        var args: [Expr] = []
        var distinct = false
        if current.isKeyword("distinct") { _ = advance(); distinct = true }
        if current.isSymbol("*") {
            _ = advance()
        } else if !current.isSymbol(")") {
            repeat {
                if current.isSymbol(",") { _ = advance() }
                args.append(try parseExpr())
                h = max(h, height)
            } while current.isSymbol(",")
        }
        try expectSymbol(")", "to close the call to `\(name.text)`")
        let range = SourceRange(name.range.start, previousEnd)
        try built(height: h + 1, at: range)
        return .call(name: name.text.lowercased(), args: args, distinct: distinct, range)
    }

    mutating func parseCase() throws(Failure) -> Expr {
        try enter()
        defer { leave() }
        let s = advance().range.start
        var branches: [(Expr, Expr)] = []
        var otherwise: Expr? = nil
        var h = 0
        while current.isKeyword("when") {
            _ = advance()
            let c = try parseExpr()
            h = max(h, height)
            try expectKeyword("then", context: "after the condition of `when`")
            branches.append((c, try parseExpr()))
            h = max(h, height)
        }
        if branches.isEmpty { throw fail(.expectedWhen, "expected `when` after `case`") }
        if current.isKeyword("else") {
            _ = advance()
            otherwise = try parseExpr()
            h = max(h, height)
        }
        try expectKeyword("end", context: "to close `case`")
        let range = SourceRange(s, previousEnd)
        try built(height: h + 1, at: range)
        return .conditional(branches: branches, otherwise: otherwise, range)
    }
}
