import RealizeStore

/// How a result is written out.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// A box-drawn grid for people, capped to the terminal.
    case table
    /// Comma-separated values: exactly what `.export` writes.
    case csv
    /// An array of objects, one per row.
    case json
    /// A GitHub pipe table.
    case markdown
    /// One `column = value` line per cell, a blank line between rows: for wide rows.
    case line
    /// An HTML `<table>`, for pasting into a page.
    case html
}

/// Options for rendering a result.
public struct RenderOptions: Sendable {
    /// The output format.
    public var format: OutputFormat = .table
    /// Terminal width in columns; nil = unlimited (batch mode to a pipe). Table format only.
    public var maxWidth: Int? = nil
    /// Maximum body rows shown; nil = all. Hidden rows are reported in the footer. Table format only.
    public var maxRows: Int? = nil
    /// ANSI colour (only on a terminal): negatives red, `n/a` and the footer dimmed. Table format only.
    public var colour = false
    /// How CSV is written (line endings, byte-order mark, formula neutralisation); CSV format only.
    /// Keep it equal to what `.export` uses so that the two agree.
    public var csv = CSVWriteOptions()
    /// What a null looks like in the table, Markdown, line and HTML formats (`.nullvalue`); CSV and JSON
    /// keep nulls raw (an empty field, `null`).
    public var nullText = "n/a"
    /// Whether CSV starts with its header row (`.headers on|off`).
    public var headers = true

    /// Creates options; the defaults render every row and column as a plain table.
    public init(
        format: OutputFormat = .table, maxWidth: Int? = nil, maxRows: Int? = nil, colour: Bool = false,
        csv: CSVWriteOptions = CSVWriteOptions()
    ) {
        self.format = format; self.maxWidth = maxWidth; self.maxRows = maxRows; self.colour = colour
        self.csv = csv
    }
}

/// Turns a result table into text in one of the ``OutputFormat``s.
public enum ResultRenderer {
    /// Renders `table` in the chosen format; the text ends with a newline unless it is empty.
    ///
    /// Only the table format caps rows and width (and says so in its footer); CSV, JSON and
    /// Markdown always hold every row and column. CSV output is exactly what `.export` writes.
    ///
    /// - Parameters:
    ///   - table: the result to show.
    ///   - options: format, terminal size and colour.
    /// - Complexity: O(rows × columns) for CSV, JSON and Markdown; for the table format only the
    ///   rows shown are formatted.
    public static func render(_ table: Table, options: RenderOptions) -> String {
        switch options.format {
        case .table: BoxTableRenderer(options: options).render(table)
        case .csv: CSVRenderer.render(table, options: options.csv, headers: options.headers)
        case .json: JSONRenderer.render(table)
        case .markdown: MarkdownRenderer.render(table, nullText: options.nullText)
        case .line: LineRenderer.render(table, nullText: options.nullText)
        case .html: HTMLTableRenderer.render(table, nullText: options.nullText)
        }
    }
}
