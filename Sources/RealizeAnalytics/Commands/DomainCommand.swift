import RealizeQuery
import RealizeStore

/// A domain command of the shell (`evm`, `trend`, `benefits`, `nps`, `maturity`, …): a statement that starts with
/// the command's name, takes its own arguments, and produces a table that later stages can pipe on
/// (`evm by program | where cpi < 0.9`).
public protocol DomainCommand: Sendable {
    /// The word that starts the statement.
    var name: String { get }
    /// One line for `.help`.
    var summary: String { get }
    /// Usage with an example, for `.help NAME` and errors.
    var usage: String { get }
    /// Runs the command.
    ///
    /// - Parameters:
    ///   - arguments: the tokens after the command's name, up to the first `|` (positions are in the statement's text).
    ///   - at: the range of the command's name, for errors about the command as a whole.
    ///   - session: the query session: its catalog, settings (fiscal year, today) and measures.
    /// - Throws: ``QueryError`` with positions in the statement.
    func run(arguments: [Token], at: SourceRange, session: QuerySession) throws(QueryError) -> Table
}

/// The registry of domain commands and the glue that lets their results flow into pipelines.
public enum DomainCommands {
    /// Every command, in `.help` order. Each issue's commands add themselves here.
    public static let all: [any DomainCommand] = registered

    /// Names, for completion and help.
    public static var names: [String] { all.map(\.name) }

    /// Measures usable inside `agg` (registered into each session).
    public static var measures: [String: Measure] { registeredMeasures }

    /// Puts the domain measures into a session's settings.
    public static func install(into session: inout QuerySession) {
        for (k, v) in measures { session.settings.measures[k] = v }
    }

    /// Runs `text` if it starts with a domain command (optionally `let NAME = command …`), then any `| stages` after it
    /// on its result. Returns nil when `text` is not a domain command, so the caller runs it as a query.
    public static func run(_ text: String, session: inout QuerySession, cancel: CancellationToken? = nil) throws(QueryError) -> StatementOutcome? {
        var lexer = Lexer(text)
        let tokens = lexer.tokenize().filter { $0.kind != .newline }
        var k = 0
        var letName: String? = nil
        if tokens.count > 3, tokens[0].isKeyword("let"), tokens[1].kind == .identifier, tokens[2].isSymbol("=") {
            letName = tokens[1].text
            k = 3
        }
        guard k < tokens.count, tokens[k].kind == .identifier,
            let command = all.first(where: { $0.name == tokens[k].text.lowercased() })
        else { return nil }
        // A domain command name that is also a table (a user's `nps` table) reads as the table when a pipe follows directly.
        if session.catalog[tokens[k].text] != nil, k + 1 < tokens.count, tokens[k + 1].isSymbol("|") || tokens[k + 1].kind == .end {
            return nil
        }
        if let bad = lexer.diagnostics.first { throw QueryError(bad) }
        var end = k + 1
        while end < tokens.count, !tokens[end].isSymbol("|"), tokens[end].kind != .end { end += 1 }
        let arguments = Array(tokens[(k + 1)..<end])
        let result = try command.run(arguments: arguments, at: tokens[k].range, session: session)
        var outcome: StatementOutcome = .table(result)
        var final = result
        if end < tokens.count, tokens[end].isSymbol("|") {
            // Run the rest as `_ | …` over the command's result, keeping every position where the user typed it.
            let pipeOffset = tokens[end].range.start.offset
            let bytes = Array(text.utf8)
            var masked = bytes[0..<pipeOffset].map { $0 == 10 ? UInt8(10) : UInt8(32) }
            masked[tokens[k].range.start.offset] = UInt8(ascii: "_")
            let rest = String(decoding: masked + bytes[pipeOffset...], as: UTF8.self)
            var inner = session
            inner.lastResult = result
            switch try inner.run(rest, cancel: cancel) {
            case .table(let t): final = t; outcome = .table(t)
            case .defined(_, let t): final = t; outcome = .table(t)
            case .plan(let p): outcome = .plan(p)
            }
        }
        if let name = letName {
            session.catalog.set(name, final)
            outcome = .defined(name: name, table: final)
        }
        session.lastResult = final
        return outcome
    }
}
