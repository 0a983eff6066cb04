import RealizeQuery

/// Turns lines of input into statements, for scripts, standard input and the interactive shell alike.
///
/// A line starting with `.` (when no query is pending) is a dot command. Otherwise query text
/// accumulates while ``RealizeQuery/StatementText/isIncomplete(_:)`` says it is unfinished (an open
/// pipe, bracket or quote); a `;` outside quotes and brackets also ends a statement. Every lexical
/// question is answered by ``RealizeQuery/StatementText``, from the lexer's tokens.
package struct StatementAccumulator {
    /// Lines of the pending, unfinished query (complete source lines).
    private var lines: [String] = []
    /// UTF-8 offset into the first pending line where the pending text starts (after a `;`).
    private var startOffset = 0
    private var firstLine = 1
    /// Decides whether query text is unfinished; replaceable in tests.
    private let isIncomplete: (String) -> Bool

    /// Scripts and standard input look one line ahead: a finished query is held until the next line shows whether
    /// it continues (a line starting with `|` or with a verb such as `where`), as the language allows
    /// line breaks between stages. The interactive shell runs a finished line at once.
    private let lookahead: Bool
    /// Whether the pending text is complete and only held for the look-ahead.
    private var held = false

    package init(lookahead: Bool = false, isIncomplete: @escaping (String) -> Bool = StatementText.isIncomplete) {
        self.isIncomplete = isIncomplete
        self.lookahead = lookahead
    }

    /// Whether an unfinished query is waiting for more lines.
    package var isPending: Bool { !lines.isEmpty }

    /// The pending query text so far (for completion).
    package var pendingText: String { lines.isEmpty ? "" : pendingSource }

    /// Number of lines of the pending statement.
    package var pendingLineCount: Int { lines.count }

    /// Drops any pending text (Ctrl-C).
    package mutating func reset() {
        held = false
        lines = []
        startOffset = 0
    }

    /// Adds one line (without its newline) and returns the statements it completed.
    ///
    /// - Parameter lineNumber: the line's 1-based number in its source.
    package mutating func feed(_ line: String, lineNumber: Int) -> [Statement] {
        var flushed: [Statement] = []
        if held {
            let continues = StatementText.continuesPipeline(line)
            if continues == nil {
                // Only a comment: the next line decides.
                lines.append(line)
                return []
            }
            if continues == true {
                held = false
                lines.append(line)
                return drain(final: false)
            }
            held = false
            flushed = drain(final: true)
        }
        return flushed + feedFresh(line, lineNumber: lineNumber)
    }

    private mutating func feedFresh(_ line: String, lineNumber: Int) -> [Statement] {
        if lines.isEmpty {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty { return [] }
            if trimmed.first == "." {
                let column = line.count - trimmed.count + 1
                return [
                    Statement(
                        kind: .dotCommand, text: String(trimmed.trimmingTrailingWhitespace()), firstLine: lineNumber, firstColumn: column, sourceLines: [line])
                ]
            }
            firstLine = lineNumber
            startOffset = 0
        }
        lines.append(line)
        return drain(final: false)
    }

    /// Ends the input: returns the pending text as a statement (so that its error is reported), if any.
    package mutating func finish() -> Statement? {
        held = false
        return drain(final: true).first
    }

    private var pendingSource: String {
        var all = lines.joined(separator: "\n")
        all = String(decoding: all.utf8.dropFirst(startOffset), as: UTF8.self)
        return all
    }

    private mutating func drain(final: Bool) -> [Statement] {
        var out: [Statement] = []
        while !lines.isEmpty {
            let text = pendingSource
            let separators = StatementText.separatorOffsets(in: text)
            if let cut = separators.first {
                let piece = String(decoding: text.utf8.prefix(cut), as: UTF8.self)
                if let s = makeStatement(piece) { out.append(s) }
                advance(by: cut + 1)
                if let dot = takeDotCommandAfterSeparator() { out.append(dot) }
                continue
            }
            if !final && isIncomplete(text) { break }
            if !final && lookahead && !StatementText.isBlank(text) { held = true; break }
            if let s = makeStatement(text) { out.append(s) }
            lines = []
            startOffset = 0
        }
        return out
    }

    /// Moves the start of the pending text forward by `n` UTF-8 bytes, dropping finished lines.
    private mutating func advance(by n: Int) {
        var remaining = startOffset + n
        while let first = lines.first, remaining > first.utf8.count {
            remaining -= first.utf8.count + 1
            lines.removeFirst()
            firstLine += 1
        }
        startOffset = remaining
        if let first = lines.first, remaining == first.utf8.count, lines.count == 1 { lines = []; startOffset = 0 }
    }

    /// After a `;`, the rest of a single pending line may be a dot command (`q; .tables`).
    private mutating func takeDotCommandAfterSeparator() -> Statement? {
        guard lines.count == 1, let line = lines.first else { return nil }
        let rest = String(decoding: line.utf8.dropFirst(startOffset), as: UTF8.self)
        let trimmed = rest.drop { $0 == " " || $0 == "\t" }
        guard trimmed.first == "." else { return nil }
        let column = line.count - trimmed.count + 1
        lines = []
        startOffset = 0
        return Statement(kind: .dotCommand, text: String(trimmed.trimmingTrailingWhitespace()), firstLine: firstLine, firstColumn: column, sourceLines: [line])
    }

    private func makeStatement(_ piece: String) -> Statement? {
        guard !StatementText.isBlank(piece) else { return nil }
        // Skip leading whitespace and blank lines so positions point at the text itself.
        var line = firstLine
        var offset = startOffset
        var body = Substring(piece)
        while let c = body.first, c.isWhitespace {
            if c == "\n" { line += 1; offset = 0 } else { offset += c.utf8.count }
            body = body.dropFirst()
        }
        let skippedLines = line - firstLine
        let src = Array(lines.dropFirst(skippedLines))
        let firstSource = src.first ?? ""
        let column = String(decoding: firstSource.utf8.prefix(offset), as: UTF8.self).count + 1
        let text = String(body).trimmingTrailingWhitespace()
        let spanned = text.reduce(1) { $0 + ($1 == "\n" ? 1 : 0) }
        return Statement(kind: .query, text: String(text), firstLine: line, firstColumn: column, sourceLines: Array(src.prefix(spanned)))
    }
}

extension StringProtocol {
    /// The text without trailing spaces, tabs and newlines.
    func trimmingTrailingWhitespace() -> SubSequence {
        var end = endIndex
        while end > startIndex {
            let prev = index(before: end)
            if !self[prev].isWhitespace { break }
            end = prev
        }
        return self[startIndex..<end]
    }
}
