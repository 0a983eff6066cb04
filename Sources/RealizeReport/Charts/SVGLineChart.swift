/// A line chart as SVG: one line per group, with control limits (dashed) and a centre line (dotted)
/// when the result has `ucl`/`lcl` and `mean` (or `cl`) columns, and points outside the limits circled.
struct SVGLineChart {
    var spec: ChartSpec
    var data: ChartData.LineChart

    func render() -> String {
        let width = 860.0, height = 440.0
        var svg = SVGDocument(width: width, height: height)
        let yName = spec.columns[1].name, xName = spec.columns[0].name
        let subtitle =
            data.hasLimits
            ? "Dashed: control limits (\(limitNames)); points outside them are circled."
            : nil
        svg.header(title: spec.displayTitle, subtitle: subtitle)

        // Legend under the title.
        var items: [(label: String, colour: String, style: SVGDocument.LegendStyle)] = []
        let single = data.series.count == 1
        for (k, s) in data.series.enumerated() { items.append((s.name, colour(k), .line)) }
        if data.hasLimits {
            items.append(("control limits", single ? ChartScale.limit : "#5b6672", .dashed))
            if data.series.contains(where: { !$0.centre.isEmpty }) { items.append(("centre line", single ? "#5b6672" : "#5b6672", .dotted)) }
            if data.series.contains(where: { !$0.outside.isEmpty }) { items.append(("outside the limits", ChartScale.negative, .ring)) }
        }
        let legendTop = subtitle == nil ? 52.0 : 68.0
        let legendHeight = svg.legend(items, x: 78, y: legendTop, maxWidth: width - 100)

        let left = 78.0, right = width - 28, top = legendTop + legendHeight + 6, bottom = height - 62
        var ys: [Double] = []
        for s in data.series { ys += s.points.map(\.y) + s.upper.map(\.y) + s.lower.map(\.y) + s.centre.map(\.y) }
        let ticks = ChartScale.ticks(ys.min() ?? 0, ys.max() ?? 1, count: 6)
        let lo = ticks.first ?? 0, hi = ticks.last ?? 1
        let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
        func py(_ v: Double) -> Double { bottom - (v - lo) / max(hi - lo, 1e-12) * (bottom - top) }

        let xValues = data.xs.map(\.x)
        let xIndex = Dictionary(uniqueKeysWithValues: xValues.enumerated().map { ($1, Double($0)) })
        let xlo = data.categorical ? 0 : (xValues.first ?? 0), xhi = data.categorical ? Double(max(xValues.count - 1, 1)) : (xValues.last ?? 1)
        func px(_ x: Double) -> Double {
            let v = data.categorical ? (xIndex[x] ?? 0) : x
            let span = xhi - xlo
            return span == 0 ? (left + right) / 2 : left + 8 + (v - xlo) / span * (right - left - 16)
        }

        // Grid and y axis.
        for t in ticks {
            svg.line(left, py(t), right, py(t), stroke: "#e3e8ed")
            svg.text(ChartScale.tick(t, step: step), x: left - 8, y: py(t) + 4, size: 11, anchor: "end", fill: "#3b4652")
        }
        svg.line(left, top, left, bottom, stroke: "#9aa7b4")
        svg.line(left, bottom, right, bottom, stroke: "#9aa7b4")
        svg.text(axisTitle(yName, unit: spec.unit), x: 18, y: (top + bottom) / 2, size: 12, anchor: "middle", weight: "600", rotate: -90)

        // x labels: all when few, else about eight.
        let every = max(1, Int((Double(data.xs.count) / 8).rounded(.up)))
        for (k, x) in data.xs.enumerated() where k % every == 0 || k == data.xs.count - 1 {
            if k == data.xs.count - 1 && k % every != 0 && every > 1 { continue }
            svg.line(px(x.x), bottom, px(x.x), bottom + 4, stroke: "#9aa7b4")
            svg.text(x.label, x: px(x.x), y: bottom + 18, size: 11, anchor: "middle", fill: "#3b4652")
        }
        svg.text(axisTitle(xName, unit: nil), x: (left + right) / 2, y: height - 18, size: 12, anchor: "middle", weight: "600")

        // Limits, then lines, then points on top.
        for (k, s) in data.series.enumerated() {
            let c = single ? ChartScale.limit : colour(k)
            svg.polyline(steps(s.upper).map { (px($0.x), py($0.y)) }, stroke: c, width: 1.4, dash: "6 4", extra: " class=\"ucl\"")
            svg.polyline(steps(s.lower).map { (px($0.x), py($0.y)) }, stroke: c, width: 1.4, dash: "6 4", extra: " class=\"lcl\"")
            svg.polyline(
                steps(s.centre).map { (px($0.x), py($0.y)) }, stroke: single ? "#5b6672" : colour(k), width: 1.2, dash: "2 3", extra: " class=\"centre\"")
        }
        for (k, s) in data.series.enumerated() {
            svg.polyline(
                s.points.map { (px($0.x), py($0.y)) }, stroke: colour(k), width: 2.2, extra: " class=\"series\" data-series=\"\(XMLText.escape(s.name))\"")
            for p in s.points {
                svg.add(
                    "<circle class=\"point\" cx=\"\(SVGDocument.n(px(p.x)))\" cy=\"\(SVGDocument.n(py(p.y)))\" r=\"2.8\" fill=\"\(colour(k))\" "
                        + "data-series=\"\(XMLText.escape(s.name))\" data-x=\"\(XMLText.escape(p.label))\" data-y=\"\(p.y)\">"
                        + "<title>\(XMLText.escape(s.name)) \(XMLText.escape(p.label)): \(ChartScale.label(p.y))</title></circle>")
            }
            for p in s.outside {
                svg.add(
                    "<circle class=\"outside\" cx=\"\(SVGDocument.n(px(p.x)))\" cy=\"\(SVGDocument.n(py(p.y)))\" r=\"6\" fill=\"none\" stroke=\"\(ChartScale.negative)\" stroke-width=\"2\"/>"
                )
            }
        }
        let points = data.series.reduce(0) { $0 + $1.points.count }
        return svg.render(
            title: spec.displayTitle,
            description: "Line chart of \(yName) by \(xName): \(data.series.count) series, \(points) points.")
    }

    private var limitNames: String { data.limitColumns.joined(separator: ", ") }

    /// Limits drawn as steps so that a limit recomputed per phase reads as a level, not a slope.
    private func steps(_ points: [ChartData.Point]) -> [ChartData.Point] {
        guard points.count > 1, Set(points.map(\.y)).count > 1 else { return points }
        var out: [ChartData.Point] = [points[0]]
        for p in points.dropFirst() {
            if p.y != out.last!.y { out.append(ChartData.Point(x: p.x, label: p.label, y: out.last!.y)) }
            out.append(p)
        }
        return out
    }

    private func colour(_ k: Int) -> String { ChartScale.palette[k % ChartScale.palette.count] }
}

/// `cpi (index)`, `actual_cost`.
func axisTitle(_ name: String, unit: String?) -> String {
    unit.map { "\(name) (\($0))" } ?? name
}
