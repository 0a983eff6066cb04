import Foundation

/// Parses a statement: `[let NAME =] [explain] SOURCE (| STAGE)*`. Stages are separated by `|` or by a
/// line break before a verb.
///
/// Errors are collected as diagnostics; after an error in a stage the parser skips to the next `|`.
public struct Parser {
    var tokens: [Token]
    /// Whether a line break came right before each token.
    var afterNewline: [Bool]
    var pos = 0
    public private(set) var diagnostics: [Diagnostic]

    /// Words that start a stage.
    public static let verbs: Set<String> = ["where", "select", "derive", "by", "agg", "join", "left", "sort", "take", "top", "distinct", "pivot", "window"]

    public init(_ source: String) {
        var lexer = Lexer(source)
        let all = lexer.tokenize()
        var toks: [Token] = []
        var nl: [Bool] = []
        var sawNewline = false
        for t in all {
            if t.kind == .newline { sawNewline = true; continue }
            toks.append(t); nl.append(sawNewline); sawNewline = false
        }
        tokens = toks
        afterNewline = nl
        diagnostics = lexer.diagnostics
    }

    struct Failure: Error {}

    var current: Token { tokens[pos] }
    var previousEnd: SourceLocation { pos > 0 ? tokens[pos - 1].range.end : tokens[0].range.start }
    mutating func advance() -> Token { let t = tokens[pos]; if pos < tokens.count - 1 { pos += 1 }; return t }
    var atStageBoundary: Bool {
        let t = current
        return t.kind == .end || t.isSymbol("|") || t.isSymbol(";") || (afterNewline[pos] && t.kind == .keyword && Parser.verbs.contains(t.text))
    }

    mutating func fail(_ id: String, _ message: String, at range: SourceRange? = nil, hint: String? = nil) -> Failure {
        diagnostics.append(Diagnostic(id: id, message: message, range: range ?? current.range, hint: hint))
        return Failure()
    }

    func describe(_ t: Token) -> String {
        switch t.kind {
        case .end: return "end of query"
        case .string: return "string '\(t.text)'"
        default: return "`\(t.text)`"
        }
    }

    /// Stable diagnostic ids for `expectSymbol`, by symbol.
    static let symbolNames = ["(": "opening-paren", ")": "closing-paren", "=": "equals"]

    mutating func expectSymbol(_ s: String, _ what: String) throws(Failure) {
        guard current.isSymbol(s) else {
            throw fail("expected-\(Parser.symbolNames[s] ?? "symbol")", "expected `\(s)` (\(what)) but found \(describe(current))")
        }
        _ = advance()
    }

    mutating func expectKeyword(_ k: String, context: String) throws(Failure) {
        guard current.isKeyword(k) else { throw fail("expected-\(k)", "expected `\(k)` \(context), found \(describe(current))") }
        _ = advance()
    }

    /// - Parameter id: the diagnostic id when `what` does not make a stable one (it names a table, or quotes a keyword).
    mutating func identifier(_ what: String, id: String? = nil) throws(Failure) -> (String, SourceRange) {
        guard current.kind == .identifier else {
            let hint =
                current.kind == .keyword ? "`\(current.text)` is a reserved word; write `\u{60}\(current.text)\u{60}` in backticks to use it as a name" : nil
            throw fail(id ?? "expected-\(what.replacingOccurrences(of: " ", with: "-"))", "expected \(what), found \(describe(current))", hint: hint)
        }
        let t = advance()
        return (t.text, t.range)
    }

    /// Parses the whole text as one statement.
    public mutating func parseStatement() -> Statement? {
        var letName: (String, SourceRange)? = nil
        var explain = false
        do {
            if current.isKeyword("let") {
                _ = advance()
                letName = try identifier("a name after `let`", id: "expected-a-name")
                try expectSymbol("=", "after the name in `let`")
            }
            if current.isKeyword("explain") { _ = advance(); explain = true }
            let pipeline = try parsePipeline()
            if current.isSymbol(";") { _ = advance() }
            if current.kind != .end {
                _ = fail("unexpected-token", "unexpected \(describe(current)) after the end of the query", hint: "stages are separated by `|`")
            }
            return diagnostics.isEmpty ? Statement(letName: letName, explain: explain, pipeline: pipeline) : nil
        } catch {
            return nil
        }
    }

    /// Parses the whole text as one expression (measure definitions).
    public mutating func parseExpressionOnly() -> Expr? {
        do {
            let e = try parseExpr()
            return current.kind == .end && diagnostics.isEmpty ? e : nil
        } catch {
            return nil
        }
    }

    mutating func parsePipeline() throws(Failure) -> Pipeline {
        let source: (String, SourceRange)
        if current.kind == .identifier && current.text == "_" || current.kind == .identifier {
            source = (current.text, current.range)
            _ = advance()
        } else {
            let hint =
                current.kind == .keyword && Parser.verbs.contains(current.text)
                ? "a pipeline starts with a table name or `_` (the last result), e.g. `financials | \(current.text) …`"
                : "a pipeline starts with a table name or `_` (the last result)"
            throw fail("expected-table", "expected a table name, found \(describe(current))", hint: hint)
        }
        var stages: [Stage] = []
        while true {
            if current.isSymbol("|") {
                _ = advance()
            } else if !(afterNewline[pos] && current.kind == .keyword && Parser.verbs.contains(current.text)) {
                break
            }
            do {
                stages.append(try parseStage())
                if !atStageBoundary {
                    throw fail("unexpected-token", "unexpected \(describe(current)) in `\(stages.last!.verb)` stage", hint: "stages are separated by `|`")
                }
            } catch {
                // Recover: skip to the next `|` and keep parsing, so several errors can be reported.
                while current.kind != .end && !current.isSymbol("|") { _ = advance() }
            }
        }
        return Pipeline(source: source.0, sourceRange: source.1, stages: stages)
    }
}
