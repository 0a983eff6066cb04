import RealizeReport
import RealizeStore

/// Where `.output FILE` or `.once FILE` sends results, and what has gone there so far.
///
/// The file is rewritten atomically after each result with everything sent so far, so it is always
/// complete and an interrupted write leaves the previous version.
package struct OutputRedirect: Sendable {
    /// The path as the user wrote it (for messages).
    package var path: String
    /// The path written to (relative to a notebook's report folder when there is one).
    package var target: String
    /// Only the next result (`.once`).
    package var once: Bool
    /// The text format of the file; nil for a workbook (`.xlsx`), written by the exporter.
    package var format: OutputFormat?
    /// The text written so far.
    package var text = ""
    /// The tables written so far (for a workbook: one sheet each).
    package var tables: [(name: String, table: Table)] = []

    /// The format for `path`: its extension's (`.csv`, `.json`, `.md`, `.html`), a workbook for `.xlsx`,
    /// otherwise `mode` (`.txt`, no extension).
    package static func format(for path: String, mode: OutputFormat) -> OutputFormat?? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return .some(mode) }
        switch name[name.index(after: dot)...].lowercased() {
        case "csv": return .some(.csv)
        case "json": return .some(.json)
        case "md", "markdown": return .some(.markdown)
        case "html", "htm": return .some(.html)
        case "xlsx": return .some(nil)
        default: return .some(mode)
        }
    }
}
