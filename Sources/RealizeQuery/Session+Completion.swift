import RealizeStore

extension QuerySession {
    /// Completion candidates for the word ending at `cursor` (a UTF-8 offset into `source`), read from the
    /// lexer's tokens like everything else: tables, `_` and commands where a source goes (the start, after
    /// `join`, after `(`), a command's argument words from its declaration, verbs after a `|`, and inside a
    /// stage the columns in scope at that point of the pipeline (plus functions).
    public func completions(source: String, cursor: Int) -> [String] {
        let bytes = Array(source.utf8.prefix(cursor))
        var wordStart = bytes.count
        while wordStart > 0, Self.isWordByte(bytes[wordStart - 1]) { wordStart -= 1 }
        let word = String(decoding: bytes[wordStart...], as: UTF8.self).lowercased()
        let before = String(decoding: bytes[..<wordStart], as: UTF8.self)
        var seen = Set<String>()
        return candidates(before: before).filter { $0.lowercased().hasPrefix(word) && seen.insert($0).inserted }
    }

    /// What may come next after `before`.
    func candidates(before: String) -> [String] {
        var lexer = Lexer(before)
        let tokens = lexer.tokenize().filter { $0.kind != .newline && $0.kind != .end }
        // The open segment: after the last top-level `;`, then inside the innermost open bracket, after its last `|`.
        var opens: [Int] = [-1]
        var lastPipe: [Int?] = [nil]
        for (k, t) in tokens.enumerated() {
            if t.isSymbol(";") && opens.count == 1 {
                opens = [k]
                lastPipe = [nil]
            } else if t.isSymbol("(") {
                opens.append(k)
                lastPipe.append(nil)
            } else if t.isSymbol(")") && opens.count > 1 {
                opens.removeLast()
                lastPipe.removeLast()
            } else if t.isSymbol("|") {
                lastPipe[lastPipe.count - 1] = k
            }
        }
        let tables = catalog.sortedNames.filter { !$0.hasPrefix("\u{1}") }
        let sources = tables + (lastResult != nil ? ["_"] : []) + settings.registry.commandNames
        let segmentStart = (lastPipe.last! ?? opens.last!) + 1
        var segment = Array(tokens[segmentStart...])
        guard let pipe = lastPipe.last!, pipe >= 0 else {
            // The source position of a pipeline.
            if opens.count == 1 {
                if segment.first?.isKeyword("let") == true, let eq = segment.firstIndex(where: { $0.isSymbol("=") }) {
                    segment = Array(segment[(eq + 1)...])
                }
                if segment.first?.isKeyword("explain") == true { segment.removeFirst() }
            }
            guard let first = segment.first else {
                return sources + (opens.count == 1 && tokens[segmentStart...].isEmpty ? ["let", "explain"] : [])
            }
            if let sig = commandSignature(first, isLast: segment.count == 1) {
                return CommandHelp.completions(sig, after: segment.dropFirst().map(Self.completionWord))
            }
            return segment.count == 1 || segment.last?.kind == .identifier ? Parser.verbs.sorted() + ["chart"] : []
        }
        guard let first = segment.first else { return Parser.verbs.sorted() + ["chart"] }
        let pipelineStart = tokens[opens.last! + 1].range.start.offset
        let pipelineText = String(decoding: Array(before.utf8)[pipelineStart..<tokens[pipe].range.start.offset], as: UTF8.self)
        if first.isKeyword("join") || first.isKeyword("left") {
            let afterJoin = segment.drop { $0.isKeyword("join") || $0.isKeyword("left") }
            if afterJoin.isEmpty { return sources }
            if let sig = commandSignature(afterJoin.first!, isLast: false), !afterJoin.contains(where: { $0.isKeyword("on") }) {
                return CommandHelp.completions(sig, after: afterJoin.dropFirst().map(Self.completionWord)) + ["on"]
            }
            return afterJoin.count == 1 ? ["on"] : columnsInScope(pipelineText: pipelineText)
        }
        if first.isKeyword("union") {
            // `union a, b`: a source after the verb or after each comma.
            return segment.count == 1 || segment.last?.isSymbol(",") == true ? sources : []
        }
        if first.kind == .identifier && first.text.lowercased() == "chart" {
            return segment.count == 1 ? ChartClause.Kind.allCases.map(\.rawValue) : columnsInScope(pipelineText: pipelineText) + ["by", "title", "unit", "to"]
        }
        return columnsInScope(pipelineText: pipelineText) + Functions.allNames.sorted()
            + ["and", "or", "not", "in", "between", "contains", "like", "is null", "desc"]
    }

    /// The declaration of the command `token` names, when it names one rather than a table.
    func commandSignature(_ token: Token, isLast: Bool) -> CommandSignature? {
        guard token.kind == .identifier, let command = settings.registry.commands[token.text.lowercased()] else { return nil }
        if catalog[token.text] != nil && isLast { return nil }
        return command.signature
    }

    /// A token as the argument completer reads it: words lower-cased, symbols as written.
    static func completionWord(_ t: Token) -> String { t.kind == .identifier || t.kind == .keyword ? t.text.lowercased() : t.text }

    /// The columns of the pipeline `text` (everything before the stage being typed), or of its source if it does not check.
    func columnsInScope(pipelineText text: String) -> [String] {
        var parser = Parser(text, context: parserContext)
        guard let st = parser.parseStatement() else {
            let first = StatementText.tokens(text).first
            return first.flatMap { catalog[$0.text]?.columnNames } ?? []
        }
        var planner = Planner(catalog: catalog, lastResult: lastResult, settings: settings)
        if let plan = planner.plan(st.pipeline) { return plan.schema.map(\.name) }
        if let name = st.pipeline.source.tableName, let t = name == "_" ? lastResult : catalog[name] { return t.columnNames }
        return []
    }

    static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 95 || b >= 0x80
    }
}

extension String {
    func trimmingCharacters() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
