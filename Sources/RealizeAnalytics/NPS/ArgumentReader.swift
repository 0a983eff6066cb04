import RealizeQuery
import RealizeStore

/// Reads the argument tokens of `nps` and `maturity`: words (`by`, `quarterly`, `as of`), names, dates, numbers.
///
/// Words match identifiers and keywords alike, case-insensitively. Errors point at the offending token and carry
/// the command's usage as a hint.
struct ArgumentReader {
    private let tokens: [Token]
    private let command: String
    private let usage: String
    private let commandRange: SourceRange
    private(set) var index = 0

    init(_ tokens: [Token], command: String, usage: String, at range: SourceRange) {
        self.tokens = tokens.filter { $0.kind != .end && $0.kind != .newline }
        self.command = command
        self.usage = usage
        self.commandRange = range
    }

    var isAtEnd: Bool { index >= tokens.count }
    var current: Token? { index < tokens.count ? tokens[index] : nil }
    /// The current token's range, or the last argument's (the command's) when none is left.
    var currentRange: SourceRange { current?.range ?? tokens.last?.range ?? commandRange }

    /// Consumes the current token when it is the word `word`.
    mutating func accept(_ word: String) -> Bool {
        guard let t = current, t.kind == .identifier || t.kind == .keyword, t.text.lowercased() == word else { return false }
        index += 1
        return true
    }

    /// Consumes the current token when it is the symbol `symbol`.
    mutating func acceptSymbol(_ symbol: String) -> Bool {
        guard current?.isSymbol(symbol) == true else { return false }
        index += 1
        return true
    }

    /// Consumes `word` or fails.
    mutating func expect(_ word: String, after: String) throws(QueryError) {
        guard accept(word) else { throw failure("expected-\(word)", "expected `\(word)` after `\(after)`") }
    }

    /// A name: an identifier (possibly `quoted`), a keyword used as a name, or a string.
    mutating func name(_ what: String) throws(QueryError) -> (text: String, range: SourceRange) {
        guard let t = current, t.kind == .identifier || t.kind == .keyword || t.kind == .string else {
            throw failure("expected-a-name", "expected \(what) after `\(previousText)`")
        }
        index += 1
        return (t.text, t.range)
    }

    /// `NAME[, NAME…]`.
    mutating func names(_ what: String) throws(QueryError) -> [(text: String, range: SourceRange)] {
        var out = [try name(what)]
        while acceptSymbol(",") { out.append(try name(what)) }
        return out
    }

    /// A date `YYYY-MM-DD`, or a period `YYYY-MM` read as its last day.
    mutating func date() throws(QueryError) -> Int32 {
        if let t = current, t.kind == .date, let d = CivilCalendar.parseDate(Array(t.text.utf8)) {
            index += 1
            return d
        }
        if let t = current, t.kind == .period, let p = CivilCalendar.parsePeriod(Array(t.text.utf8)) {
            index += 1
            let (y, m) = CivilCalendar.yearMonth(period: p)
            return CivilCalendar.days(year: y, month: m, day: CivilCalendar.daysInMonth(year: y, month: m))
        }
        throw failure("expected-date", "expected a date written YYYY-MM-DD (or a month YYYY-MM) after `\(previousText)`")
    }

    /// A whole number at least `minimum`.
    mutating func integer(minimum: Int) throws(QueryError) -> Int {
        guard let t = current, t.kind == .integer, let v = Int(t.text), v >= minimum else {
            throw failure("expected-integer", "expected a whole number of at least \(minimum) after `\(previousText)`")
        }
        index += 1
        return v
    }

    private var previousText: String { index > 0 ? tokens[index - 1].text : command }

    /// The current token is not an argument the command knows.
    func unexpected(_ expected: String) -> QueryError {
        guard let t = current else { return failure("expected-argument", "`\(command)` expected \(expected)") }
        return failure("unexpected-argument", "unexpected `\(t.text)` in `\(command)`; expected \(expected)")
    }

    /// An error at the current token (or the end of the arguments), with the usage as a hint.
    func failure(_ id: String, _ message: String, at range: SourceRange? = nil) -> QueryError {
        QueryError(Diagnostic(id: id, message: message, range: range ?? currentRange, hint: "usage: \(usage)"))
    }
}
