import RealizeQuery

/// What a trailing `| chart …` stage asks for:
///
/// ```
/// chart bar LABEL VALUE [title "…"] [unit "…"] [to PATH.svg]
/// chart line X Y [by GROUP] [title "…"] [unit "…"] [to PATH.svg]
/// chart radar DIMENSION SCORE TARGET [by GROUP] [title "…"] [to PATH.svg]
/// ```
///
/// Positions are those of the whole statement, so errors point into what the user typed.
public struct ChartSpec: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case bar, line, radar

        /// The columns each kind takes, for usage messages.
        var arguments: [String] {
            switch self {
            case .bar: ["LABEL", "VALUE"]
            case .line: ["X", "Y"]
            case .radar: ["DIMENSION", "SCORE", "TARGET"]
            }
        }

        var usage: String {
            let by = self == .bar ? "" : " [by GROUP]"
            return "chart \(rawValue) \(arguments.joined(separator: " "))\(by) [title \"…\"] [unit \"…\"] [to PATH.svg]"
        }
    }

    /// A column named in the stage, with where it was written.
    public struct ColumnRef: Sendable {
        public var name: String
        public var range: SourceRange
    }

    public var kind: Kind
    public var columns: [ColumnRef]
    public var group: ColumnRef?
    public var title: String?
    public var unit: String?
    /// The SVG file to write (`to PATH`); nil draws the chart in the terminal.
    public var path: String?
    /// Where the path was written.
    public var pathRange: SourceRange?
    /// The whole `chart …` stage.
    public var range: SourceRange

    /// The title shown when none is given: `cpi by period, per program`.
    public var defaultTitle: String {
        switch kind {
        case .bar: return "\(columns[1].name) by \(columns[0].name)"
        case .line: return "\(columns[1].name) by \(columns[0].name)" + (group.map { ", per \($0.name)" } ?? "")
        case .radar: return "\(columns[1].name) against \(columns[2].name) by \(columns[0].name)" + (group.map { ", per \($0.name)" } ?? "")
        }
    }

    public var displayTitle: String { title ?? defaultTitle }
}

/// Finds and parses a trailing top-level `| chart …` stage.
public enum ChartStage {
    /// Splits `text` into the statement before a final `| chart …` stage and that stage's spec.
    ///
    /// Returns nil when the statement has no such stage (it ends some other way, or `chart` only
    /// appears inside brackets, quotes or comments).
    /// - Throws: ``QueryError`` for a malformed chart stage, pointing at the offending word.
    public static func split(_ text: String) throws(QueryError) -> (head: String, spec: ChartSpec)? {
        var lexer = Lexer(text)
        // Line breaks only separate stages; `|` then `chart` on the next line is still a chart stage.
        let tokens = lexer.tokenize().filter { $0.kind != .newline }
        var depth = 0
        var start: Int? = nil
        for (k, t) in tokens.enumerated() {
            if t.isSymbol("(") || t.isSymbol("[") { depth += 1 }
            if t.isSymbol(")") || t.isSymbol("]") { depth = max(0, depth - 1) }
            if depth == 0, t.isSymbol("|"), k + 1 < tokens.count, tokens[k + 1].kind == .identifier,
                tokens[k + 1].text.lowercased() == "chart"
            {
                start = k
            }
        }
        guard let pipe = start else { return nil }
        let head = String(decoding: Array(text.utf8)[..<tokens[pipe].range.start.offset], as: UTF8.self)
        let spec = try parse(tokens: Array(tokens[(pipe + 1)...]), text: text)
        return (head, spec)
    }

    private static func parse(tokens: [Token], text: String) throws(QueryError) -> ChartSpec {
        let chartWord = tokens[0]
        let significant = tokens.filter { $0.kind != .newline }
        let end = significant.last { $0.kind != .end }?.range.end ?? chartWord.range.end
        let whole = SourceRange(chartWord.range.start, end)
        func fail(_ id: String, _ message: String, _ range: SourceRange, hint: String? = nil) -> QueryError {
            QueryError(Diagnostic(id: id, message: message, range: range, hint: hint))
        }
        guard significant.count > 1, significant[1].kind != .end else {
            throw fail(
                "chart-kind-missing", "expected a chart kind after `chart`", chartWord.range,
                hint: "chart bar LABEL VALUE, chart line X Y [by GROUP], chart radar DIMENSION SCORE TARGET")
        }
        let kindToken = significant[1]
        guard let kind = ChartSpec.Kind(rawValue: kindToken.text.lowercased()) else {
            let names = ChartSpec.Kind.allCases.map(\.rawValue)
            let guess = names.min { editDistance($0, kindToken.text.lowercased()) < editDistance($1, kindToken.text.lowercased()) }
            let hint = guess.flatMap { editDistance($0, kindToken.text.lowercased()) <= 2 ? "did you mean `\($0)`?" : nil } ?? "kinds: bar, line, radar"
            throw fail("unknown-chart-kind", "unknown chart kind `\(kindToken.text)`", kindToken.range, hint: hint)
        }
        var spec = ChartSpec(kind: kind, columns: [], range: whole)
        var k = 2
        // The path runs from after `to` to the end of the statement, taken as written.
        for i in 2..<significant.count where significant[i].kind == .identifier && significant[i].text.lowercased() == "to" {
            let bytes = Array(text.utf8)
            var raw = String(decoding: bytes[significant[i].range.end.offset...], as: UTF8.self).trimmingCharacters(in: " \t\n\r")
            if raw.count >= 2, let q = raw.first, q == "\"" || q == "'", raw.last == q { raw = String(raw.dropFirst().dropLast()) }
            let range = SourceRange(significant[i].range.start, end)
            guard !raw.isEmpty else { throw fail("chart-path-missing", "expected a file path after `to`", significant[i].range, hint: "chart … to chart.svg") }
            guard raw.lowercased().hasSuffix(".svg") else {
                throw fail("chart-not-svg", "charts are written as SVG: `\(raw)` does not end in .svg", range, hint: "for example: to cpi-trend.svg")
            }
            spec.path = raw
            spec.pathRange = range
            spec.range = whole
            return try parseWords(Array(significant[k..<i]), into: spec, kindToken: kindToken, fail: fail)
        }
        k = 2
        return try parseWords(Array(significant[k...].filter { $0.kind != .end }), into: spec, kindToken: kindToken, fail: fail)
    }

    private static func parseWords(
        _ words: [Token], into spec: ChartSpec, kindToken: Token,
        fail: (String, String, SourceRange, String?) -> QueryError
    ) throws(QueryError) -> ChartSpec {
        var spec = spec
        let need = spec.kind.arguments.count
        var k = 0
        while k < words.count, spec.columns.count < need {
            let t = words[k]
            guard t.kind == .identifier, !["title", "unit"].contains(t.text.lowercased()) else { break }
            spec.columns.append(.init(name: t.text, range: t.range))
            k += 1
        }
        if spec.columns.count < need {
            let at = k < words.count ? words[k].range : (spec.columns.last?.range ?? kindToken.range)
            let missing = spec.kind.arguments[spec.columns.count]
            throw fail("chart-column-missing", "expected the \(missing) column of `chart \(spec.kind.rawValue)`", at, "usage: \(spec.kind.usage)")
        }
        while k < words.count {
            let t = words[k]
            let word = t.kind == .keyword || t.kind == .identifier ? t.text.lowercased() : ""
            switch word {
            case "by" where spec.kind != .bar:
                guard k + 1 < words.count, words[k + 1].kind == .identifier else {
                    throw fail("chart-column-missing", "expected a GROUP column after `by`", t.range, "usage: \(spec.kind.usage)")
                }
                spec.group = .init(name: words[k + 1].text, range: words[k + 1].range)
                k += 2
            case "title", "unit":
                guard k + 1 < words.count, words[k + 1].kind == .string else {
                    throw fail(
                        "chart-text-missing", "expected quoted text after `\(word)`", t.range,
                        "for example: \(word) \"\(word == "title" ? "CPI trend" : "index")\"")
                }
                if word == "title" { spec.title = words[k + 1].text } else { spec.unit = words[k + 1].text }
                k += 2
            default:
                throw fail("chart-unexpected", "unexpected `\(t.text)` in `chart \(spec.kind.rawValue)`", t.range, "usage: \(spec.kind.usage)")
            }
        }
        return spec
    }

    /// Levenshtein distance, for suggestions.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var prev = row[0]
            row[0] = i
            for j in 1...b.count {
                let cur = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1))
                prev = cur
            }
        }
        return row[b.count]
    }
}
