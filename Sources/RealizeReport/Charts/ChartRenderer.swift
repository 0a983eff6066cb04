import RealizeQuery
import RealizeStore

/// Draws a chart stage's result: as SVG for files and reports, or as text for the shell.
public enum ChartRenderer {
    /// The chart as a standalone SVG document.
    /// - Throws: ``QueryError`` when a named column is missing or of the wrong type (positions from the spec).
    public static func svg(_ spec: ChartSpec, table: Table) throws(QueryError) -> String {
        switch spec.kind {
        case .bar: return SVGBarChart(spec: spec, bars: try ChartData.bars(spec, table)).render()
        case .line: return SVGLineChart(spec: spec, data: try ChartData.lines(spec, table)).render()
        case .radar: return SVGRadarChart(spec: spec, profiles: try checkedProfiles(spec, table)).render()
        }
    }

    /// The chart drawn with text, for a terminal `width` columns wide.
    /// - Throws: ``QueryError`` as for ``svg(_:table:)``.
    public static func terminal(_ spec: ChartSpec, table: Table, width: Int = 100, colour: Bool = false) throws(QueryError) -> String {
        let drawer = TerminalChart(width: width, colour: colour)
        switch spec.kind {
        case .bar: return drawer.bars(spec, try ChartData.bars(spec, table))
        case .line: return drawer.lines(spec, try ChartData.lines(spec, table))
        case .radar: return drawer.profiles(spec, try ChartData.profiles(spec, table))
        }
    }

    /// Writes the SVG to `path` atomically.
    /// - Throws: ``ExportError`` when the file cannot be written.
    public static func write(_ svg: String, to path: String) throws(ExportError) {
        do {
            try AtomicFile.write(Array(svg.utf8), to: path)
        } catch {
            throw ExportError(error)
        }
    }

    private static func checkedProfiles(_ spec: ChartSpec, _ table: Table) throws(QueryError) -> [ChartData.Profile] {
        let profiles = try ChartData.profiles(spec, table)
        if let small = profiles.first(where: { $0.spokes.count < 3 }) {
            throw QueryError(
                Diagnostic(
                    id: .chartRadarTooFew,
                    message: "a radar chart needs at least 3 dimensions; \(small.name.map { "`\($0)` has" } ?? "the result has") \(small.spokes.count)",
                    range: spec.columns[0].range, hint: "use `chart bar` for fewer dimensions"))
        }
        return profiles
    }
}
