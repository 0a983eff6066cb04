import RealizeStore

/// Writes a result as a GitHub pipe table, for pasting into an issue, a wiki or a status report.
///
/// Cells are formatted as in the box table (`1,234.50`, `n/a`, ISO dates) and padded so that
/// the source lines up too; numbers are right-aligned (`---:`). Pipes in cells are escaped
/// (`\|`) and line breaks shown as `↵`, so a cell never breaks the table. Every row and column is written: no capping.
///
/// ```
/// | project   |   budget |
/// | :-------- | -------: |
/// | Zürich    | 1,234.50 |
/// ```
package enum MarkdownRenderer {
    /// The Markdown text of `table`, ending with a newline; empty for a table without columns.
    /// - Parameter nullText: what a null shows (`.nullvalue`).
    package static func render(_ table: Table, nullText: String = "n/a") -> String {
        if table.columns.isEmpty { return "" }
        let rows = Array(0..<table.rowCount)
        var columns: [(header: String, alignment: Alignment, cells: [String], width: Int)] = []
        for column in table.columns {
            let header = escape(CellFormatter.printable(column.name))
            let cells = CellFormatter.cells(column, rows: rows, in: table).map { $0.style == .null ? escape(nullText) : escape($0.text) }
            let width = cells.reduce(max(3, DisplayWidth.of(header))) { max($0, DisplayWidth.of($1)) }
            columns.append((header, CellFormatter.alignment(of: column), cells, width))
        }
        func line(_ parts: [String]) -> String { "| " + parts.joined(separator: " | ") + " |\n" }
        var out = line(columns.map { DisplayWidth.pad($0.header, to: $0.width, $0.alignment) })
        out += line(
            columns.map { c in
                c.alignment == .right
                    ? String(repeating: "-", count: c.width - 1) + ":"
                    : ":" + String(repeating: "-", count: c.width - 1)
            })
        for r in rows {
            out += line(columns.map { DisplayWidth.pad($0.cells[r], to: $0.width, $0.alignment) })
        }
        return out
    }

    /// `text` safe inside a pipe-table cell.
    ///
    /// The cell formatter has already turned line breaks into `↵`; escaping a backslash keeps a
    /// trailing one from swallowing the next pipe.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "|": out += "\\|"
            case "\\": out += "\\\\"
            default: out.append(ch)
            }
        }
        return out
    }
}
