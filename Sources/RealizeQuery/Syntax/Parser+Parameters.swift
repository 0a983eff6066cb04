import RealizeStore

extension Parser {
    /// Replaces a `$name` token that stands where a command argument or a row count goes (`evm as of
    /// $period`, `take $top`) with the
    /// literal token its value would be written as, so the argument is checked exactly like a literal.
    ///
    /// Expressions keep `$name` for the binder; command arguments and counts are read here, by the parser.
    /// - Throws: `unknown-parameter`, suggesting the nearest name.
    mutating func substituteParameter() throws(Failure) {
        let t = current
        guard t.kind == .parameter else { return }
        guard let value = context.parameters[t.text] else {
            let names = context.parameters.keys.sorted()
            let hint =
                Suggest.nearest(t.text, in: names).map { "did you mean `$\($0)`?" }
                ?? "set one with `.param set \(t.text) VALUE` or `--param \(t.text)=VALUE`"
            throw fail(.unknownParameter, "unknown parameter `$\(t.text)`", hint: hint)
        }
        let kind: Token.Kind
        switch value {
        case .int: kind = .integer
        case .double, .decimal: kind = .number
        case .date: kind = .date
        case .period: kind = .period
        case .text: kind = .string
        case .bool, .null: kind = .keyword
        }
        tokens[pos] = Token(kind: kind, text: value.isNull ? "null" : value.description, range: t.range)
    }
}
