import RealizeQuery
import RealizeStore

/// The numbers a chart draws, taken from a result table and checked against the spec.
enum ChartData {
    struct Bar { var label: String; var value: Double? }

    struct Point { var x: Double; var label: String; var y: Double }

    /// One line: its points in x order, and its control limits where the table has them.
    struct Series {
        var name: String
        var points: [Point]
        var upper: [Point] = []
        var lower: [Point] = []
        var centre: [Point] = []
        /// Points above the upper or below the lower limit.
        var outside: [Point] = []
    }

    struct LineChart {
        var series: [Series]
        /// Whether x is categorical (text), placed by order rather than by value.
        var categorical: Bool
        /// Every distinct x, in order, with its label.
        var xs: [(x: Double, label: String)]
        /// The names of the limit columns found (`ucl`, `lcl`, `mean`).
        var limitColumns: [String] = []
        var hasLimits: Bool { series.contains { !$0.upper.isEmpty || !$0.lower.isEmpty } }
    }

    struct Spoke { var dimension: String; var score: Double?; var target: Double? }
    struct Profile { var name: String?; var spokes: [Spoke] }

    /// Column names read as control limits on a line chart.
    static let upperNames: Set<String> = ["ucl", "upper_limit", "upper_control_limit", "upl"]
    static let lowerNames: Set<String> = ["lcl", "lower_limit", "lower_control_limit", "lpl"]
    static let centreNames: Set<String> = ["cl", "centre", "center", "centre_line", "center_line", "mean", "x_bar", "xbar"]

    // MARK: Extraction

    static func bars(_ spec: ChartSpec, _ table: Table) throws(QueryError) -> [Bar] {
        let label = try column(spec.columns[0], in: table)
        let value = try numeric(spec.columns[1], in: table)
        return (0..<table.rowCount).map { Bar(label: text(label, $0), value: double(value, $0)) }
    }

    static func lines(_ spec: ChartSpec, _ table: Table) throws(QueryError) -> LineChart {
        let xColumn = try column(spec.columns[0], in: table)
        let yColumn = try numeric(spec.columns[1], in: table)
        let group = try spec.group.map { ref throws(QueryError) in try column(ref, in: table) }
        if xColumn.type == .bool {
            throw QueryError(
                Diagnostic(
                    id: .chartColumnType, message: "`\(xColumn.name)` is a bool column; the x axis needs periods, dates, numbers or text",
                    range: spec.columns[0].range))
        }
        let categorical = xColumn.type == .text
        func limitColumn(_ names: Set<String>) -> Column? {
            table.columns.first { names.contains($0.name.lowercased()) && $0.type.isNumeric && $0.name != yColumn.name }
        }
        let upper = limitColumn(upperNames), lower = limitColumn(lowerNames)
        let centre = (upper != nil || lower != nil) ? limitColumn(centreNames) : nil

        // x positions: values for ordered types, first-appearance order for text.
        var categories: [String: Double] = [:]
        var xs: [Double: String] = [:]
        var seriesOrder: [String] = []
        var series: [String: Series] = [:]
        for r in 0..<table.rowCount {
            guard let xValue = xPosition(xColumn, r, &categories) else { continue }
            let label = text(xColumn, r)
            xs[xValue] = label
            let name = group.map { text($0, r) } ?? spec.columns[1].name
            if series[name] == nil { series[name] = Series(name: name, points: []); seriesOrder.append(name) }
            if let y = double(yColumn, r) {
                let p = Point(x: xValue, label: label, y: y)
                series[name]!.points.append(p)
                if let u = upper.flatMap({ double($0, r) }), y > u {
                    series[name]!.outside.append(p)
                } else if let l = lower.flatMap({ double($0, r) }), y < l {
                    series[name]!.outside.append(p)
                }
            }
            if let u = upper, let v = double(u, r) { series[name]!.upper.append(Point(x: xValue, label: label, y: v)) }
            if let l = lower, let v = double(l, r) { series[name]!.lower.append(Point(x: xValue, label: label, y: v)) }
            if let c = centre, let v = double(c, r) { series[name]!.centre.append(Point(x: xValue, label: label, y: v)) }
        }
        let ordered = seriesOrder.map { name -> Series in
            var s = series[name]!
            s.points.sort { $0.x < $1.x }
            s.upper.sort { $0.x < $1.x }
            s.lower.sort { $0.x < $1.x }
            s.centre.sort { $0.x < $1.x }
            return s
        }
        return LineChart(
            series: ordered, categorical: categorical, xs: xs.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
            limitColumns: [upper, lower, centre].compactMap { $0?.name })
    }

    static func profiles(_ spec: ChartSpec, _ table: Table) throws(QueryError) -> [Profile] {
        let dimension = try column(spec.columns[0], in: table)
        let score = try numeric(spec.columns[1], in: table)
        let target = try numeric(spec.columns[2], in: table)
        let group = try spec.group.map { ref throws(QueryError) in try column(ref, in: table) }
        var order: [String] = []
        var profiles: [String: Profile] = [:]
        for r in 0..<table.rowCount {
            let key = group.map { text($0, r) } ?? ""
            if profiles[key] == nil { profiles[key] = Profile(name: group == nil ? nil : key, spokes: []); order.append(key) }
            let dim = text(dimension, r)
            if profiles[key]!.spokes.contains(where: { $0.dimension == dim }) {
                let hint =
                    group == nil
                    ? "keep one row per dimension (`where unit == \"…\"`), or draw one chart per group with `by`"
                    : "keep one row per dimension and \(group!.name), for example the latest assessment"
                throw QueryError(
                    Diagnostic(
                        id: .chartDuplicateDimension, message: "dimension `\(dim)` appears more than once" + (group == nil ? "" : " for `\(key)`"),
                        range: spec.columns[0].range, hint: hint))
            }
            profiles[key]!.spokes.append(Spoke(dimension: dim, score: double(score, r), target: double(target, r)))
        }
        return order.map { profiles[$0]! }
    }

    // MARK: Columns

    static func column(_ ref: ChartSpec.ColumnRef, in table: Table) throws(QueryError) -> Column {
        if let c = table.column(named: ref.name) { return c }
        if let c = table.columns.first(where: { $0.name.lowercased() == ref.name.lowercased() }) { return c }
        let names = table.columnNames
        let hint = Suggest.nearest(ref.name, in: names).map { "did you mean `\($0)`?" }
        throw QueryError(
            Diagnostic(
                id: .unknownColumn, message: "unknown column `\(ref.name)` in the result to chart", range: ref.range,
                hint: hint, notes: ["columns in scope: " + names.joined(separator: ", ")]))
    }

    static func numeric(_ ref: ChartSpec.ColumnRef, in table: Table) throws(QueryError) -> Column {
        let c = try column(ref, in: table)
        guard c.type.isNumeric else {
            throw QueryError(
                Diagnostic(
                    id: .chartColumnType, message: "`\(c.name)` is a \(c.type) column; a chart needs numbers here",
                    range: ref.range, hint: "choose an int, double or decimal column"))
        }
        return c
    }

    static func double(_ c: Column, _ r: Int) -> Double? {
        guard let v = c.value(at: r).doubleValue, v.isFinite else { return nil }
        return v
    }

    static func text(_ c: Column, _ r: Int) -> String {
        let v = c.value(at: r)
        if case .null = v { return "n/a" }
        if case .double(let d) = v { return ChartScale.label(d) }
        return v.description
    }

    private static func xPosition(_ c: Column, _ r: Int, _ categories: inout [String: Double]) -> Double? {
        let v = c.value(at: r)
        switch v {
        case .null: return nil
        case .text(let s):
            if let k = categories[s] { return k }
            categories[s] = Double(categories.count)
            return categories[s]
        case .date(let d): return Double(d)
        case .period(let p): return Double(p)
        default: return v.doubleValue
        }
    }
}
