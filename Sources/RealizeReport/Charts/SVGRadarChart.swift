import Foundation

/// A radar (profile) chart as SVG: one spoke per dimension, the score as a filled polygon and the
/// target as a dashed outline, rings at each level; one panel per group when `by` is given.
struct SVGRadarChart {
    var spec: ChartSpec
    var profiles: [ChartData.Profile]

    func render() -> String {
        let panel = 430.0
        let columns = profiles.count > 1 ? 2 : 1
        let rows = Int((Double(profiles.count) / Double(columns)).rounded(.up))
        let width = max(860.0, Double(columns) * panel)
        let top = 76.0
        let height = top + Double(rows) * panel + 10
        var svg = SVGDocument(width: width, height: height)
        svg.header(
            title: spec.displayTitle,
            subtitle:
                "Scale 0 to \(ChartScale.fixed(maxLevel, places: 0)); the filled shape is \(spec.columns[1].name), the dashed outline \(spec.columns[2].name).")
        svg.legend([(spec.columns[1].name, ChartScale.palette[0], .area), (spec.columns[2].name, ChartScale.palette[1], .dashed)], x: 16, y: 66, maxWidth: 400)
        let offsetX = (width - Double(columns) * panel) / 2
        for (k, profile) in profiles.enumerated() {
            let cx = offsetX + Double(k % columns) * panel + panel / 2
            let cy = top + Double(k / columns) * panel + panel / 2 + 6
            draw(profile, cx: cx, cy: cy, radius: panel / 2 - 92, into: &svg)
        }
        let spokes = profiles.reduce(0) { $0 + $1.spokes.count }
        return svg.render(
            title: spec.displayTitle,
            description:
                "Radar chart of \(spec.columns[1].name) against \(spec.columns[2].name) by \(spec.columns[0].name): \(profiles.count) profile(s), \(spokes) dimensions."
        )
    }

    /// The outer ring: 5 for maturity levels, or the next whole number above the data.
    private var maxLevel: Double {
        let all = profiles.flatMap { $0.spokes.flatMap { [$0.score, $0.target].compactMap { $0 } } }
        let m = all.max() ?? 5
        return m <= 5 ? 5 : m.rounded(.up)
    }

    private func draw(_ profile: ChartData.Profile, cx: Double, cy: Double, radius: Double, into svg: inout SVGDocument) {
        let n = profile.spokes.count
        guard n > 0 else { return }
        if let name = profile.name { svg.text(name, x: cx, y: cy - radius - 52, size: 14, anchor: "middle", weight: "600") }
        func point(_ k: Int, _ v: Double) -> (Double, Double) {
            let angle = -Double.pi / 2 + 2 * Double.pi * Double(k) / Double(n)
            let r = radius * max(0, v) / maxLevel
            return (cx + r * cos(angle), cy + r * sin(angle))
        }
        let levels = Int(maxLevel)
        for level in 1...max(levels, 1) {
            let ring = (0..<n).map { point($0, Double(level)) }
            svg.polyline(ring, stroke: "#d5dbe1", width: 1, closed: true)
            svg.text(String(level), x: cx + 3, y: point(0, Double(level)).1 - 2, size: 9, fill: "#7b8692")
        }
        for k in 0..<n {
            let (x, y) = point(k, maxLevel)
            svg.line(cx, cy, x, y, stroke: "#d5dbe1")
            let (lx, ly) = point(k, maxLevel * 1.12)
            let anchor = abs(lx - cx) < 8 ? "middle" : (lx > cx ? "start" : "end")
            let spoke = profile.spokes[k]
            let words = wrap(spoke.dimension, width: 18)
            for (i, w) in words.enumerated() {
                svg.text(w, x: lx, y: ly + 4 + Double(i) * 13 - (ly < cy ? Double(words.count - 1) * 13 : 0), size: 11.5, anchor: anchor)
            }
            let value = "\(ChartScale.label(spoke.score)) / \(ChartScale.label(spoke.target))"
            svg.text(
                value, x: lx, y: ly + 4 + Double(words.count) * 13 - (ly < cy ? Double(words.count - 1) * 13 : 0), size: 10.5, anchor: anchor, fill: "#5b6672")
        }
        let targets = profile.spokes.enumerated().map { point($0.offset, $0.element.target ?? 0) }
        let scores = profile.spokes.enumerated().map { point($0.offset, $0.element.score ?? 0) }
        svg.polyline(
            scores, stroke: ChartScale.palette[0], width: 2, fill: ChartScale.palette[0], closed: true, extra: " fill-opacity=\"0.22\" class=\"score\"")
        svg.polyline(targets, stroke: ChartScale.palette[1], width: 2, dash: "6 4", closed: true, extra: " class=\"target\"")
        for (k, s) in profile.spokes.enumerated() {
            guard let v = s.score else { continue }
            let (x, y) = point(k, v)
            svg.add(
                "<circle class=\"point\" cx=\"\(SVGDocument.n(x))\" cy=\"\(SVGDocument.n(y))\" r=\"3\" fill=\"\(ChartScale.palette[0])\" "
                    + "data-dimension=\"\(XMLText.escape(s.dimension))\" data-score=\"\(v)\" data-target=\"\(s.target.map { String($0) } ?? "")\">"
                    + "<title>\(XMLText.escape(s.dimension)): \(ChartScale.label(v)), target \(ChartScale.label(s.target))</title></circle>")
        }
    }

    /// Words of `text` gathered into lines of at most `width` characters.
    private func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if !current.isEmpty && current.count + 1 + word.count > width {
                lines.append(current)
                current = String(word)
            } else {
                current += (current.isEmpty ? "" : " ") + word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
