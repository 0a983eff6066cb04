import RealizeStore

/// Draws a result for people: a box-drawn grid with names and types in the header, formatted cells,
/// and a footer that always gives the shape and says what was left out.
///
/// ```
/// ┌────────────┬──────────┐
/// │    city    │   cost   │
/// │    text    │ decimal  │
/// ├────────────┼──────────┤
/// │ Zürich     │     1.50 │
/// │ 東京       │ 4,444.00 │
/// │     …      │    …     │
/// │ Oslo       │    -5.00 │
/// └────────────┴──────────┘
/// 1,200 rows × 2 columns
/// … 1,197 more rows (.export to write all)
/// ```
struct BoxTableRenderer {
    var options: RenderOptions

    /// One column, ready to draw.
    private struct Prepared {
        var name: String
        var nameWidth: Int
        var type: String
        var typeWidth: Int
        var alignment: Alignment
        var cells: [Cell]
        /// The display width of each cell, parallel to `cells`.
        var widths: [Int]
        var natural: Int
        var floor: Int
    }

    /// Renders `table` as a box grid followed by its footer; ends with a newline.
    func render(_ table: Table) -> String {
        let window = RowWindow(rowCount: table.rowCount, maxRows: options.maxRows)
        let rows = window.indices
        let prepared = table.columns.map { prepare($0, rows: rows, in: table) }
        let fit = ColumnFit(natural: prepared.map(\.natural), floors: prepared.map(\.floor), maxWidth: options.maxWidth)
        let shown = fit.kept.map { prepared[$0] }

        // A row is at most its drawn width in cells, each at most 4 bytes; most cells are 1 byte.
        var out = GridText(capacity: (rows.count + 6) * (ColumnFit.drawnWidth(fit.widths) + 3 * shown.count + 1))
        if !shown.isEmpty {
            let w = fit.widths
            border("┌", "┬", "┐", w, into: &out)
            row(shown.indices.map { (shown[$0].name, shown[$0].nameWidth) }, w, bold, into: &out)
            row(shown.indices.map { (shown[$0].type, shown[$0].typeWidth) }, w, dim, into: &out)
            border("├", "┼", "┤", w, into: &out)
            func body(_ k: Int) {
                out.append("│ ")
                for c in shown.indices {
                    if c > 0 { out.append(" │ ") }
                    let cell = shown[c].cells[k]
                    let colour: String?
                    switch cell.style {
                    case .plain: colour = nil
                    case .negative: colour = red
                    case .null: colour = dim
                    }
                    write(cell.text, width: shown[c].widths[k], shown[c].alignment, w[c], colour, into: &out)
                }
                out.append(" │\n")
            }
            for k in 0..<window.head.count { body(k) }
            if window.hidden > 0 {
                row(shown.indices.map { _ in ("…", 1) }, w, dim, into: &out)
            }
            for k in 0..<window.tail.count { body(window.head.count + k) }
            border("└", "┴", "┘", w, into: &out)
        }
        let hiddenNames = table.columns.indices.filter { !fit.kept.contains($0) }.map { table.columns[$0].name }
        for note in footer(table, window: window, hiddenColumns: hiddenNames) {
            out.append((options.colour ? dim + note + reset : note) + "\n")
        }
        return out.string
    }

    /// The footer lines: shape, hidden rows, hidden columns.
    func footer(_ table: Table, window: RowWindow, hiddenColumns: [String]) -> [String] {
        var notes = [Self.count(table.rowCount, "row") + " × " + Self.count(table.columns.count, "column")]
        if window.hidden > 0 {
            notes.append("… " + Self.count(window.hidden, "more row") + " (.export to write all)")
        }
        if !hiddenColumns.isEmpty {
            let head = Self.count(hiddenColumns.count, "column") + " hidden: "
            // Every name up to a dozen, so nothing is hidden silently; the line may wrap.
            var names = hiddenColumns.prefix(Self.listedColumns).map(CellFormatter.printable)
            if hiddenColumns.count > Self.listedColumns {
                names.append("… and \(hiddenColumns.count - Self.listedColumns) more")
            }
            notes.append(head + names.joined(separator: ", "))
        }
        return notes
    }

    /// How many hidden column names the footer lists before summing up the rest.
    static let listedColumns = 12

    /// `1 row`, `1,200 rows`.
    static func count(_ n: Int, _ noun: String) -> String {
        CellFormatter.integer(Int64(n)) + " " + noun + (n == 1 ? "" : "s")
    }

    private func prepare(_ column: Column, rows: [Int], in table: Table) -> Prepared {
        let name = CellFormatter.printable(column.name)
        let type = column.type.description
        var cells = CellFormatter.cells(column, rows: rows, in: table)
        if options.nullText != CellFormatter.nullText {
            cells = cells.map { $0.style == .null ? Cell(text: CellFormatter.printable(options.nullText), style: .null) : $0 }
        }
        let widths = cells.map { DisplayWidth.of($0.text) }
        let cellWidth = widths.reduce(1, max)
        let nameWidth = DisplayWidth.of(name), typeWidth = DisplayWidth.of(type)
        let natural = max(nameWidth, typeWidth, cellWidth)
        let floor: Int
        if column.type == .text {
            floor = min(natural, max(typeWidth, ColumnFit.textFloor))
        } else {
            floor = max(typeWidth, cellWidth, min(nameWidth, ColumnFit.textFloor))
        }
        return Prepared(
            name: name, nameWidth: nameWidth, type: type, typeWidth: typeWidth, alignment: CellFormatter.alignment(of: column),
            cells: cells, widths: widths, natural: natural, floor: floor)
    }

    // MARK: Drawing

    private var red: String { "\u{1B}[31m" }
    private var dim: String { "\u{1B}[2m" }
    private var bold: String { "\u{1B}[1m" }
    private var reset: String { "\u{1B}[0m" }

    private func border(_ left: String, _ mid: String, _ right: String, _ widths: [Int], into out: inout GridText) {
        out.append(left + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: mid) + right + "\n")
    }

    /// A header or `…` row: each text with its display width, centred and in `colour`.
    private func row(_ texts: [(String, Int)], _ widths: [Int], _ colour: String, into out: inout GridText) {
        out.append("│ ")
        for c in texts.indices {
            if c > 0 { out.append(" │ ") }
            write(texts[c].0, width: texts[c].1, .center, widths[c], colour, into: &out)
        }
        out.append(" │\n")
    }

    /// Writes `text` (`textWidth` cells wide) cut to `width` cells and padded to them, wrapped in `colour`
    /// (only the text, not the padding) when colour is on.
    private func write(
        _ text: String, width textWidth: Int, _ alignment: Alignment, _ width: Int, _ colour: String?, into out: inout GridText
    ) {
        if textWidth <= width {
            out.cell(text, textWidth: textWidth, width: width, alignment, colour: options.colour ? colour : nil, reset: reset)
        } else {
            let cut = DisplayWidth.truncate(text, to: width)
            out.cell(cut, textWidth: DisplayWidth.of(cut), width: width, alignment, colour: options.colour ? colour : nil, reset: reset)
        }
    }
}
