/// A final `| chart KIND COLUMNS… [by GROUP] [title "…"] [unit "…"] [to PATH.svg]` stage, as written:
///
/// ```
/// chart bar LABEL VALUE
/// chart line X Y [by GROUP]
/// chart radar DIMENSION SCORE TARGET [by GROUP]
/// ```
///
/// The parser checks its shape; the checker checks its columns against the result's before anything runs.
public struct ChartClause: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case bar, line, radar

        /// The columns each kind takes, for usage messages.
        public var arguments: [String] {
            switch self {
            case .bar: ["LABEL", "VALUE"]
            case .line: ["X", "Y"]
            case .radar: ["DIMENSION", "SCORE", "TARGET"]
            }
        }

        public var usage: String {
            let by = self == .bar ? "" : " [by GROUP]"
            return "chart \(rawValue) \(arguments.joined(separator: " "))\(by) [title \"…\"] [unit \"…\"] [to PATH.svg]"
        }
    }

    /// A column named in the stage, with where it was written.
    public struct ColumnRef: Sendable {
        public var name: String
        public var range: SourceRange

        public init(name: String, range: SourceRange) {
            self.name = name
            self.range = range
        }
    }

    public var kind: Kind
    public var columns: [ColumnRef]
    public var group: ColumnRef?
    public var title: String?
    public var unit: String?
    /// The SVG file to write (`to PATH`); nil draws the chart in the terminal.
    public var path: String?
    /// Where the path was written.
    public var pathRange: SourceRange?
    /// The whole `chart …` stage.
    public var range: SourceRange

    public init(kind: Kind, columns: [ColumnRef], range: SourceRange) {
        self.kind = kind
        self.columns = columns
        self.range = range
    }

    /// The title shown when none is given: `cpi by period, per program`.
    public var defaultTitle: String {
        switch kind {
        case .bar: return "\(columns[1].name) by \(columns[0].name)"
        case .line: return "\(columns[1].name) by \(columns[0].name)" + (group.map { ", per \($0.name)" } ?? "")
        case .radar: return "\(columns[1].name) against \(columns[2].name) by \(columns[0].name)" + (group.map { ", per \($0.name)" } ?? "")
        }
    }

    public var displayTitle: String { title ?? defaultTitle }
}
