/// A small SVG writer: a `viewBox`-sized document on a white background with generic sans-serif
/// text, built from elements in drawing order.
struct SVGDocument {
    let width: Double
    let height: Double
    private var elements: [String] = []

    init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    static func n(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    mutating func add(_ element: String) { elements.append(element) }

    mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1, dash: String? = nil, extra: String = "") {
        let d = dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
        add(
            "<line x1=\"\(Self.n(x1))\" y1=\"\(Self.n(y1))\" x2=\"\(Self.n(x2))\" y2=\"\(Self.n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(Self.n(width))\"\(d)\(extra)/>"
        )
    }

    /// Text; `anchor` is start, middle or end.
    mutating func text(
        _ s: String, x: Double, y: Double, size: Double = 12, anchor: String = "start", weight: String? = nil,
        fill: String = "#1d2733", rotate: Double? = nil, extra: String = ""
    ) {
        let w = weight.map { " font-weight=\"\($0)\"" } ?? ""
        let r = rotate.map { " transform=\"rotate(\(Self.n($0)) \(Self.n(x)) \(Self.n(y)))\"" } ?? ""
        add(
            "<text x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" font-size=\"\(Self.n(size))\" text-anchor=\"\(anchor)\" fill=\"\(fill)\"\(w)\(r)\(extra)>\(XMLText.escape(s))</text>"
        )
    }

    mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String, stroke: String? = nil, extra: String = "", tooltip: String? = nil) {
        let s = stroke.map { " stroke=\"\($0)\"" } ?? ""
        let open = "<rect x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" width=\"\(Self.n(max(w, 0)))\" height=\"\(Self.n(max(h, 0)))\" fill=\"\(fill)\"\(s)\(extra)"
        add(tooltip.map { open + "><title>\(XMLText.escape($0))</title></rect>" } ?? open + "/>")
    }

    mutating func polyline(
        _ points: [(Double, Double)], stroke: String, width: Double = 2, dash: String? = nil, fill: String = "none", closed: Bool = false, extra: String = ""
    ) {
        guard !points.isEmpty else { return }
        let list = points.map { Self.n($0.0) + "," + Self.n($0.1) }.joined(separator: " ")
        let d = dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
        let tag = closed ? "polygon" : "polyline"
        add("<\(tag) points=\"\(list)\" fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"\(Self.n(width))\" stroke-linejoin=\"round\"\(d)\(extra)/>")
    }

    /// A title block: the chart's title and an optional subtitle line.
    mutating func header(title: String, subtitle: String?) {
        text(title, x: 16, y: 26, size: 17, weight: "600")
        if let subtitle { text(subtitle, x: 16, y: 45, size: 12, fill: "#5b6672") }
    }

    /// A legend row of swatches starting at (x, y); returns the height used.
    @discardableResult
    mutating func legend(_ items: [(label: String, colour: String, style: LegendStyle)], x: Double, y: Double, maxWidth: Double) -> Double {
        var cx = x, cy = y
        for item in items {
            let w = 30 + Double(item.label.count) * 6.6 + 18
            if cx + w > x + maxWidth && cx > x { cx = x; cy += 18 }
            switch item.style {
            case .line: line(cx, cy - 4, cx + 22, cy - 4, stroke: item.colour, width: 2.5)
            case .dashed: line(cx, cy - 4, cx + 22, cy - 4, stroke: item.colour, width: 1.5, dash: "6 4")
            case .dotted: line(cx, cy - 4, cx + 22, cy - 4, stroke: item.colour, width: 1.5, dash: "2 3")
            case .box: rect(cx, cy - 10, 22, 11, fill: item.colour)
            case .area: rect(cx, cy - 10, 22, 11, fill: item.colour, extra: " fill-opacity=\"0.25\" stroke=\"\(item.colour)\"")
            case .ring: add("<circle cx=\"\(Self.n(cx + 11))\" cy=\"\(Self.n(cy - 4))\" r=\"5\" fill=\"none\" stroke=\"\(item.colour)\" stroke-width=\"2\"/>")
            }
            text(item.label, x: cx + 28, y: cy, size: 12)
            cx += w
        }
        return cy - y + 18
    }

    enum LegendStyle { case line, dashed, dotted, box, area, ring }

    /// The document, with a title element for accessibility.
    func render(title: String, description: String) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out +=
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Self.n(width)) \(Self.n(height))\" width=\"\(Self.n(width))\" height=\"\(Self.n(height))\" "
        out += "font-family=\"Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif\" role=\"img\">\n"
        out += "<title>\(XMLText.escape(title))</title>\n<desc>\(XMLText.escape(description))</desc>\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(Self.n(width))\" height=\"\(Self.n(height))\" fill=\"#ffffff\"/>\n"
        out += elements.joined(separator: "\n")
        return out + "\n</svg>\n"
    }
}
