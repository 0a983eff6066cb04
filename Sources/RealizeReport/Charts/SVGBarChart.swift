/// A horizontal bar chart as SVG: one bar per row, drawn from a zero axis, negative bars to the left
/// in red with their value labels, so that overruns stand out in colour and in print.
struct SVGBarChart {
    var spec: ChartSpec
    var bars: [ChartData.Bar]

    func render() -> String {
        let labelWidth = min(300.0, max(90.0, Double(bars.map(\.label.count).max() ?? 8) * 6.8 + 16))
        let width = 860.0
        let rowHeight = 26.0
        let hasNegative = bars.contains { ($0.value ?? 0) < 0 }
        let legendTop = 52.0
        let top = legendTop + (hasNegative ? 20 : 4)
        let bottom = top + Double(max(bars.count, 1)) * rowHeight
        let height = bottom + 58
        var svg = SVGDocument(width: width, height: height)
        svg.header(title: spec.displayTitle, subtitle: nil)
        if hasNegative {
            svg.legend([("positive", ChartScale.palette[0], .box), ("negative", ChartScale.negative, .box)], x: labelWidth + 12, y: legendTop, maxWidth: 400)
        }
        let values = bars.compactMap(\.value)
        let ticks = ChartScale.ticks(min(0, values.min() ?? 0), max(0, values.max() ?? 1), count: 5)
        let lo = ticks.first ?? 0, hi = ticks.last ?? 1
        let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
        let left = labelWidth + 12, right = width - 90
        func px(_ v: Double) -> Double { left + (v - lo) / max(hi - lo, 1e-12) * (right - left) }

        for t in ticks {
            svg.line(px(t), top, px(t), bottom, stroke: t == 0 ? "#5b6672" : "#e3e8ed", width: t == 0 ? 1.4 : 1)
            svg.text(ChartScale.tick(t, step: step), x: px(t), y: bottom + 16, size: 11, anchor: "middle", fill: "#3b4652")
        }
        svg.text(axisTitle(spec.columns[1].name, unit: spec.unit), x: (left + right) / 2, y: height - 16, size: 12, anchor: "middle", weight: "600")
        let zero = px(0)
        for (k, bar) in bars.enumerated() {
            let y = top + Double(k) * rowHeight
            let label = bar.label.count > 44 ? String(bar.label.prefix(43)) + "…" : bar.label
            svg.text(label, x: labelWidth, y: y + rowHeight / 2 + 4, size: 12, anchor: "end")
            guard let v = bar.value else {
                svg.text("n/a", x: zero + 6, y: y + rowHeight / 2 + 4, size: 11, fill: "#5b6672")
                continue
            }
            let x0 = min(zero, px(v)), w = abs(px(v) - zero)
            let colour = v < 0 ? ChartScale.negative : ChartScale.palette[0]
            svg.rect(
                x0, y + 4, max(w, 1), rowHeight - 8, fill: colour,
                extra: " class=\"bar\" data-label=\"\(XMLText.escape(bar.label))\" data-value=\"\(v)\"",
                tooltip: "\(bar.label): \(ChartScale.label(v))")
            let text = ChartScale.label(v)
            if v < 0 {
                // Label inside the left end when there is room, else just left of the bar.
                let outside = x0 - 6
                if outside - Double(text.count) * 6.5 > labelWidth + 4 {
                    svg.text(text, x: outside, y: y + rowHeight / 2 + 4, size: 11, anchor: "end", fill: ChartScale.negative)
                } else if w > Double(text.count) * 6.5 + 12 {
                    svg.text(text, x: x0 + 6, y: y + rowHeight / 2 + 4, size: 11, weight: "600", fill: "#ffffff")
                } else {
                    svg.text(text, x: zero + 6, y: y + rowHeight / 2 + 4, size: 11, fill: ChartScale.negative)
                }
            } else {
                svg.text(text, x: x0 + w + 6, y: y + rowHeight / 2 + 4, size: 11, fill: "#1d2733")
            }
        }
        return svg.render(
            title: spec.displayTitle,
            description: "Bar chart of \(spec.columns[1].name) by \(spec.columns[0].name): \(bars.count) bars.")
    }
}
