import Foundation
import RealizeStore

/// Parses a statement: `[let NAME =] [explain] SOURCE (| STAGE)* [| chart …]`. Stages are separated by `|` or
/// by a line break before a verb. A source is a table, `_`, a table command with its arguments
/// (`evm by program`), or a parenthesised pipeline.
///
/// Errors are collected as diagnostics; after an error in a stage the parser skips to the next `|`.
public struct Parser {
    /// How the parser tells commands from tables.
    public struct Context: Sendable {
        /// The commands' declarations, by lower-case name.
        public var commands: [String: CommandSignature]
        /// The tables a name may also mean: a command's name that is also a table reads as the table when no
        /// argument follows it.
        public var tables: Set<String>
        /// The session's parameters (`$name`), substituted into command arguments (`evm as of $period`).
        public var parameters: [String: Value]

        public init(commands: [String: CommandSignature] = [:], tables: Set<String> = [], parameters: [String: Value] = [:]) {
            self.commands = commands
            self.tables = tables
            self.parameters = parameters
        }
    }

    let context: Context
    let sourceBytes: [UInt8]
    var tokens: [Token]
    /// Whether a line break came right before each token.
    var afterNewline: [Bool]
    var pos = 0
    /// How many expressions or bracketed pipelines enclose the current token (see `Parser+Depth.swift`).
    var depth = 0
    /// The height of the expression the last `parse…` function returned: 1 for a leaf.
    var height = 0
    public private(set) var diagnostics: [Diagnostic]

    /// Words that start a stage.
    public static let verbs: Set<String> = [
        "where", "select", "derive", "by", "agg", "join", "left", "sort", "take", "top", "distinct", "pivot", "unpivot", "window",
        "union",
    ]

    public init(_ source: String, context: Context = Context(), cancel: CancellationToken? = nil) {
        self.context = context
        sourceBytes = Array(source.utf8)
        var lexer = Lexer(source, cancel: cancel)
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
        return t.kind == .end || t.isSymbol("|") || t.isSymbol(";") || t.isSymbol(")")
            || (afterNewline[pos] && t.kind == .keyword && Parser.verbs.contains(t.text))
    }

    mutating func fail(_ id: DiagnosticID, _ message: String, at range: SourceRange? = nil, hint: String? = nil) -> Failure {
        diagnostics.append(Diagnostic(id: id, message: message, range: range ?? current.range, hint: hint))
        return Failure()
    }

    func describe(_ t: Token) -> String {
        switch t.kind {
        case .end: return "end of query"
        case .string: return "string '\(t.text)'"
        case .parameter: return "`$\(t.text)`"
        default: return "`\(t.text)`"
        }
    }

    /// Stable diagnostic ids for `expectSymbol`, by symbol.
    static let symbolNames = ["(": "opening-paren", ")": "closing-paren", "=": "equals"]

    mutating func expectSymbol(_ s: String, _ what: String) throws(Failure) {
        guard current.isSymbol(s) else {
            throw fail(.expected(Parser.symbolNames[s] ?? "symbol"), "expected `\(s)` (\(what)) but found \(describe(current))")
        }
        _ = advance()
    }

    mutating func expectKeyword(_ k: String, context: String) throws(Failure) {
        guard current.isKeyword(k) else { throw fail(.expected(k), "expected `\(k)` \(context), found \(describe(current))") }
        _ = advance()
    }

    /// - Parameter id: the diagnostic id when `what` does not make a stable one (it names a table, or quotes a keyword).
    mutating func identifier(_ what: String, id: DiagnosticID? = nil) throws(Failure) -> (String, SourceRange) {
        guard current.kind == .identifier else {
            let hint =
                current.kind == .keyword ? "`\(current.text)` is a reserved word; write `\u{60}\(current.text)\u{60}` in backticks to use it as a name" : nil
            throw fail(id ?? .expected(what.replacingOccurrences(of: " ", with: "-")), "expected \(what), found \(describe(current))", hint: hint)
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
                letName = try identifier("a name after `let`", id: .expectedAName)
                try expectSymbol("=", "after the name in `let`")
            }
            if current.isKeyword("explain") { _ = advance(); explain = true }
            var chart: ChartClause? = nil
            let pipeline = try parsePipeline(chart: &chart)
            if current.isSymbol(";") { _ = advance() }
            if current.kind != .end {
                _ = fail(.unexpectedToken, "unexpected \(describe(current)) after the end of the query", hint: "stages are separated by `|`")
            }
            return diagnostics.isEmpty ? Statement(letName: letName, explain: explain, pipeline: pipeline, chart: chart) : nil
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

    /// `SOURCE (| STAGE)*`; a final `| chart …` is read into `chart` when the caller allows one (the
    /// statement's own pipeline), and is an error inside brackets.
    mutating func parsePipeline(chart: inout ChartClause?, nested: Bool = false) throws(Failure) -> Pipeline {
        let source = try parseSource()
        var stages: [Stage] = []
        while true {
            if current.isSymbol("|") {
                _ = advance()
            } else if !(afterNewline[pos] && current.kind == .keyword && Parser.verbs.contains(current.text)) {
                break
            }
            if current.kind == .identifier && current.text.lowercased() == "chart" {
                let start = current.range
                if nested {
                    throw fail(.chartNotLast, "`chart` can only end a statement, not a pipeline in brackets", at: start)
                }
                chart = try parseChart()
                if !(current.kind == .end || current.isSymbol(";")) {
                    throw fail(.chartNotLast, "`chart` must be the last stage of a statement", hint: "draw the chart after the other stages")
                }
                break
            }
            do {
                stages.append(try parseStage())
                if !atStageBoundary {
                    throw fail(.unexpectedToken, "unexpected \(describe(current)) in `\(stages.last!.verb)` stage", hint: "stages are separated by `|`")
                }
            } catch {
                // Recover: skip to the next `|` (or the closing bracket) and keep parsing, so several errors can be reported.
                var depth = 0
                while current.kind != .end && !(depth == 0 && (current.isSymbol("|") || (nested && current.isSymbol(")")))) {
                    if current.isSymbol("(") { depth += 1 }
                    if current.isSymbol(")") { depth -= 1 }
                    _ = advance()
                }
            }
        }
        return Pipeline(source: source, stages: stages)
    }

    /// A pipeline's source: `_`, a table, a table command with its arguments, or `( pipeline )`.
    mutating func parseSource(joinTarget: Bool = false) throws(Failure) -> Source {
        // A statement that starts with `|` continues from the last result: `| chart bar program cv`.
        if current.isSymbol("|") && !joinTarget && pos == 0 { return .table("_", current.range) }
        if current.isSymbol("(") {
            try enter()
            defer { leave() }
            let open = advance()
            var noChart: ChartClause? = nil
            let inner = try parsePipeline(chart: &noChart, nested: true)
            guard current.isSymbol(")") else {
                throw fail(.expectedClosingParen, "expected `)` to close the pipeline opened here", at: open.range, hint: "add `)`")
            }
            let close = advance()
            return .pipeline(inner, SourceRange(open.range.start, close.range.end))
        }
        guard current.kind == .identifier else {
            let hint =
                current.kind == .keyword && Parser.verbs.contains(current.text)
                ? "a pipeline starts with a table name or `_` (the last result), e.g. `financials | \(current.text) …`"
                : "a pipeline starts with a table name, a command such as `evm`, or `_` (the last result)"
            throw fail(joinTarget ? .expectedATableNameToJoin : .expectedTable, "expected a table name, found \(describe(current))", hint: hint)
        }
        let name = current.text
        if let signature = context.commands[name.lowercased()], !(context.tables.contains(name) && nextEndsSource(pos + 1)) {
            return .command(try parseCommand(signature))
        }
        let t = advance()
        return .table(t.text, t.range)
    }

    /// Whether the token at `k` ends a source (nothing that could be an argument follows).
    func nextEndsSource(_ k: Int) -> Bool {
        let t = tokens[k]
        return t.kind == .end || t.isSymbol("|") || t.isSymbol(";") || t.isSymbol(")") || t.isKeyword("on")
            || (afterNewline[k] && t.kind == .keyword && Parser.verbs.contains(t.text))
    }
}
