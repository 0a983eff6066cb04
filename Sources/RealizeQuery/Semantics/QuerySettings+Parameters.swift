import RealizeStore

extension QuerySettings {
    /// The value of parameter `name` (`$name` in a query).
    ///
    /// - Throws: ``Diagnostic`` `unknown-parameter` at `range`, suggesting the nearest parameter's name.
    func parameter(_ name: String, at range: SourceRange) throws(Diagnostic) -> Value {
        if let v = parameters[name] { return v }
        let names = parameters.keys.sorted()
        let hint =
            Suggest.nearest(name, in: names).map { "did you mean `$\($0)`?" }
            ?? (names.isEmpty
                ? "set one with `.param set \(name) VALUE` or `--param \(name)=VALUE`" : "parameters: " + names.map { "$" + $0 }.joined(separator: ", "))
        throw Diagnostic(id: .unknownParameter, message: "unknown parameter `$\(name)`", range: range, hint: hint)
    }

    /// Reads a parameter's value as the language reads a literal: `2025-12` is a period, `2025-12-31` a date,
    /// `42` and `-1.5` numbers, `'text'` or `"text"` text, `true`/`false` a bool; a bare word is text.
    ///
    /// - Throws: ``Diagnostic`` (`bad-date`, `bad-period`, `bad-number`) for a malformed literal.
    public static func parameterValue(_ text: String) throws(Diagnostic) -> Value {
        let trimmed = text.trimmingCharacters()
        var lexer = Lexer(trimmed)
        let tokens = lexer.tokenize().filter { $0.kind != .end && $0.kind != .newline }
        let binder = Binder(schema: [], settings: QuerySettings())
        var negative = false
        var rest = tokens[...]
        if rest.count == 2, rest.first?.isSymbol("-") == true { negative = true; rest = rest.dropFirst() }
        guard lexer.diagnostics.isEmpty, rest.count == 1, let t = rest.first else { return .text(trimmed) }
        let literal: LiteralValue
        switch t.kind {
        case .integer: literal = .integer((negative ? "-" : "") + t.text)
        case .number: literal = .number((negative ? "-" : "") + t.text)
        case .date where !negative: literal = .date(t.text)
        case .period where !negative: literal = .period(t.text)
        case .string where !negative: literal = .string(t.text)
        case .keyword where t.text == "true" || t.text == "false": literal = .bool(t.text == "true")
        case .keyword where t.text == "null": literal = .null
        default: return .text(trimmed)
        }
        return try binder.literalValue(literal, t.range)
    }
}
