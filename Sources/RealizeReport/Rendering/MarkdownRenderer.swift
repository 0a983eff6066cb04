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
            // Each cell is measured once: the width sizes the column and then pads the cell.
            let widths = cells.map(DisplayWidth.of)
            let headerWidth = DisplayWidth.of(header)
            let width = widths.reduce(max(3, headerWidth), max)
            columns.append((header, headerWidth, CellFormatter.alignment(of: column), cells, widths, width))
        }
        var out = GridText(capacity: (rows.count + 2) * columns.reduce(2) { $0 + $1.width + 3 })
        // Plain loops rather than a nested function per line: a closure capturing `out` made every cell pay for
        // a dynamic exclusivity check (callgrind).
        out.append("| ")
        for (c, column) in columns.enumerated() {
            if c > 0 { out.append(" | ") }
            out.cell(column.header, textWidth: column.headerWidth, width: column.width, column.alignment, colour: nil, reset: "")
        }
        out.append(" |\n| ")
        for (c, column) in columns.enumerated() {
            if c > 0 { out.append(" | ") }
            let dashes = String(repeating: "-", count: column.width - 1)
            out.append(column.alignment == .right ? dashes + ":" : ":" + dashes)
        }
        out.append(" |\n")
        for r in rows {
            out.append("| ")
            for c in columns.indices {
                if c > 0 { out.append(" | ") }
                out.cell(columns[c].cells[r], textWidth: columns[c].widths[r], width: columns[c].width, columns[c].alignment, colour: nil, reset: "")
            }
            out.append(" |\n")
        }
        return out.string
    }

    /// `text` safe inside a pipe-table cell.
    ///
    /// The cell formatter has already turned line breaks into `↵`; escaping a backslash keeps a
    /// trailing one from swallowing the next pipe.
    static func escape(_ text: String) -> String {
        // Over the contiguous bytes: `text.utf8.contains(where:)` cost about 200 instructions a cell (callgrind).
        let plain = text.utf8.withContiguousStorageIfAvailable { bytes in
            !bytes.contains { $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: "\\") }
        }
        if plain == true { return text }
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
