import RealizeStore
/// A small Markdown renderer for a notebook's prose: ATX headings, paragraphs, bullet and numbered
/// lists, block quotes, rules, fenced code, and inline code, bold, italics and links.
///
/// Everything is escaped first; raw HTML in the prose is shown as text, never interpreted.
enum MarkdownHTML {
    static func render(_ markdown: String) -> String {
        var out: [String] = []
        var paragraph: [String] = []
        var list: (ordered: Bool, items: [String])? = nil
        var quote: [String] = []
        var fence: (marker: String, lines: [String])? = nil

        func flushParagraph() {
            if !paragraph.isEmpty { out.append("<p>" + inline(paragraph.joined(separator: " ")) + "</p>") }
            paragraph = []
        }
        func flushList() {
            if let l = list {
                let tag = l.ordered ? "ol" : "ul"
                out.append("<\(tag)>" + l.items.map { "<li>" + inline($0) + "</li>" }.joined() + "</\(tag)>")
            }
            list = nil
        }
        func flushQuote() {
            if !quote.isEmpty { out.append("<blockquote><p>" + inline(quote.joined(separator: " ")) + "</p></blockquote>") }
            quote = []
        }
        func flushAll() { flushParagraph(); flushList(); flushQuote() }

        for raw in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            let trimmed = line.trimmingCharacters(in: " \t")
            if var f = fence {
                if trimmed.hasPrefix(f.marker) {
                    out.append("<pre><code>" + XMLText.escape(f.lines.joined(separator: "\n")) + "</code></pre>")
                    fence = nil
                } else {
                    f.lines.append(line)
                    fence = f
                }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                flushAll()
                fence = (String(trimmed.prefix(3)), [])
                continue
            }
            if trimmed.isEmpty { flushAll(); continue }
            if let (level, text) = heading(trimmed) {
                flushAll()
                out.append("<h\(level)>" + inline(text) + "</h\(level)>")
                continue
            }
            if trimmed == "---" || trimmed == "***" || trimmed == "___" {
                flushAll()
                out.append("<hr>")
                continue
            }
            if trimmed.hasPrefix(">") {
                flushParagraph(); flushList()
                quote.append(trimmed.dropFirst().trimmingCharacters(in: " "))
                continue
            }
            if let (ordered, text) = listItem(trimmed) {
                flushParagraph(); flushQuote()
                if list == nil || list!.ordered != ordered { flushList(); list = (ordered, []) }
                list!.items.append(text)
                continue
            }
            if list != nil, line.hasPrefix("  ") {
                list!.items[list!.items.count - 1] += " " + trimmed
                continue
            }
            flushList(); flushQuote()
            paragraph.append(trimmed)
        }
        if let f = fence { out.append("<pre><code>" + XMLText.escape(f.lines.joined(separator: "\n")) + "</code></pre>") }
        flushAll()
        return out.joined(separator: "\n")
    }

    private static func heading(_ line: String) -> (Int, String)? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = line.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " else { return nil }
        var text = rest.trimmingCharacters(in: " ")
        while text.hasSuffix("#") { text.removeLast() }
        return (hashes, text.trimmingCharacters(in: " "))
    }

    private static func listItem(_ line: String) -> (Bool, String)? {
        if let f = line.first, "-*+".contains(f), line.dropFirst().first == " " {
            return (false, line.dropFirst(2).trimmingCharacters(in: " "))
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 3 {
            let rest = line.dropFirst(digits.count)
            if rest.hasPrefix(". ") || rest.hasPrefix(") ") { return (true, rest.dropFirst(2).trimmingCharacters(in: " ")) }
        }
        return nil
    }

    /// Inline markup over escaped text: `code`, **bold**, *italic* / _italic_, [text](url).
    static func inline(_ text: String) -> String {
        var out = ""
        let chars = Array(text)
        var i = 0
        func find(_ s: String, from: Int) -> Int? {
            let target = Array(s)
            var k = from
            while k + target.count <= chars.count {
                if Array(chars[k..<k + target.count]) == target { return k }
                k += 1
            }
            return nil
        }
        while i < chars.count {
            let c = chars[i]
            if c == "`", let end = find("`", from: i + 1) {
                out += "<code>" + XMLText.escape(String(chars[(i + 1)..<end])) + "</code>"
                i = end + 1
                continue
            }
            if c == "*" || c == "_", i + 1 < chars.count, chars[i + 1] == c, let end = find(String([c, c]), from: i + 2), end > i + 2 {
                out += "<strong>" + inline(String(chars[(i + 2)..<end])) + "</strong>"
                i = end + 2
                continue
            }
            if c == "*" || (c == "_" && (i == 0 || !chars[i - 1].isLetter)), let end = find(String(c), from: i + 1), end > i + 1,
                !chars[i + 1].isWhitespace
            {
                out += "<em>" + inline(String(chars[(i + 1)..<end])) + "</em>"
                i = end + 1
                continue
            }
            if c == "[", let close = find("](", from: i + 1), let end = find(")", from: close + 2) {
                let label = String(chars[(i + 1)..<close])
                let url = String(chars[(close + 2)..<end])
                let safe = url.lowercased().hasPrefix("javascript:") ? "#" : url
                out += "<a href=\"\(XMLText.escape(safe))\">" + inline(label) + "</a>"
                i = end + 1
                continue
            }
            out += XMLText.escape(String(c))
            i += 1
        }
        return out
    }
}
