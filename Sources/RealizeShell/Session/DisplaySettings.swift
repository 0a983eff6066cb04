/// How the shell shows results, beyond the output format: `.maxrows`, `.maxwidth`, `.nullvalue`, `.headers`.
package struct DisplaySettings: Sendable, Equatable {
    /// The most body rows the table format shows; nil follows the terminal (every row off a terminal),
    /// 0 means no cap.
    package var maxRows: Int? = nil
    /// The widest the table format draws; nil follows the terminal, 0 means no cap.
    package var maxWidth: Int? = nil
    /// What a null shows in the table, Markdown, line and HTML formats.
    package var nullText = "n/a"
    /// Whether CSV output starts with its header row.
    package var headers = true

    package init() {}
}
