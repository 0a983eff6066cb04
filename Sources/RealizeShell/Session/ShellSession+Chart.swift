import RealizeQuery
import RealizeReport
import RealizeStore

extension ShellSession {
    /// Draws `spec` from `table`: in the terminal, or into an SVG file with `to PATH.svg`.
    ///
    /// Column errors are reported like query errors, pointing into the statement.
    func drawChart(_ spec: ChartSpec, _ table: Table, statement: Statement, sourceName: String) -> Outcome {
        do throws(QueryError) {
            let wantsSVG = spec.path != nil || observer != nil
            let svg = wantsSVG ? try ChartRenderer.svg(spec, table: table) : ""
            var written: String? = nil
            if let path = spec.path {
                let target = resolveOutputPath(path)
                do throws(ExportError) {
                    try ChartRenderer.write(svg, to: target)
                } catch {
                    output.err(
                        ShellError("chart", "cannot write the chart: \(error.description)", hint: "nothing was written; an existing file is unchanged")
                            .description + "\n")
                    return .failure
                }
                written = target
                if interactive { output.out("wrote \(spec.kind.rawValue) chart of \(table.rowCount) \(table.rowCount == 1 ? "row" : "rows") to \(path)\n") }
            } else {
                var width = 100
                if output.stdoutIsTerminal, let size = Terminal.size(of: 1) { width = size.columns }
                output.out(try ChartRenderer.terminal(spec, table: table, width: width, colour: output.stdoutColour))
            }
            observer?(.chart(title: spec.displayTitle, svg: svg, file: written, table: table))
            return .success
        } catch {
            let renderer = DiagnosticRenderer(sourceName: sourceName, colour: output.stderrColour)
            output.err(renderer.render(error, statement: statement))
            return .failure
        }
    }

    /// `path` with `~` expanded, and relative to ``outputFolder`` when one is set.
    func resolveOutputPath(_ path: String) -> String {
        let expanded = Self.expandingTilde(path)
        guard let folder = outputFolder, !expanded.hasPrefix("/") else { return expanded }
        return folder.hasSuffix("/") ? folder + expanded : folder + "/" + expanded
    }
}
