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
        var type: String
        var alignment: Alignment
        var cells: [Cell]
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

        var out = ""
        if !shown.isEmpty {
            let w = fit.widths
            out += border("┌", "┬", "┐", w)
            out += line(shown.indices.map { styled(DisplayWidth.truncate(shown[$0].name, to: w[$0]), .center, w[$0], bold) })
            out += line(shown.indices.map { styled(DisplayWidth.truncate(shown[$0].type, to: w[$0]), .center, w[$0], dim) })
            out += border("├", "┼", "┤", w)
            func body(_ k: Int) {
                out += line(
                    shown.indices.map { c in
                        let cell = shown[c].cells[k]
                        let text = DisplayWidth.truncate(cell.text, to: w[c])
                        switch cell.style {
                        case .plain: return styled(text, shown[c].alignment, w[c], nil)
                        case .negative: return styled(text, shown[c].alignment, w[c], red)
                        case .null: return styled(text, shown[c].alignment, w[c], dim)
                        }
                    })
            }
            for k in 0..<window.head.count { body(k) }
            if window.hidden > 0 {
                out += line(shown.indices.map { styled("…", .center, w[$0], dim) })
            }
            for k in 0..<window.tail.count { body(window.head.count + k) }
            out += border("└", "┴", "┘", w)
        }
        let hiddenNames = table.columns.indices.filter { !fit.kept.contains($0) }.map { table.columns[$0].name }
        for note in footer(table, window: window, hiddenColumns: hiddenNames) {
            out += (options.colour ? dim + note + reset : note) + "\n"
        }
        return out
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
        let cellWidth = cells.reduce(1) { max($0, DisplayWidth.of($1.text)) }
        let nameWidth = DisplayWidth.of(name), typeWidth = DisplayWidth.of(type)
        let natural = max(nameWidth, typeWidth, cellWidth)
        let floor: Int
        if column.type == .text {
            floor = min(natural, max(typeWidth, ColumnFit.textFloor))
        } else {
            floor = max(typeWidth, cellWidth, min(nameWidth, ColumnFit.textFloor))
        }
        return Prepared(
            name: name, type: type, alignment: CellFormatter.alignment(of: column),
            cells: cells, natural: natural, floor: floor)
    }

    // MARK: Drawing

    private var red: String { "\u{1B}[31m" }
    private var dim: String { "\u{1B}[2m" }
    private var bold: String { "\u{1B}[1m" }
    private var reset: String { "\u{1B}[0m" }

    private func border(_ left: String, _ mid: String, _ right: String, _ widths: [Int]) -> String {
        left + widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: mid) + right + "\n"
    }

    private func line(_ cells: [String]) -> String {
        "│ " + cells.joined(separator: " │ ") + " │\n"
    }

    /// `text` padded to `width`, wrapped in `colour` (only the text, not the padding) when colour is on.
    private func styled(_ text: String, _ alignment: Alignment, _ width: Int, _ colour: String?) -> String {
        guard options.colour, let colour else { return DisplayWidth.pad(text, to: width, alignment) }
        let gap = max(0, width - DisplayWidth.of(text))
        let before: Int
        switch alignment {
        case .left: before = 0
        case .right: before = gap
        case .center: before = gap / 2
        }
        return String(repeating: " ", count: before) + colour + text + reset
            + String(repeating: " ", count: gap - before)
    }
}
