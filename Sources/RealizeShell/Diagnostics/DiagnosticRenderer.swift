import RealizeQuery

/// Renders query diagnostics the way the Swift compiler does:
///
/// ```
/// error: unknown column `actul_cost`
///  --> query:1:21
///   |
/// 1 | financials | where actul_cost > 0
///   |                     ^~~~~~~~~~
/// hint: did you mean `actual_cost`?
/// ```
package struct DiagnosticRenderer {
    /// The name shown before the position: `query`, `<stdin>` or a script's path.
    package var sourceName: String
    /// ANSI colour (only on a terminal).
    package var colour: Bool

    package init(sourceName: String, colour: Bool) {
        self.sourceName = sourceName
        self.colour = colour
    }

    /// Renders every diagnostic of `error` against `statement`, mapping positions to the source's lines.
    package func render(_ error: QueryError, statement: Statement) -> String {
        error.diagnostics.map { render($0, statement: statement) }.joined()
    }

    /// Renders one diagnostic. Positions in `d` are relative to the statement's text.
    package func render(_ d: Diagnostic, statement: Statement) -> String {
        let start = d.range.start, end = d.range.end
        let sourceLine = statement.firstLine + max(start.line, 1) - 1
        let shift = start.line <= 1 ? statement.firstColumn - 1 : 0
        let column = max(start.column, 1) + shift
        var out = style(d.severity.rawValue + ":", severityCode(d.severity)) + " " + style(d.message, "1") + "\n"
        let gutter = String(sourceLine).count
        let pad = String(repeating: " ", count: gutter)
        out += pad + style("-->", "34;1") + " \(sourceName):\(sourceLine):\(column)\n"
        let index = max(start.line, 1) - 1
        if index < statement.sourceLines.count {
            let text = statement.sourceLines[index]
            out += pad + " " + style("|", "34;1") + "\n"
            out += style(String(sourceLine), "34;1") + " " + style("|", "34;1") + " " + text + "\n"
            let chars = Array(text)
            let lead = chars.prefix(column - 1).map { $0 == "\t" ? "\t" : " " }.joined()
            var width = 1
            if end.line == start.line, end.column > start.column {
                width = end.column - start.column
            } else if end.line > start.line {
                width = max(1, chars.count - (column - 1))
            }
            let marker = "^" + String(repeating: "~", count: width - 1)
            out += pad + " " + style("|", "34;1") + " " + lead + style(marker, "32;1") + "\n"
        }
        if let hint = d.hint { out += style("hint:", "36;1") + " " + hint + "\n" }
        for note in d.notes { out += style("note:", "1") + " " + note + "\n" }
        return out
    }

    private func severityCode(_ s: Diagnostic.Severity) -> String {
        switch s {
        case .error: "31;1"
        case .warning: "33;1"
        case .note: "1"
        }
    }

    private func style(_ text: String, _ code: String) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
