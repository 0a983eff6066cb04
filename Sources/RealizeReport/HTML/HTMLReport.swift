/// A self-contained HTML page built piece by piece: headings, prose, tables, charts, notes.
///
/// The page has its CSS inline and its charts as inline SVG: it loads nothing from anywhere, so it
/// can be mailed, archived or opened offline. Its print stylesheet keeps tables and charts whole on
/// a page, repeats table headers, and drops the screen's shading, so "print to PDF" gives a board pack.
public struct HTMLReport: Sendable {
    public var title: String
    /// Lines under the title (data source, parameters, when it was run).
    public var meta: [String] = []
    private var body: [String] = []

    public init(title: String) { self.title = title }

    public mutating func heading(_ text: String, level: Int) {
        let l = min(max(level, 1), 6)
        body.append("<h\(l)>\(XMLText.escape(text))</h\(l)>")
    }

    /// Markdown prose (headings, paragraphs, lists, emphasis, code, links), rendered to HTML.
    public mutating func prose(_ markdown: String) {
        let html = MarkdownHTML.render(markdown)
        if !html.isEmpty { body.append(html) }
    }

    /// The source of a statement block, folded away (and not printed).
    public mutating func code(_ text: String, label: String) {
        body.append("<details class=\"code\"><summary>\(XMLText.escape(label))</summary><pre><code>\(XMLText.escape(text))</code></pre></details>")
    }

    public mutating func table(_ table: FormattedTable, caption: String? = nil) {
        body.append("<figure class=\"result\">" + HTMLWriter.table(table, caption: caption) + "</figure>")
    }

    /// An SVG chart, inline.
    public mutating func chart(_ svg: String, caption: String? = nil) {
        var svgText = svg
        if svgText.hasPrefix("<?xml"), let end = svgText.range(of: "?>") {
            svgText = String(svgText[end.upperBound...].drop { $0 == "\n" || $0 == " " })
        }
        var out = "<figure class=\"chart\">" + svgText
        if let caption { out += "<figcaption>\(XMLText.escape(caption))</figcaption>" }
        body.append(out + "</figure>")
    }

    /// Plain text as the shell printed it (a dot command's output).
    public mutating func preformatted(_ text: String) {
        body.append("<pre class=\"output\">\(XMLText.escape(text))</pre>")
    }

    public mutating func note(_ text: String) {
        body.append("<p class=\"note\">\(XMLText.escape(text))</p>")
    }

    /// Raw HTML from a trusted source (this module's writers).
    mutating func raw(_ html: String) { body.append(html) }

    /// The whole page.
    public func render() -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"Realize\">\n"
        out += "<title>\(XMLText.escape(title))</title>\n<style>\n\(ReportStyle.css)</style>\n</head>\n<body>\n<main>\n"
        out += "<header><h1>\(XMLText.escape(title))</h1>"
        for line in meta { out += "<p class=\"meta\">\(XMLText.escape(line))</p>" }
        out += "</header>\n"
        out += body.joined(separator: "\n")
        out += "\n</main>\n</body>\n</html>\n"
        return out
    }
}
