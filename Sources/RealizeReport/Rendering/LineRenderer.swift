import RealizeStore

/// Writes a result one cell per line, `column = value`, with a blank line between rows: the sqlite3
/// shell's `.mode line`, for rows too wide for a grid.
///
/// ```
///    project = Atlas
///     budget = 1,200,000.00
/// ```
///
/// Names are right-aligned to the longest; cells are formatted as in the box table. Every row is written.
enum LineRenderer {
    /// The text of `table`, ending with a newline; empty for a table without rows or columns.
    ///
    /// - Parameter nullText: what a null shows (`.nullvalue`).
    /// - Complexity: O(rows × columns).
    static func render(_ table: Table, nullText: String) -> String {
        guard !table.columns.isEmpty, table.rowCount > 0 else { return "" }
        let rows = Array(0..<table.rowCount)
        let names = table.columns.map { CellFormatter.printable($0.name) }
        let width = names.reduce(0) { max($0, DisplayWidth.of($1)) }
        let cells = table.columns.map { column in
            CellFormatter.cells(column, rows: rows, in: table).map { $0.style == .null ? CellFormatter.printable(nullText) : $0.text }
        }
        let labels = names.map { DisplayWidth.pad($0, to: width, .right) + " = " }
        var out = GridText()
        for r in rows {
            if r > 0 { out.append("\n") }
            for c in names.indices {
                out.append(labels[c])
                out.append(cells[c][r])
                out.append("\n")
            }
        }
        return out.string
    }
}
