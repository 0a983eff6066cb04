import RealizeStore

/// Writes a result as CSV: exactly what `.export` writes.
///
/// INTERIM: `RealizeStore/CSV/CSVWriter.swift` is being written alongside; once it lands this
/// delegates to it so that the project has one CSV writer. Until then this is a minimal
/// RFC 4180 emitter: a header line, `,` between fields, `\n` after each record, fields holding
/// a comma, a quote, a line break or leading/trailing spaces quoted with quotes doubled, raw
/// values (``Value/description``: ISO dates, exact decimals, no thousands separators), an
/// empty field for null and `""` for empty text, so the two stay apart.
enum CSVRenderer {
    /// The CSV text of `table`.
    static func render(_ table: Table) -> String {
        if table.columns.isEmpty { return "" }
        var out = table.columns.map { field($0.name) }.joined(separator: ",") + "\n"
        let columns = table.columns.map(fields)
        for r in 0..<table.rowCount {
            for c in columns.indices {
                if c > 0 { out += "," }
                out += columns[c][r]
            }
            out += "\n"
        }
        return out
    }

    /// Every field of `column`, already quoted where needed; text is quoted once per dictionary entry.
    private static func fields(_ column: Column) -> [String] {
        if case .text(let codes, let dictionary) = column.storage {
            let quotedDictionary = dictionary.map(field)
            return codes.indices.map { column.isNull($0) ? "" : quotedDictionary[Int(codes[$0])] }
        }
        return (0..<column.count).map { column.value(at: $0).description }
    }

    /// `text` as one CSV field, quoted when it has to be.
    static func field(_ text: String) -> String {
        if text.isEmpty { return "\"\"" }
        let needsQuotes = text.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            || text.utf8.first == 0x20 || text.utf8.last == 0x20
        guard needsQuotes else { return text }
        var out = "\""
        for ch in text.unicodeScalars {
            if ch == "\"" { out += "\"\"" } else { out.unicodeScalars.append(ch) }
        }
        return out + "\""
    }
}
