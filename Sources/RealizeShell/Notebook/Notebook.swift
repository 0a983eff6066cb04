/// A notebook: a Markdown file whose fenced `realize` blocks are run in order, with optional front
/// matter that gives its title and declares its parameters.
///
/// ````
/// ---
/// title: Monthly board pack
/// params:
///   period: 2025-12
/// ---
/// # Portfolio status at {{period}}
///
/// ```realize
/// evm by program as of {{period}}
/// ```
/// ````
package struct Notebook: Sendable {
    /// A stretch of the file: prose, or a block of statements.
    package enum Segment: Sendable, Equatable {
        /// Markdown text, as written (other fenced code included).
        case prose(String, firstLine: Int)
        /// The lines of a ```` ```realize ```` block; `firstLine` is the 1-based line of its first statement line.
        case block(lines: [String], firstLine: Int)
    }

    /// `title:` from the front matter, if any.
    package var title: String?
    /// Declared parameters and their defaults (an empty default means the parameter must be given), in order.
    package var parameters: [(name: String, value: String)]
    package var segments: [Segment]

    /// The blocks, in order.
    package var blocks: [(lines: [String], firstLine: Int)] {
        segments.compactMap { if case .block(let l, let f) = $0 { (l, f) } else { nil } }
    }

    /// Parses a notebook's text.
    /// - Throws: ``NotebookError`` for unterminated front matter or an unterminated `realize` block.
    package init(parsing text: String) throws(NotebookError) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        if lines.first?.hasPrefix("\u{FEFF}") == true { lines[0].removeFirst() }
        title = nil
        parameters = []
        segments = []
        var i = 0
        if lines.first?.trimmingTrailingWhitespace() == "---" {
            guard let end = lines.indices.dropFirst().first(where: { lines[$0].trimmingTrailingWhitespace() == "---" }) else {
                throw NotebookError(line: 1, "the front matter that starts on line 1 is not closed by a line `---`")
            }
            try parseFrontMatter(Array(lines[1..<end]), firstLine: 2)
            i = end + 1
        }
        var prose: [String] = []
        var proseStart = i + 1
        var otherFence: String? = nil
        while i < lines.count {
            let line = lines[i]
            let trimmed = line.drop { $0 == " " }
            if let fence = otherFence {
                if trimmed.hasPrefix(fence) && trimmed.drop(while: { $0 == fence.first }).allSatisfy({ $0 == " " }) { otherFence = nil }
                prose.append(line)
                i += 1
                continue
            }
            if let (fence, info) = Self.fenceOpening(trimmed) {
                let language = info.split(separator: " ").first.map { $0.lowercased() } ?? ""
                if language == "realize" {
                    if !prose.isEmpty { segments.append(.prose(prose.joined(separator: "\n"), firstLine: proseStart)) }
                    prose = []
                    let open = i + 1
                    var body: [String] = []
                    i += 1
                    while i < lines.count, !Self.closes(lines[i], fence) {
                        body.append(lines[i])
                        i += 1
                    }
                    guard i < lines.count else { throw NotebookError(line: open, "the `realize` block that starts on line \(open) is not closed by \(fence)") }
                    segments.append(.block(lines: body, firstLine: open + 1))
                    i += 1
                    proseStart = i + 1
                    continue
                }
                otherFence = fence
            }
            prose.append(line)
            i += 1
        }
        if prose.contains(where: { !$0.trimmingTrailingWhitespace().isEmpty }) { segments.append(.prose(prose.joined(separator: "\n"), firstLine: proseStart)) }
    }

    /// The fence and info string of a line that opens a fenced block (```` ``` ```` or `~~~`, three or more).
    static func fenceOpening(_ line: Substring) -> (String, String)? {
        guard let c = line.first, c == "`" || c == "~" else { return nil }
        let run = line.prefix { $0 == c }
        guard run.count >= 3 else { return nil }
        return (String(run), line.dropFirst(run.count).trimmingCharacters(in: " \t"))
    }

    static func closes(_ line: String, _ fence: String) -> Bool {
        let trimmed = line.drop { $0 == " " }
        return trimmed.hasPrefix(fence) && trimmed.drop { $0 == fence.first }.allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// `title: …` and `params:` (or `parameters:`) with indented `name: default` lines.
    private mutating func parseFrontMatter(_ lines: [String], firstLine: Int) throws(NotebookError) {
        var inParams = false
        for (k, raw) in lines.enumerated() {
            let number = firstLine + k
            if raw.trimmingCharacters(in: " \t").isEmpty || raw.trimmingCharacters(in: " \t").hasPrefix("#") { continue }
            let indented = raw.first == " " || raw.first == "\t"
            guard let colon = raw.firstIndex(of: ":") else { throw NotebookError(line: number, "expected `name: value` in the front matter") }
            let key = raw[..<colon].trimmingCharacters(in: " \t")
            var value = raw[raw.index(after: colon)...].trimmingCharacters(in: " \t")
            if value.count >= 2, let q = value.first, q == "\"" || q == "'", value.last == q { value = String(value.dropFirst().dropLast()) }
            if indented {
                guard inParams else { throw NotebookError(line: number, "an indented line belongs under `params:`") }
                guard NotebookParameters.isName(key) else { throw NotebookError(line: number, "`\(key)` is not a parameter name (letters, digits and _)") }
                parameters.append((key, value))
                continue
            }
            inParams = false
            switch key.lowercased() {
            case "title": title = value
            case "params", "parameters": inParams = true
            default: continue  // other keys (author, description, …) are kept for people only
            }
        }
    }
}

/// A notebook that cannot be read or run: where (1-based line) and why.
package struct NotebookError: Error, Sendable, Equatable {
    package var line: Int
    package var message: String
    package var hint: String?
    package init(line: Int, _ message: String, hint: String? = nil) {
        self.line = line
        self.message = message
        self.hint = hint
    }
}
