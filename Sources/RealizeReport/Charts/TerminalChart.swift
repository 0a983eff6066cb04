/// Charts drawn with text for the shell: horizontal bars (negative bars to the left of the axis),
/// line plots on a character grid, and maturity profiles (a bar per dimension with the target marked).
struct TerminalChart {
    /// Columns available (the terminal's width, or 100 off a terminal).
    var width: Int
    var colour: Bool

    private let eighths: [Character] = [" ", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
    private let markers: [Character] = ["●", "○", "◆", "▲", "■", "×", "+", "◇"]
    private let ansi = ["34", "33", "32", "35", "36", "31", "94", "90"]

    // MARK: Bars

    func bars(_ spec: ChartSpec, _ bars: [ChartData.Bar]) -> String {
        var out = bold(spec.displayTitle) + "\n"
        let labels = bars.map { clip($0.label, 28) }
        let labelWidth = labels.map(\.count).max() ?? 1
        let texts = bars.map { ChartScale.label($0.value) }
        let valueWidth = texts.map(\.count).max() ?? 3
        let room = max(10, width - labelWidth - valueWidth - 4)
        let values = bars.compactMap(\.value)
        let lo = min(0, values.min() ?? 0), hi = max(0, values.max() ?? 0)
        let span = hi - lo == 0 ? 1 : hi - lo
        let left = lo < 0 ? Int((Double(room) * -lo / span).rounded()) : 0
        let right = max(0, room - left - (lo < 0 ? 1 : 0))
        for (k, bar) in bars.enumerated() {
            var line = pad(labels[k], labelWidth) + " "
            let v = bar.value ?? 0
            if lo < 0 {
                let n = v < 0 ? Int((Double(left) * v / lo).rounded()) : 0
                line += String(repeating: " ", count: left - n) + paint(String(repeating: "█", count: n), "31") + "│"
            }
            if v > 0 {
                let cells = Double(right) * v / (hi == 0 ? 1 : hi)
                line += paint(blocks(cells), "34") + String(repeating: " ", count: max(0, right - Int(cells.rounded(.up))))
            } else {
                line += String(repeating: " ", count: right)
            }
            let text = String(repeating: " ", count: valueWidth - texts[k].count) + texts[k]
            line += " " + (v < 0 ? paint(text, "31") : text)
            out += trimEnd(line) + "\n"
        }
        var axis = String(repeating: " ", count: labelWidth + 1)
        if lo < 0 {
            let loText = ChartScale.label(lo)
            axis += pad(loText, left) + "0"
        } else {
            axis += "0"
        }
        let hiText = ChartScale.label(hi)
        let used = axis.count
        let end = labelWidth + 1 + room
        if end - used > hiText.count { axis += String(repeating: " ", count: end - used - hiText.count) + hiText }
        out += dim(axis) + "\n"
        out += dim(axisTitle(spec.columns[1].name, unit: spec.unit)) + "\n"
        return out
    }

    // MARK: Lines

    func lines(_ spec: ChartSpec, _ data: ChartData.LineChart) -> String {
        var out = bold(spec.displayTitle) + "\n"
        let rows = 12
        var ys: [Double] = []
        for s in data.series { ys += s.points.map(\.y) + s.upper.map(\.y) + s.lower.map(\.y) }
        guard let yMin = ys.min(), let yMax = ys.max(), !data.xs.isEmpty else { return out + dim("(no points to draw)") + "\n" }
        let lo = yMin == yMax ? yMin - 1 : yMin, hi = yMin == yMax ? yMax + 1 : yMax
        let labels = [hi, (hi + lo) / 2, lo].map { ChartScale.label($0) }
        let yLabelWidth = labels.map(\.count).max() ?? 1
        let plotWidth = max(10, min(width - yLabelWidth - 3, max(data.xs.count * 3, 40)))
        let xValues = data.xs.map(\.x)
        let xIndex = Dictionary(uniqueKeysWithValues: xValues.enumerated().map { ($1, Double($0)) })
        let xlo = data.categorical ? 0 : xValues.first!, xhi = data.categorical ? Double(xValues.count - 1) : xValues.last!
        func col(_ x: Double) -> Int {
            let v = data.categorical ? xIndex[x] ?? 0 : x
            return xhi == xlo ? plotWidth / 2 : Int(((v - xlo) / (xhi - xlo) * Double(plotWidth - 1)).rounded())
        }
        func row(_ y: Double) -> Int { Int(((hi - y) / (hi - lo) * Double(rows - 1)).rounded()) }
        var grid = Array(repeating: Array(repeating: (ch: Character(" "), colour: ""), count: plotWidth), count: rows)
        func plot(_ r: Int, _ c: Int, _ ch: Character, _ colour: String, over: Bool) {
            guard (0..<rows).contains(r), (0..<plotWidth).contains(c) else { return }
            if over || grid[r][c].ch == " " { grid[r][c] = (ch, colour) }
        }
        func trace(_ points: [ChartData.Point], _ ch: Character, _ colour: String) {
            for (a, b) in zip(points, points.dropFirst()) {
                let c0 = col(a.x), c1 = col(b.x)
                guard c1 > c0 else { continue }
                for c in c0...c1 {
                    let t = Double(c - c0) / Double(c1 - c0)
                    plot(row(a.y + (b.y - a.y) * t), c, ch, colour, over: false)
                }
            }
        }
        for (k, s) in data.series.enumerated() {
            let c = data.series.count == 1 ? "31" : ansi[k % ansi.count]
            trace(s.upper, "╌", c)
            trace(s.lower, "╌", c)
        }
        for (k, s) in data.series.enumerated() { trace(s.points, "·", ansi[k % ansi.count]) }
        for (k, s) in data.series.enumerated() {
            for p in s.points { plot(row(p.y), col(p.x), markers[k % markers.count], ansi[k % ansi.count], over: true) }
        }
        for r in 0..<rows {
            let label = r == 0 ? labels[0] : (r == rows / 2 ? labels[1] : (r == rows - 1 ? labels[2] : ""))
            var line = String(repeating: " ", count: yLabelWidth - label.count) + label + " ┤"
            for cell in grid[r] { line += cell.colour.isEmpty ? String(cell.ch) : paint(String(cell.ch), cell.colour) }
            out += trimEnd(line) + "\n"
        }
        out += String(repeating: " ", count: yLabelWidth + 1) + "└" + String(repeating: "─", count: plotWidth) + "\n"
        let first = data.xs.first!.label, last = data.xs.last!.label
        let gap = max(1, plotWidth - first.count - last.count)
        out += String(repeating: " ", count: yLabelWidth + 2) + first + (data.xs.count > 1 ? String(repeating: " ", count: gap) + last : "") + "\n"
        var legend: [String] = data.series.enumerated().map {
            paint(String(markers[$0.offset % markers.count]), ansi[$0.offset % ansi.count]) + " " + $0.element.name
        }
        if data.hasLimits { legend.append("╌ control limits (\(data.limitColumns.joined(separator: ", ")))") }
        // The legend wraps to the terminal's width (entries measured without their colour codes).
        var row = dim(axisTitle(spec.columns[1].name, unit: spec.unit) + " by " + spec.columns[0].name)
        var used = axisTitle(spec.columns[1].name, unit: spec.unit).count + 4 + spec.columns[0].name.count
        let plain = data.series.map { "x " + $0.name } + (data.hasLimits ? ["╌ control limits (\(data.limitColumns.joined(separator: ", ")))"] : [])
        for (entry, text) in zip(legend, plain) {
            if used + 3 + text.count > width && used > 0 {
                out += row + "\n"
                row = entry
                used = text.count
            } else {
                row += (used == 0 ? "" : "   ") + entry
                used += 3 + text.count
            }
        }
        out += row + "\n"
        let outside = data.series.flatMap { s in s.outside.map { "\(s.name) \($0.label) (\(ChartScale.label($0.y)))" } }
        if !outside.isEmpty { out += "outside the control limits: " + outside.joined(separator: ", ") + "\n" }
        return out
    }

    // MARK: Profiles

    func profiles(_ spec: ChartSpec, _ profiles: [ChartData.Profile]) -> String {
        var out = bold(spec.displayTitle) + "\n"
        let all = profiles.flatMap { $0.spokes.flatMap { [$0.score, $0.target].compactMap { $0 } } }
        let top = (all.max() ?? 5) <= 5 ? 5.0 : (all.max() ?? 5).rounded(.up)
        let labelWidth = min(30, profiles.flatMap { $0.spokes.map(\.dimension.count) }.max() ?? 8)
        let room = max(10, min(50, width - labelWidth - 26))
        for profile in profiles {
            if let name = profile.name { out += "\n" + bold(name) + "\n" }
            for s in profile.spokes {
                let score = s.score ?? 0
                let cells = Double(room) * score / top
                var bar = Array(blocks(cells).padding(room))
                var targetText = ""
                if let t = s.target {
                    let at = min(room - 1, max(0, Int((Double(room) * t / top).rounded()) - 1))
                    bar[at] = "┃"
                    targetText = " / " + ChartScale.label(t)
                }
                let gap = s.target.map { score - $0 }
                let gapText = gap.map { $0 < 0 ? paint(" " + ChartScale.label($0), "31") : " +" + ChartScale.label($0) } ?? ""
                out +=
                    pad(clip(s.dimension, labelWidth), labelWidth) + " " + paintBar(String(bar)) + " " + ChartScale.label(s.score) + targetText + gapText + "\n"
            }
        }
        out += dim("█ \(spec.columns[1].name)   ┃ \(spec.columns[2].name)   scale 0–\(ChartScale.fixed(top, places: 0))") + "\n"
        return out
    }

    // MARK: Helpers

    /// `cells` columns of full blocks and a final eighth-block.
    private func blocks(_ cells: Double) -> String {
        guard cells > 0 else { return "" }
        let whole = Int(cells)
        let part = Int(((cells - Double(whole)) * 8).rounded())
        var s = String(repeating: "█", count: whole)
        if part == 8 { s += "█" } else if part > 0 { s.append(eighths[part]) }
        return s
    }

    private func paintBar(_ s: String) -> String {
        guard colour else { return s }
        return s.map { ch in ch == "┃" ? "\u{1B}[33;1m┃\u{1B}[0m" : (ch == " " ? " " : "\u{1B}[34m\(ch)\u{1B}[0m") }.joined()
    }

    private func paint(_ s: String, _ code: String) -> String { colour && !s.isEmpty ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s }
    private func bold(_ s: String) -> String { colour ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
    private func dim(_ s: String) -> String { colour ? "\u{1B}[2m\(s)\u{1B}[0m" : s }
    private func clip(_ s: String, _ n: Int) -> String { s.count > n ? String(s.prefix(n - 1)) + "…" : s }
    private func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
    private func trimEnd(_ s: String) -> String {
        var s = Substring(s)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}

extension String {
    /// The string padded with spaces to `n` characters.
    fileprivate func padding(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
}
