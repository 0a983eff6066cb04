import Foundation
import RealizeQuery
import RealizeStore
import Testing
@testable import RealizeReport

/// Chart stages: parsing `| chart …`, well-formed SVG with every data point, and terminal drawings.
@Suite struct ChartTests {
    static let variance = Table(columns: [
        Column(name: "program", type: .text, values: [.text("Finance, \"Phase II\""), .text("Zürich Hub"), .text("Digital <CX>")]),
        Column(
            name: "cv", type: .decimal,
            values: [.decimal(FixedDecimal(units: -128_445_288, scale: 2)), .decimal(FixedDecimal(units: 11_080_241, scale: 2)), .null]),
    ])

    static let trend: Table = {
        let periods = (1...6).map { Value.period(CivilCalendar.period(year: 2025, month: $0)) }
        return Table(columns: [
            Column(name: "program", type: .text, values: Array(repeating: Value.text("A"), count: 6) + Array(repeating: .text("B"), count: 6)),
            Column(name: "period", type: .period, values: periods + periods),
            Column(name: "cpi", type: .double, values: [0.95, 0.97, 0.9, 0.7, 0.93, 0.96, 1.02, 1.01, 1.04, 1.0, 0.99, 1.03].map { .double($0) }),
            Column(name: "ucl", type: .double, values: Array(repeating: .double(1.05), count: 6) + Array(repeating: .double(1.08), count: 6)),
            Column(name: "lcl", type: .double, values: Array(repeating: .double(0.8), count: 6) + Array(repeating: .double(0.95), count: 6)),
            Column(name: "mean", type: .double, values: Array(repeating: .double(0.9), count: 6) + Array(repeating: .double(1.015), count: 6)),
        ])
    }()

    static let maturity = Table(columns: [
        Column(
            name: "dimension", type: .text, values: ["Management Control", "Benefits Management", "Financial Management", "Risk Management"].map { .text($0) }),
        Column(name: "score", type: .double, values: [2.8, 2.0, 3.4, 2.5].map { .double($0) }),
        Column(name: "target", type: .int, values: [4, 3, 4, 3].map { .int($0) }),
    ])

    static func spec(_ text: String) throws -> ChartSpec {
        try #require(try chart("t | " + text))
    }

    /// The chart clause of a statement (nil when it has none), parsed by the query language's parser.
    static func chart(_ text: String) throws(QueryError) -> ChartClause? {
        var parser = Parser(text)
        guard let st = parser.parseStatement() else { throw QueryError(parser.diagnostics) }
        return st.chart
    }

    // MARK: Parsing

    @Test func splitsATrailingChartStage() throws {
        let text = "financials | where x > 1\n| chart line period cpi by program title \"CPI trend\" unit \"index\" to out/cpi trend.svg"
        let spec = try #require(try Self.chart(text))
        #expect(spec.kind == .line && spec.columns.map(\.name) == ["period", "cpi"] && spec.group?.name == "program")
        #expect(spec.title == "CPI trend" && spec.unit == "index" && spec.path == "out/cpi trend.svg")
        #expect(spec.columns[1].range.start.line == 2 && spec.columns[1].range.start.column == 21)
    }

    @Test func chartInsideQuotesOrBracketsIsNotAStage() throws {
        #expect(try Self.chart("projects | where project == \"x | chart bar a b\"") == nil)
        #expect(try Self.chart("projects | where project in (\"chart\")") == nil)
        #expect(try Self.chart("chart | take 1") == nil)
    }

    @Test func malformedStagesPointAtTheProblem() throws {
        func id(_ text: String) -> String? {
            do { _ = try Self.chart(text); return nil } catch { return error.primary.id.rawValue }
        }
        #expect(id("t | chart pie a b") == "unknown-chart-kind")
        do { _ = try Self.chart("t | chart lien a b") } catch { #expect(error.primary.hint == "did you mean `line`?") }
        #expect(id("t | chart") == "chart-kind-missing")
        #expect(id("t | chart bar a") == "chart-column-missing")
        #expect(id("t | chart radar d s") == "chart-column-missing")
        #expect(id("t | chart bar a b to x.png") == "chart-not-svg")
        #expect(id("t | chart bar a b title") == "chart-text-missing")
        #expect(id("t | chart bar a b by c") == "chart-unexpected")
    }

    @Test func unknownColumnsAreReportedWithASuggestion() throws {
        let spec = try Self.spec("chart bar program cvv")
        do throws(QueryError) {
            _ = try ChartRenderer.svg(spec, table: Self.variance)
            Issue.record("expected an error")
        } catch let error as QueryError {
            #expect(error.primary.id == "unknown-column" && error.primary.hint == "did you mean `cv`?")
        }
        do {
            _ = try ChartRenderer.svg(try Self.spec("chart bar cv program"), table: Self.variance)
            Issue.record("expected an error")
        } catch let error as QueryError {
            #expect(error.primary.id == "chart-column-type")
        }
    }

    // MARK: SVG

    /// Shared checks: well-formed, a viewBox, a white background, generic fonts, a title.
    func checkDocument(_ svg: String) -> XMLCheck {
        let check = XMLCheck.parse(svg)
        #expect(check.error == nil, "\(check.error ?? "")")
        let root = check.elements.first
        #expect(root?.name == "svg" && root?.attributes["viewBox"]?.hasPrefix("0 0 ") == true)
        #expect(root?.attributes["font-family"]?.hasSuffix("sans-serif") == true)
        #expect(check.elements.contains { $0.name == "title" })
        #expect(check.elements[safe: 3]?.attributes["fill"] == "#ffffff", "white background")
        return check
    }

    @Test func barChartDrawsNegativeBarsLeftOfZero() throws {
        let svg = try ChartRenderer.svg(try Self.spec("chart bar program cv title \"Cost variance\" unit \"EUR\""), table: Self.variance)
        let check = checkDocument(svg)
        let bars = check.elements.filter { $0.attributes["class"] == "bar" }
        #expect(bars.map { $0.attributes["data-label"] } == ["Finance, \"Phase II\"", "Zürich Hub"])
        #expect(bars.map { $0.attributes["data-value"] } == ["-1284452.88", "110802.41"])
        let negative = bars[0].attributes, positive = bars[1].attributes
        #expect(negative["fill"] == ChartScale.negative && positive["fill"] == ChartScale.palette[0])
        let negX = Double(negative["x"]!)!, negW = Double(negative["width"]!)!, posX = Double(positive["x"]!)!
        #expect(abs(negX + negW - posX) < 0.2, "both bars meet at the zero axis")
        #expect(svg.contains(">Cost variance</text>") && svg.contains(">cv (EUR)</text>") && svg.contains(">n/a</text>"))
        #expect(svg.contains("Digital &lt;CX&gt;"))
    }

    @Test func lineChartHasEveryPointAndControlLimits() throws {
        let svg = try ChartRenderer.svg(try Self.spec("chart line period cpi by program"), table: Self.trend)
        let check = checkDocument(svg)
        let points = check.elements.filter { $0.attributes["class"] == "point" }
        #expect(points.count == 12)
        #expect(points.first?.attributes["data-x"] == "2025-01" && points.first?.attributes["data-y"] == "0.95")
        #expect(Set(points.compactMap { $0.attributes["data-series"] }) == ["A", "B"])
        #expect(check.elements.filter { $0.attributes["class"] == "ucl" }.count == 2)
        #expect(check.elements.filter { $0.attributes["class"] == "centre" }.count == 2)
        // A's 0.7 is below its lower limit 0.8, and circled.
        #expect(check.elements.filter { $0.attributes["class"] == "outside" }.count == 1)
        #expect(svg.contains("control limits") && svg.contains(">A</text>") && svg.contains(">period</text>"))
    }

    @Test func radarChartHasEverySpokeAndTheTarget() throws {
        let svg = try ChartRenderer.svg(try Self.spec("chart radar dimension score target"), table: Self.maturity)
        let check = checkDocument(svg)
        let points = check.elements.filter { $0.attributes["class"] == "point" }
        #expect(points.map { $0.attributes["data-dimension"] } == ["Management Control", "Benefits Management", "Financial Management", "Risk Management"])
        #expect(points.map { $0.attributes["data-score"] } == ["2.8", "2.0", "3.4", "2.5"])
        #expect(check.elements.contains { $0.name == "polygon" && $0.attributes["class"] == "target" })
        #expect(svg.contains("2.80 / 4.00"))
        var twice = Self.maturity
        twice = Table(columns: twice.columns.map { $0.gather([0, 1, 2, 3, 0]) })
        #expect(throws: QueryError.self) { try ChartRenderer.svg(try Self.spec("chart radar dimension score target"), table: twice) }
    }

    // MARK: Terminal

    @Test func terminalBarsPutNegativesLeftOfTheAxis() throws {
        let text = try ChartRenderer.terminal(try Self.spec("chart bar program cv"), table: Self.variance, width: 80)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[0] == "cv by program")
        #expect(lines[1].hasPrefix("Finance, \"Phase II\"") && lines[1].contains("█│") && lines[1].hasSuffix("−1,284,453"))
        #expect(lines[2].contains("│█") && lines[2].hasSuffix("110,802"))
        #expect(lines[3].hasSuffix("n/a"))
        let axis = lines[1].firstIndex(of: "│").map { lines[1].distance(from: lines[1].startIndex, to: $0) }
        #expect(axis == lines[2].firstIndex(of: "│").map { lines[2].distance(from: lines[2].startIndex, to: $0) })
        #expect(lines.allSatisfy { $0.count <= 80 })
    }

    @Test func terminalLinesAndProfiles() throws {
        let line = try ChartRenderer.terminal(try Self.spec("chart line period cpi by program"), table: Self.trend, width: 80)
        #expect(line.contains("● A") && line.contains("○ B") && line.contains("2025-01") && line.contains("2025-06"))
        #expect(line.contains("outside the control limits: A 2025-04 (0.70)"))
        let profile = try ChartRenderer.terminal(try Self.spec("chart radar dimension score target"), table: Self.maturity, width: 80)
        #expect(profile.contains("Management Control") && profile.contains("┃") && profile.contains("2.80 / 4.00 −1.20"))
    }

    @Test func ticksAreRound() {
        #expect(
            ChartScale.ticks(0.83, 1.07, count: 6) == [0.8, 0.85, 0.9, 0.95, 1.0, 1.05, 1.1].map { $0 } || ChartScale.ticks(0.83, 1.07, count: 6).count >= 5)
        #expect(ChartScale.ticks(-1_284_452, 221_501) == [-1_500_000, -1_000_000, -500_000, 0, 500_000])
        #expect(ChartScale.tick(-1_500_000, step: 500_000) == "−1.5M")
        #expect(ChartScale.label(-1_284_452.88) == "−1,284,453" && ChartScale.label(0.9512) == "0.95")
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

extension ChartTests {
    @Test func chartStageOnItsOwnLine() throws {
        let spec = try #require(try Self.chart("t | derive x = 1 |\n  chart bar a x"))
        #expect(spec.columns.map(\.name) == ["a", "x"])
    }

    @Test func allNegativeBarsFitTheTerminal() throws {
        let table = Table(columns: [
            Column(name: "p", type: .text, values: [.text("a"), .text("b")]),
            Column(name: "v", type: .int, values: [.int(-5), .int(-10)]),
        ])
        let text = try ChartRenderer.terminal(try Self.spec("chart bar p v"), table: table, width: 40)
        #expect(text.split(separator: "\n").dropFirst().prefix(2).allSatisfy { $0.contains("█│") })
    }
}
