/// A lexical token of the query language.
public struct Token: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case identifier  // name, or `quoted name`
        case keyword  // a reserved word (see Lexer.keywords)
        case integer
        case number  // with a decimal point or exponent
        case string  // 'text' or "text"
        case date  // 2025-06-30
        case period  // 2025-06
        case parameter  // $name: a value set with `.param set` or `--param` (text is the name without `$`)
        case symbol  // operators and punctuation
        case newline  // a line break (a stage separator where a stage could end)
        case end
    }
    public var kind: Kind
    /// The token text; for strings and quoted identifiers, the unquoted value.
    public var text: String
    public var range: SourceRange

    public func `is`(_ k: Kind, _ t: String) -> Bool { kind == k && text == t }
    public func isSymbol(_ t: String) -> Bool { kind == .symbol && text == t }
    public func isKeyword(_ t: String) -> Bool { kind == .keyword && text == t }
}
