import RealizeStore

/// Writes results as HTML: a table element per result, or a whole self-contained page.
///
/// Cells show the formatted text; each number cell carries its exact value in `data-value` (and as
/// a tooltip), so nothing is lost: exact decimals stay exact. Columns named like a RAG status whose
/// cells read `red`, `amber` or `green` are shown as coloured badges.
public enum HTMLWriter {
    /// An HTML `<table>` for `table`, with a caption when given.
    public static func table(_ table: FormattedTable, caption: String? = nil) -> String {
        var out = "<div class=\"table-wrap\"><table>"
        if let caption { out += "<caption>\(XMLText.escape(caption))</caption>" }
        out += "<thead><tr>"
        for c in table.columns {
            out += "<th class=\"\(c.alignRight ? "num" : "txt")\" title=\"\(c.type)\">\(XMLText.escape(c.name))</th>"
        }
        out += "</tr></thead><tbody>"
        let rag = table.columns.map { isStatusColumn($0) }
        for r in 0..<table.rowCount {
            out += "<tr>"
            for (k, c) in table.columns.enumerated() {
                let cell = c.cells[r]
                var classes: [String] = [c.alignRight ? "num" : "txt"]
                if cell.isNegative { classes.append("neg") }
                if cell.isNull { classes.append("na") }
                var attributes = ""
                if c.alignRight && !cell.isNull { attributes = " data-value=\"\(XMLText.escape(cell.exact))\" title=\"\(XMLText.escape(cell.exact))\"" }
                var content = XMLText.escape(cell.text)
                if rag[k], let badge = ragBadge(cell.text) { content = "<span class=\"rag rag-\(badge)\">\(content)</span>" }
                out += "<td class=\"\(classes.joined(separator: " "))\"\(attributes)>\(content)</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody></table></div>"
        if table.totalRows > table.rowCount {
            out += "<p class=\"note\">Showing \(table.rowCount) of \(table.totalRows) rows; export the result to get them all.</p>"
        }
        return out
    }

    /// A whole page holding `tables` (name, table), each under its name as a heading.
    public static func document(title: String, tables: [(name: String, table: FormattedTable)]) -> String {
        var report = HTMLReport(title: title)
        for (name, table) in tables {
            if tables.count > 1 { report.heading(name, level: 2) }
            report.table(table)
        }
        return report.render()
    }

    /// Whether a column holds RAG statuses: its name says status or RAG.
    static func isStatusColumn(_ c: FormattedTable.Column) -> Bool {
        guard c.type == .text else { return false }
        let n = c.name.lowercased()
        return n == "rag" || n == "status" || n.hasSuffix("_rag") || n.hasSuffix("_status") || n.hasPrefix("rag_")
    }

    /// `red`, `amber` or `green` for such a cell (any case), else nil.
    static func ragBadge(_ text: String) -> String? {
        switch text.lowercased() {
        case "red", "r": "red"
        case "amber", "a", "yellow": "amber"
        case "green", "g": "green"
        default: nil
        }
    }
}
