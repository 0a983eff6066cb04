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
        let escapedNull = escape(nullText)
        var columns: [(header: String, headerWidth: Int, alignment: Alignment, cells: [String], widths: [Int], width: Int)] = []
        for column in table.columns {
            let header = escape(CellFormatter.printable(column.name))
            let cells = CellFormatter.cells(column, rows: rows, in: table).map { $0.style == .null ? escapedNull : escape($0.text) }
            // Each cell is measured once, for the column width and again for its padding.
            let widths = cells.map(DisplayWidth.of)
            let headerWidth = DisplayWidth.of(header)
            let width = widths.reduce(max(3, headerWidth), max)
            columns.append((header, headerWidth, CellFormatter.alignment(of: column), cells, widths, width))
        }
        var out = GridText(capacity: (rows.count + 2) * columns.reduce(2) { $0 + $1.width + 3 })
        func line(_ cell: (Int) -> Void) {
            out.append("| ")
            for c in columns.indices {
                if c > 0 { out.append(" | ") }
                cell(c)
            }
            out.append(" |\n")
        }
        line { c in
            let column = columns[c]
            out.cell(column.header, textWidth: column.headerWidth, width: column.width, column.alignment, colour: nil, reset: "")
        }
        line { c in
            let c = columns[c]
            out.append(
                c.alignment == .right
                    ? String(repeating: "-", count: c.width - 1) + ":"
                    : ":" + String(repeating: "-", count: c.width - 1))
        }
        for r in rows {
            line { c in
                out.cell(columns[c].cells[r], textWidth: columns[c].widths[r], width: columns[c].width, columns[c].alignment, colour: nil, reset: "")
            }
        }
        return out.string
    }

    /// `text` safe inside a pipe-table cell.
    ///
    /// The cell formatter has already turned line breaks into `↵`; escaping a backslash keeps a
    /// trailing one from swallowing the next pipe.
    static func escape(_ text: String) -> String {
        if !text.utf8.contains(where: { $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: "\\") }) { return text }
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
