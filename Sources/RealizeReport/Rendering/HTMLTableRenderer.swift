import RealizeStore

/// Writes a result as an HTML `<table>` fragment (the sqlite3 shell's `.mode html`), for pasting into
/// a page: a header row of names, then one row per result row, cells formatted as in the box table and
/// escaped. Numbers are right-aligned. Every row is written.
enum HTMLTableRenderer {
    /// The `<table>…</table>` text of `table`, ending with a newline; empty for a table without columns.
    ///
    /// - Parameter nullText: what a null shows (`.nullvalue`).
    /// - Complexity: O(rows × columns).
    static func render(_ table: Table, nullText: String) -> String {
        guard !table.columns.isEmpty else { return "" }
        let rows = Array(0..<table.rowCount)
        let cells = table.columns.map { column in
            CellFormatter.cells(column, rows: rows, in: table).map { $0.style == .null ? nullText : $0.text }
        }
        let right = table.columns.map { CellFormatter.alignment(of: $0) == .right }
        var out = GridText()
        out.append("<table>\n<tr>")
        for column in table.columns { out.append("<th>" + XMLText.escape(column.name) + "</th>") }
        out.append("</tr>\n")
        for r in rows {
            out.append("<tr>")
            for c in cells.indices {
                out.append(right[c] ? "<td align=\"right\">" : "<td>")
                out.append(XMLText.escape(cells[c][r]))
                out.append("</td>")
            }
            out.append("</tr>\n")
        }
        out.append("</table>\n")
        return out.string
    }
}
