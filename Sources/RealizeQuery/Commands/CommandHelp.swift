/// Usage lines, help text and completion words, derived from a ``CommandSignature``.
public enum CommandHelp {
    /// `evm [by project|program|portfolio|total|COLUMN] [as of YYYY-MM] [eac cpi|plan|cpi_spi]`.
    public static func usage(_ sig: CommandSignature) -> String {
        var parts = [sig.name]
        if let p = sig.positional { parts.append(p.optional ? "[\(p.placeholder)]" : p.placeholder) }
        for o in sig.options { parts.append("[\(synopsis(o))]") }
        return parts.joined(separator: " ")
    }

    /// One option as the usage line shows it: `by project|program|COLUMN`, `adjusted`, `monthly|quarterly`.
    static func synopsis(_ o: CommandOption) -> String {
        let value = o.kind.placeholder
        if o.words.isEmpty { return value }
        return (o.words + (value.isEmpty ? [] : [value])).joined(separator: " ")
    }

    /// The text of `.help NAME`: summary, usage, one line per argument, an example.
    public static func help(_ sig: CommandSignature) -> String {
        var lines = [usage(sig), "  \(sig.summary).", ""]
        var rows: [(String, String)] = []
        if let p = sig.positional { rows.append((p.placeholder, p.help + (p.optional ? " (optional)" : ""))) }
        for o in sig.options { rows.append((synopsis(o), o.help + (o.aliases.isEmpty ? "" : " (also: \(o.aliases.joined(separator: ", ")))"))) }
        let width = rows.map { $0.0.count }.max() ?? 0
        for (left, right) in rows {
            let pad = left.count < width ? String(repeating: " ", count: width - left.count) : ""
            lines.append("  \(left)\(pad)  \(right)")
        }
        lines += ["", "example: \(sig.example)"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Words to offer while a call's arguments are typed: `words` are the argument words before the cursor
    /// (lower-cased). After a word that expects a value, its suggestions; otherwise the options not yet given.
    public static func completions(_ sig: CommandSignature, after words: [String]) -> [String] {
        var given = Set<String>()
        var pending: CommandOption? = nil
        var pendingWordIndex = 0
        var positionalDone = sig.positional == nil || sig.positional!.optional
        for w in words {
            if let p = pending {
                if pendingWordIndex < p.words.count {
                    pendingWordIndex += 1
                    if pendingWordIndex == p.words.count, p.kind.isFlag { pending = nil }
                    continue
                }
                if w == "," { continue }
                if case .names = p.kind, words.last == "," { continue }
                pending = nil
                continue
            }
            if let o = sig.option(startingWith: w) {
                given.insert(o.key)
                if o.words.isEmpty || o.kind.isFlag && o.words.count == 1 { continue }
                pending = o
                pendingWordIndex = 1
                continue
            }
            positionalDone = true
        }
        if let p = pending {
            if pendingWordIndex < p.words.count { return [p.words[pendingWordIndex]] }
            return p.kind.completions
        }
        if !positionalDone, let p = sig.positional { return p.kind.completions }
        return sig.options.filter { !given.contains($0.key) }.flatMap { o -> [String] in
            if let first = o.words.first { return [first] }
            return o.kind.completions
        }
    }
}
