extension Parser {
    /// `chart KIND COLUMNS… [by GROUP] [title "…"] [unit "…"] [to PATH.svg]`; the path runs to the end of the
    /// statement, taken as written (quotes optional).
    mutating func parseChart() throws(Failure) -> ChartClause {
        let chartWord = advance()
        guard current.kind == .identifier || current.kind == .keyword else {
            throw fail(
                .chartKindMissing, "expected a chart kind after `chart`", at: chartWord.range,
                hint: "chart bar LABEL VALUE, chart line X Y [by GROUP], chart radar DIMENSION SCORE TARGET")
        }
        let kindToken = advance()
        guard let kind = ChartClause.Kind(rawValue: kindToken.text.lowercased()) else {
            let near = Suggest.nearest(kindToken.text.lowercased(), in: ChartClause.Kind.allCases.map(\.rawValue))
            throw fail(
                .unknownChartKind, "unknown chart kind `\(kindToken.text)`", at: kindToken.range,
                hint: near.map { "did you mean `\($0)`?" } ?? "kinds: bar, line, radar")
        }
        var clause = ChartClause(kind: kind, columns: [], range: SourceRange(chartWord.range.start, kindToken.range.end))
        func isWord(_ t: Token, _ w: String) -> Bool { (t.kind == .identifier || t.kind == .keyword) && t.text.lowercased() == w }
        let need = kind.arguments.count
        while clause.columns.count < need, current.kind == .identifier, !["title", "unit", "to"].contains(current.text.lowercased()) {
            let t = advance()
            clause.columns.append(.init(name: t.text, range: t.range))
        }
        if clause.columns.count < need {
            let missing = kind.arguments[clause.columns.count]
            let at = current.kind == .end ? (clause.columns.last?.range ?? kindToken.range) : current.range
            throw fail(.chartColumnMissing, "expected the \(missing) column of `chart \(kind.rawValue)`", at: at, hint: "usage: \(kind.usage)")
        }
        while current.kind != .end && !current.isSymbol(";") {
            let t = current
            if isWord(t, "by") && kind != .bar {
                _ = advance()
                guard current.kind == .identifier else {
                    throw fail(.chartColumnMissing, "expected a GROUP column after `by`", at: t.range, hint: "usage: \(kind.usage)")
                }
                let g = advance()
                clause.group = .init(name: g.text, range: g.range)
            } else if isWord(t, "title") || isWord(t, "unit") {
                let word = t.text.lowercased()
                _ = advance()
                guard current.kind == .string else {
                    throw fail(
                        .chartTextMissing, "expected quoted text after `\(word)`", at: t.range,
                        hint: "for example: \(word) \"\(word == "title" ? "CPI trend" : "index")\"")
                }
                let text = advance().text
                if word == "title" { clause.title = text } else { clause.unit = text }
            } else if isWord(t, "to") {
                _ = advance()
                var last = t
                while current.kind != .end && !current.isSymbol(";") { last = advance() }
                let from = t.range.end.offset, to = max(from, last.range.end.offset)
                var raw = String(decoding: sourceBytes[from..<to], as: UTF8.self).trimmingCharacters()
                if raw.count >= 2, let q = raw.first, q == "\"" || q == "'", raw.last == q { raw = String(raw.dropFirst().dropLast()) }
                let range = SourceRange(t.range.start, last.range.end)
                guard !raw.isEmpty else { throw fail(.chartPathMissing, "expected a file path after `to`", at: t.range, hint: "chart … to chart.svg") }
                guard raw.lowercased().hasSuffix(".svg") else {
                    throw fail(
                        .chartNotSvg, "charts are written as SVG: `\(raw)` does not end in .svg", at: range, hint: "for example: to cpi-trend.svg")
                }
                clause.path = raw
                clause.pathRange = range
            } else {
                throw fail(.chartUnexpected, "unexpected `\(t.text)` in `chart \(kind.rawValue)`", at: t.range, hint: "usage: \(kind.usage)")
            }
        }
        clause.range = SourceRange(chartWord.range.start, previousEnd)
        return clause
    }
}
