import RealizeQuery
import RealizeStore

/// Reads a domain command's argument tokens: words (`by program`, `as of 2025-06`), names, periods, dates,
/// numbers and rates. Every domain command parses its arguments with this.
///
/// Words match identifiers and keywords alike, case-insensitively, so `by`, `as` and `of` read the same.
struct CommandArguments {
    let tokens: [Token]
    let command: String
    let usage: String
    let commandRange: SourceRange
    private(set) var index = 0

    init(_ tokens: [Token], command: String, usage: String, at range: SourceRange) {
        self.tokens = tokens.filter { $0.kind != .end && $0.kind != .newline }
        self.command = command
        self.usage = usage
        self.commandRange = range
    }

    var isAtEnd: Bool { index >= tokens.count }
    var current: Token? { index < tokens.count ? tokens[index] : nil }
    /// The range of the current token, or the end of the command when none is left.
    var currentRange: SourceRange { current?.range ?? tokens.last?.range ?? commandRange }

    /// Whether the current token is `word` (an identifier or keyword, any case); consumes it if so.
    mutating func accept(_ word: String) -> Bool {
        guard let t = current, t.kind == .identifier || t.kind == .keyword, t.text.lowercased() == word else { return false }
        index += 1
        return true
    }

    /// Whether the current token is `word`, without consuming it.
    func peek(_ word: String) -> Bool {
        guard let t = current, t.kind == .identifier || t.kind == .keyword else { return false }
        return t.text.lowercased() == word
    }

    /// Consumes `word` or fails.
    mutating func expect(_ word: String, context: String) throws(QueryError) {
        guard accept(word) else { throw failure("expected-\(word)", "expected `\(word)` \(context)") }
    }

    /// Consumes the current token when it is the symbol `symbol`.
    mutating func acceptSymbol(_ symbol: String) -> Bool {
        guard current?.isSymbol(symbol) == true else { return false }
        index += 1
        return true
    }

    /// Consumes `word` or fails, saying which word it should follow.
    mutating func expect(_ word: String, after: String) throws(QueryError) {
        guard accept(word) else { throw failure("expected-\(word)", "expected `\(word)` after `\(after)`") }
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

    /// A name: an identifier (possibly `quoted`), a keyword used as a name, or a string.
    mutating func name(_ what: String) throws(QueryError) -> (text: String, range: SourceRange) {
        guard let t = current, t.kind == .identifier || t.kind == .keyword || t.kind == .string else {
            throw failure("expected-a-name", "expected \(what) after `\(previousText)`")
        }
        index += 1
        return (t.text, t.range)
    }

    /// A year-month period written YYYY-MM.
    mutating func period() throws(QueryError) -> Int32 {
        guard let t = current, t.kind == .period, let p = CivilCalendar.parsePeriod(Array(t.text.utf8)) else {
            throw failure("expected-period", "expected a period written YYYY-MM after `\(previousText)`")
        }
        index += 1
        return p
    }

    /// A rate: `8%`, `8 %` or `0.08` (a plain number above 1 is read as a percentage too: `rate 8`).
    mutating func rate() throws(QueryError) -> Double {
        let negative = current?.isSymbol("-") == true
        if negative { index += 1 }
        guard let t = current, t.kind == .integer || t.kind == .number, let v = Double(t.text) else {
            throw failure("expected-rate", "expected a rate such as 8% or 0.08 after `\(previousText)`")
        }
        index += 1
        var r = v
        if current?.isSymbol("%") == true { index += 1; r = v / 100 } else if v > 1 { r = v / 100 }
        return negative ? -r : r
    }

    /// A plain number (`0.9`).
    mutating func number() throws(QueryError) -> Double {
        guard let t = current, t.kind == .integer || t.kind == .number, let v = Double(t.text) else {
            throw failure("expected-number", "expected a number after `\(previousText)`")
        }
        index += 1
        return v
    }

    private var previousText: String { index > 0 ? tokens[index - 1].text : command }

    /// Fails on the current token: it is not an argument the command knows.
    func unexpected(_ expected: String) -> QueryError {
        guard let t = current else { return failure("expected-argument", "`\(command)` expected \(expected)") }
        return failure("unexpected-argument", "unexpected `\(t.text)` in `\(command)`; expected \(expected)")
    }

    /// An error at `range` (default: the current token, or the command), with the usage as a hint.
    func failure(_ id: String, _ message: String, at range: SourceRange? = nil) -> QueryError {
        QueryError(Diagnostic(id: id, message: message, range: range ?? currentRange, hint: "usage: \(usage)"))
    }
}

/// Errors about a command's input data, at the command's name.
enum InputError {
    static func make(_ id: String, _ message: String, at range: SourceRange, hint: String? = nil) -> QueryError {
        QueryError(Diagnostic(id: id, message: message, range: range, hint: hint))
    }
}
