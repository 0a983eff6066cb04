import RealizeReport
import RealizeStore
import RealizeODBC

/// Puts a notebook run together as a report: its prose, and under each block that block's results.
struct NotebookReport {
    var title: String
    var meta: [String]
    /// Prose and block results, in notebook order.
    var parts: [Part]

    enum Part {
        case prose(String)
        case block(NotebookRunner.BlockResult)
    }

    /// Rows of a result shown in the report; the rest are noted (and can be exported).
    static let maxRows = 200

    /// A self-contained HTML page: inline CSS and SVG, each block's source folded away above its results.
    func html(reportFolder: String) -> String {
        var report = HTMLReport(title: title)
        report.meta = meta
        for part in parts {
            switch part {
            case .prose(let text): report.prose(text)
            case .block(let block):
                let last = block.firstLine + max(block.lines.count - 1, 0)
                report.code(ConnectionString.maskSecrets(in: block.lines.joined(separator: "\n")), label: "realize, lines \(block.firstLine)–\(last)")
                for event in block.events {
                    switch event {
                    case .table(let t): report.table(FormattedTable(t, maxRows: Self.maxRows))
                    case .defined: continue
                    case .chart(_, let svg, let file, _):
                        report.chart(svg, caption: file.map { "Also saved as " + Self.relative($0, to: reportFolder) })
                    case .exported(let paths):
                        report.note("Exported: " + paths.map { Self.relative($0, to: reportFolder) }.joined(separator: ", "))
                    case .text(let text): report.preformatted(text)
                    }
                }
            }
        }
        return report.render()
    }

    /// A Markdown report; charts without a file of their own are written beside it as
    /// `REPORT-chart-N.svg` (returned as path and SVG, for the caller to write) and linked.
    func markdown(reportPath: String, reportFolder: String) -> (text: String, charts: [(path: String, svg: String)]) {
        var out = "# \(title)\n\n"
        for line in meta { out += "_\(line)_  \n" }
        out += "\n"
        var charts: [(String, String)] = []
        let stem = Self.stem(reportPath)
        for part in parts {
            switch part {
            case .prose(let text): out += text.trimmingTrailingWhitespace() + "\n\n"
            case .block(let block):
                out += "```realize\n" + ConnectionString.maskSecrets(in: block.lines.joined(separator: "\n")) + "\n```\n\n"
                for event in block.events {
                    switch event {
                    case .table(let t):
                        out += MarkdownRenderer.render(t.prefix(Self.maxRows))
                        if t.rowCount > Self.maxRows { out += "\n_Showing \(Self.maxRows) of \(t.rowCount) rows._\n" }
                        out += "\n"
                    case .defined: continue
                    case .chart(let title, let svg, let file, _):
                        var link: String
                        if let file {
                            link = Self.relative(file, to: reportFolder)
                        } else {
                            link = "\(stem)-chart-\(charts.count + 1).svg"
                            charts.append((reportFolder + "/" + link, svg))
                        }
                        link = link.replacingSpaces()
                        out += "![\(title)](\(link))\n\n"
                    case .exported(let paths):
                        out +=
                            "_Exported: "
                            + paths.map { p in
                                let r = Self.relative(p, to: reportFolder); return "[\(r)](\(r.replacingSpaces()))"
                            }.joined(separator: ", ") + "_\n\n"
                    case .text(let text):
                        out += "```text\n" + text.trimmingTrailingWhitespace() + "\n```\n\n"
                    }
                }
            }
        }
        return (String(out.trimmingTrailingWhitespace()) + "\n", charts)
    }

    /// `path` relative to `folder` when inside it.
    static func relative(_ path: String, to folder: String) -> String {
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// A file name without its folder and extension.
    static func stem(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}

extension String {
    /// Spaces as `%20`, for Markdown links.
    fileprivate func replacingSpaces() -> String {
        var out = ""
        for c in self { out += c == " " ? "%20" : String(c) }
        return out
    }
}
