import RealizeStore

extension QuerySession {
    /// Completion candidates for the word ending at `cursor` (a UTF-8 offset into `source`):
    /// table names at the start and after `join`, verbs after a `|`, and inside a stage the columns in scope
    /// at that point of the pipeline (plus functions).
    public func completions(source: String, cursor: Int) -> [String] {
        let bytes = Array(source.utf8.prefix(cursor))
        var wordStart = bytes.count
        while wordStart > 0, Self.isWordByte(bytes[wordStart - 1]) { wordStart -= 1 }
        let word = String(decoding: bytes[wordStart...], as: UTF8.self)
        let before = String(decoding: bytes[..<wordStart], as: UTF8.self)
        let candidates: [String]
        let tables = catalog.sortedNames.filter { !$0.hasPrefix("\u{1}") }
        if let pipe = Self.lastTopLevelPipe(before) {
            let stageText = String(before[before.index(after: pipe)...])
            let words = stageText.split(whereSeparator: { $0.isWhitespace })
            if words.isEmpty {
                candidates = Parser.verbs.sorted()
            } else if words.last == "join" {
                candidates = tables
            } else {
                candidates =
                    columnsInScope(pipelineText: String(before[..<pipe])) + Functions.allNames.sorted()
                    + ["and", "or", "not", "in", "between", "contains", "like", "is null", "desc"]
            }
        } else {
            let trimmed = before.trimmingCharacters()
            if trimmed.isEmpty || trimmed.hasSuffix("=") || trimmed == "explain" || trimmed.hasSuffix(" explain") {
                candidates = tables + (lastResult != nil ? ["_"] : []) + (trimmed.isEmpty ? ["let", "explain"] : [])
            } else if trimmed.split(separator: " ").count == 1 || trimmed.hasSuffix("\n") {
                candidates = Parser.verbs.sorted()
            } else {
                candidates = []
            }
        }
        let w = word.lowercased()
        var seen = Set<String>()
        return candidates.filter { $0.lowercased().hasPrefix(w) && seen.insert($0).inserted }
    }

    /// The columns of the pipeline `text` (everything before the stage being typed), or of its source table if it does not check.
    func columnsInScope(pipelineText: String) -> [String] {
        var text = pipelineText
        if let eq = text.range(of: "="), text.hasPrefix("let ") { text = String(text[eq.upperBound...]) }
        var parser = Parser(text)
        if let st = parser.parseStatement() {
            var planner = Planner(catalog: catalog, lastResult: lastResult, settings: settings)
            if let plan = planner.plan(st.pipeline) { return plan.schema.map(\.name) }
            if let t = st.pipeline.source == "_" ? lastResult : catalog[st.pipeline.source] { return t.columnNames }
        }
        let first = text.split(whereSeparator: { $0.isWhitespace || $0 == "|" }).first.map(String.init) ?? ""
        return catalog[first]?.columnNames ?? []
    }

    static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 95 || b >= 0x80
    }

    /// The last `|` not inside quotes or brackets.
    static func lastTopLevelPipe(_ s: String) -> String.Index? {
        var depth = 0
        var quote: Character? = nil
        var last: String.Index? = nil
        var i = s.startIndex
        while i < s.endIndex {
            let ch = s[i]
            if let q = quote {
                if ch == q { quote = nil }
            } else {
                switch ch {
                case "'", "\"", "`": quote = ch
                case "(": depth += 1
                case ")": depth -= 1
                case "|" where depth <= 0: last = i
                default: break
                }
            }
            i = s.index(after: i)
        }
        return last
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
