import RealizeStore

/// Writes a result as CSV: exactly what `.export` writes, because it is the same writer.
///
/// There is one CSV writer in the project, ``CSVWriter`` in RealizeStore; this only turns its
/// bytes into text. Values are raw (ISO dates, exact decimals, no thousands separators), a null
/// is an empty field and an empty text `""`.
enum CSVRenderer {
    /// The CSV text of `table`, written with `options` (the writer's defaults unless told).
    /// - Parameter headers: false leaves out the header row (`.headers off`).
    static func render(_ table: Table, options: CSVWriteOptions = .init(), headers: Bool = true) -> String {
        let text = CSVWriter.string(of: table, options: options)
        guard !headers else { return text }
        // The header is the first record; names with line breaks are quoted, so skip to the first
        // line break outside quotes.
        var quoted = false
        for i in text.indices {
            let c = text[i]
            if c == "\"" { quoted.toggle() }
            if !quoted && (c == "\n" || c == "\r\n") { return String(text[text.index(after: i)...]) }
        }
        return ""
    }
}
