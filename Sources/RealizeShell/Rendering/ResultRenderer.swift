// PLACEHOLDER: the rendering helper replaces this file. API contract only.
import RealizeStore

/// How a result is written out.
public enum OutputFormat: String, Sendable, CaseIterable {
    case table, csv, json, markdown
}

/// Options for rendering a result.
public struct RenderOptions: Sendable {
    public var format: OutputFormat = .table
    /// Terminal width in columns; nil = unlimited (batch mode to a pipe).
    public var maxWidth: Int? = nil
    /// Maximum body rows shown; nil = all. Hidden rows are reported in the footer.
    public var maxRows: Int? = nil
    /// ANSI colour (only on a terminal).
    public var colour = false
    public init(format: OutputFormat = .table, maxWidth: Int? = nil, maxRows: Int? = nil, colour: Bool = false) {
        self.format = format; self.maxWidth = maxWidth; self.maxRows = maxRows; self.colour = colour
    }
}

public enum ResultRenderer {
    /// Renders `table` in the chosen format. CSV output is exactly what `.export` writes.
    public static func render(_ table: Table, options: RenderOptions) -> String {
        table.columnNames.joined(separator: ",") + "\n"
    }
}

public enum TableSummary {
    /// One row per column of `table`: column, type, count, nulls, distinct, min, max, mean.
    public static func summarize(_ table: Table) -> Table { .empty }
}
