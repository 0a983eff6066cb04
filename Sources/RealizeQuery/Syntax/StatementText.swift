/// Questions about raw statement text, all answered from the ``Lexer``'s tokens, so that the shell, scripts,
/// notebooks and completion read comments, quotes and brackets exactly as the parser does.
///
/// - Complexity: each call lexes its text once, O(n).
public enum StatementText {
    /// The UTF-8 offsets of each `;` that ends a statement: outside quotes, comments and brackets.
    public static func separatorOffsets(in text: String) -> [Int] {
        var depth = 0
        var out: [Int] = []
        for t in tokens(text) {
            if t.isSymbol("(") || t.isSymbol("[") { depth += 1 }
            if t.isSymbol(")") || t.isSymbol("]") { depth = max(0, depth - 1) }
            if depth == 0 && t.isSymbol(";") { out.append(t.range.start.offset) }
        }
        return out
    }

    /// Whether `text` holds nothing but blanks and comments.
    public static func isBlank(_ text: String) -> Bool {
        var lexer = Lexer(text)
        return lexer.tokenize().allSatisfy { $0.kind == .newline || $0.kind == .end } && lexer.diagnostics.isEmpty
    }

    /// Whether `text` is an unfinished statement: a quote or bracket is still open, or it ends with `|` or `,`.
    public static func isIncomplete(_ text: String) -> Bool {
        var lexer = Lexer(text)
        let all = lexer.tokenize()
        if lexer.diagnostics.contains(where: { $0.id == "unterminated-string" }) { return true }
        var depth = 0
        var last: Token? = nil
        for t in all where t.kind != .newline && t.kind != .end {
            if t.isSymbol("(") || t.isSymbol("[") { depth += 1 }
            if t.isSymbol(")") || t.isSymbol("]") { depth -= 1 }
            last = t
        }
        guard let last else { return false }
        return depth > 0 || last.isSymbol("|") || last.isSymbol(",")
    }

    /// Whether `line` continues the pipeline of the lines before it: its first token is `|` or a verb.
    /// A line of only comments does not decide (nil): the next line will. A blank line ends the pipeline.
    public static func continuesPipeline(_ line: String) -> Bool? {
        if line.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) { return false }
        var lexer = Lexer(line)
        guard let first = lexer.tokenize().first(where: { $0.kind != .newline }), first.kind != .end else {
            return lexer.diagnostics.isEmpty ? nil : false
        }
        return first.isSymbol("|") || (first.kind == .keyword && Parser.verbs.contains(first.text))
    }

    /// The tokens of `text` outside comments, without line breaks and the end marker.
    static func tokens(_ text: String) -> [Token] {
        var lexer = Lexer(text)
        return lexer.tokenize().filter { $0.kind != .newline && $0.kind != .end }
    }
}
