import Foundation

/// Splits query text into tokens, tracking line and column; never throws: bad characters become
/// diagnostics and are skipped.
public struct Lexer {
    /// Words with a meaning of their own; a column with such a name is written in backticks.
    public static let keywords: Set<String> = [
        "let", "where", "select", "derive", "by", "agg", "join", "left", "union", "on", "sort", "take", "top",
        "distinct", "pivot", "unpivot", "explain", "window", "order",
        "and", "or", "not", "in", "between", "is", "null", "true", "false", "if", "then", "else",
        "case", "when", "end", "contains", "starts", "ends", "with", "like", "as", "except", "asc", "desc",
    ]

    private let bytes: [UInt8]
    private var i = 0
    private var line = 1
    private var lineStart = 0
    /// The column of ``i``, kept up to date from the last computed position (so lexing stays linear).
    private var columnCache = (offset: 0, column: 1)
    public private(set) var diagnostics: [Diagnostic] = []
    /// Checked every 64 KiB, so that Ctrl-C stops lexing a huge paste.
    private let cancel: CancellationToken?

    public init(_ source: String, cancel: CancellationToken? = nil) {
        bytes = Array(source.utf8)
        self.cancel = cancel
    }

    /// Whether lexing stopped early because ``cancel`` was raised.
    public private(set) var wasCancelled = false

    /// Where the lexer is. Columns count characters, not bytes: non-continuation bytes since the line start,
    /// counted from the last position asked for, so that each byte is counted once.
    ///
    /// - Complexity: amortised O(1) per token.
    private mutating func location() -> SourceLocation {
        if columnCache.offset <= lineStart || columnCache.offset > i { columnCache = (lineStart, 1) }
        var col = columnCache.column
        var k = columnCache.offset
        while k < i {
            if bytes[k] & 0xC0 != 0x80 { col += 1 }
            k += 1
        }
        columnCache = (i, col)
        return SourceLocation(line: line, column: col, offset: i)
    }

    /// All tokens, ending with `.end`.
    public mutating func tokenize() -> [Token] {
        var out: [Token] = []
        var nextCheck = 1 << 16
        while true {
            if i >= nextCheck {
                nextCheck = i + (1 << 16)
                if cancel?.isCancelled == true {
                    wasCancelled = true
                    let here = location()
                    out.append(Token(kind: .end, text: "", range: SourceRange(here, here)))
                    return out
                }
            }
            let t = next()
            out.append(t)
            if t.kind == .end { return out }
        }
    }

    private func peek(_ k: Int = 0) -> UInt8 { i + k < bytes.count ? bytes[i + k] : 0 }
    private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    private static func isIdentStart(_ c: UInt8) -> Bool { (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c == 95 || c >= 0x80 }
    private static func isIdent(_ c: UInt8) -> Bool { isIdentStart(c) || isDigit(c) }

    private mutating func next() -> Token {
        // Skip spaces and comments (`#` or `--` to end of line).
        while i < bytes.count {
            let c = bytes[i]
            if c == 32 || c == 9 || c == 13 { i += 1; continue }
            if c == UInt8(ascii: "#") || (c == UInt8(ascii: "-") && peek(1) == UInt8(ascii: "-")) {
                while i < bytes.count && bytes[i] != 10 { i += 1 }
                continue
            }
            break
        }
        let start = location()
        guard i < bytes.count else { return Token(kind: .end, text: "", range: SourceRange(start, start)) }
        let c = bytes[i]
        func make(_ kind: Token.Kind, _ text: String) -> Token { Token(kind: kind, text: text, range: SourceRange(start, location())) }
        if c == 10 {
            i += 1
            let t = make(.newline, "\n")
            line += 1
            lineStart = i
            return t
        }
        if Lexer.isDigit(c) || (c == UInt8(ascii: ".") && Lexer.isDigit(peek(1))) { return lexNumber(start) }
        if Lexer.isIdentStart(c) {
            let s = i
            while i < bytes.count && Lexer.isIdent(bytes[i]) { i += 1 }
            let word = String(decoding: bytes[s..<i], as: UTF8.self)
            let lower = word.lowercased()
            return make(Lexer.keywords.contains(lower) ? .keyword : .identifier, Lexer.keywords.contains(lower) ? lower : word)
        }
        if c == UInt8(ascii: "$"), Lexer.isIdentStart(peek(1)) {
            i += 1
            let s = i
            while i < bytes.count && Lexer.isIdent(bytes[i]) { i += 1 }
            return make(.parameter, String(decoding: bytes[s..<i], as: UTF8.self))
        }
        if c == UInt8(ascii: "`") || c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") {
            i += 1
            var buf: [UInt8] = []
            while i < bytes.count {
                if bytes[i] == c {
                    if peek(1) == c { buf.append(c); i += 2; continue }
                    break
                }
                if bytes[i] == 10 { line += 1; lineStart = i + 1 }
                buf.append(bytes[i]); i += 1
            }
            if i >= bytes.count {
                diagnostics.append(
                    Diagnostic(
                        id: .unterminatedString, message: "unterminated \(c == UInt8(ascii: "`") ? "quoted name" : "string")",
                        range: SourceRange(start, location()), hint: "close it with \(String(UnicodeScalar(c)))"))
            } else {
                i += 1
            }
            return make(c == UInt8(ascii: "`") ? .identifier : .string, String(decoding: buf, as: UTF8.self))
        }
        let two = i + 1 < bytes.count ? String(decoding: bytes[i...i + 1], as: UTF8.self) : ""
        if ["<=", ">=", "!=", "<>", "==", "||"].contains(two) { i += 2; return make(.symbol, two == "<>" ? "!=" : two == "==" ? "=" : two) }
        if "|,()=<>+-*/%.;[]".utf8.contains(c) { i += 1; return make(.symbol, String(UnicodeScalar(c))) }
        // Unknown character: report and skip it (the whole UTF-8 sequence).
        i += 1
        while i < bytes.count && bytes[i] & 0xC0 == 0x80 { i += 1 }
        let text = String(decoding: bytes[start.offset..<i], as: UTF8.self)
        diagnostics.append(Diagnostic(id: .unexpectedCharacter, message: "unexpected character `\(text)`", range: SourceRange(start, location())))
        return next()
    }

    private mutating func lexNumber(_ start: SourceLocation) -> Token {
        let s = i
        // Date 2025-06-30 or period 2025-06: four digits, dash, two digits, not followed by more digits.
        if i + 7 <= bytes.count, (0..<4).allSatisfy({ Lexer.isDigit(peek($0)) }), peek(4) == UInt8(ascii: "-"),
            Lexer.isDigit(peek(5)), Lexer.isDigit(peek(6)), !Lexer.isDigit(peek(7))
        {
            if peek(7) == UInt8(ascii: "-"), Lexer.isDigit(peek(8)), Lexer.isDigit(peek(9)), !Lexer.isDigit(peek(10)) {
                i += 10
                return Token(kind: .date, text: String(decoding: bytes[s..<i], as: UTF8.self), range: SourceRange(start, location()))
            }
            i += 7
            return Token(kind: .period, text: String(decoding: bytes[s..<i], as: UTF8.self), range: SourceRange(start, location()))
        }
        var isFloat = false
        while Lexer.isDigit(peek()) || peek() == UInt8(ascii: "_") { i += 1 }
        if peek() == UInt8(ascii: ".") && Lexer.isDigit(peek(1)) {
            isFloat = true
            i += 1
            while Lexer.isDigit(peek()) { i += 1 }
        }
        var hasExp = false
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            let save = i
            i += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { i += 1 }
            if Lexer.isDigit(peek()) { while Lexer.isDigit(peek()) { i += 1 }; hasExp = true } else { i = save }
        }
        let text = String(decoding: bytes[s..<i], as: UTF8.self).replacingOccurrences(of: "_", with: "")
        return Token(kind: hasExp ? .number : (isFloat ? .number : .integer), text: text, range: SourceRange(start, location()))
    }
}
