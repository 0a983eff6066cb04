/// The file formats `.export` writes, chosen by the file's extension.
public enum ExportFormat: String, Sendable, CaseIterable {
    case csv, xlsx, markdown, json, html, arrow

    /// The format for `path`'s extension (`.csv`, `.xlsx`, `.md` or `.markdown`, `.json`, `.html` or
    /// `.htm`, `.arrow` (also `.feather`, `.ipc`), any case); a path without an extension is CSV. Nil for any other extension.
    public init?(path: String) {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else {
            self = .csv
            return
        }
        switch name[name.index(after: dot)...].lowercased() {
        case "csv": self = .csv
        case "xlsx": self = .xlsx
        case "md", "markdown": self = .markdown
        case "json": self = .json
        case "html", "htm": self = .html
        case "arrow", "feather", "ipc": self = .arrow
        default: return nil
        }
    }

    /// The extensions, as listed in messages.
    public static let extensions = ".csv, .xlsx, .md, .json, .html, .arrow"

    /// Whether one file of this format can hold several tables.
    public var holdsSeveralTables: Bool { self != .csv && self != .arrow }
}
