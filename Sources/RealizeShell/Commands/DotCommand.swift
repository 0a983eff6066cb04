/// A shell command written with a leading dot, such as `.tables` or `.load PATH`.
package struct DotCommand: Sendable, Equatable {
    /// The command's name without the dot (`tables`).
    package var name: String
    /// The words after the name, with quotes removed.
    package var arguments: [String]

    /// Parses a dot-command line: words separated by blanks; `"…"` and `'…'` group words with spaces.
    ///
    /// - Throws: ``ShellError`` (`usage`) for an unterminated quote.
    package init(parsing line: String) throws(ShellError) {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character? = nil
        for c in line {
            if let q = quote {
                if c == q { quote = nil } else { current.append(c) }
            } else if c == "\"" || c == "'" {
                quote = c
                inWord = true
            } else if c == " " || c == "\t" {
                if inWord { words.append(current); current = ""; inWord = false }
            } else {
                current.append(c)
                inWord = true
            }
        }
        if quote != nil { throw ShellError("usage", "unterminated quote in `\(line)`") }
        if inWord { words.append(current) }
        let head = words.first ?? "."
        name = String(head.dropFirst())
        arguments = Array(words.dropFirst())
    }
}
