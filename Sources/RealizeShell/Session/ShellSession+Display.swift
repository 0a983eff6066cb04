extension ShellSession {
    /// `.maxrows N`, `.maxwidth N` (0 = no cap; alone: back to following the terminal).
    ///
    /// - Throws: ``ShellError`` `usage`.
    func setCap(_ args: [String], rows: Bool, usage: String) throws(ShellError) {
        var value: Int? = nil
        if let word = args.first {
            guard args.count == 1, let n = Int(word), n >= 0 else { throw .usage(usage) }
            value = n
        }
        if rows { display.maxRows = value } else { display.maxWidth = value }
    }

    /// `.nullvalue TEXT`: what a null shows (alone: back to `n/a`).
    func setNullText(_ args: [String]) {
        display.nullText = args.isEmpty ? "n/a" : args.joined(separator: " ")
    }

    /// `.headers on|off`: whether CSV output has a header row.
    ///
    /// - Throws: ``ShellError`` `usage`.
    func setHeaders(_ args: [String], usage: String) throws(ShellError) {
        guard args.count == 1, let on = Self.parseSwitch(args[0]) else { throw .usage(usage) }
        display.headers = on
    }
}
