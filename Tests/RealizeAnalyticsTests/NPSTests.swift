import RealizeQuery
import RealizeSamples
import RealizeStore
import Testing
@testable import RealizeAnalytics

/// A session over `tables`, with the domain measures installed.
func npsSession(_ tables: [(String, Table)]) -> QuerySession {
    var catalog = Catalog()
    for (name, table) in tables { catalog.set(name, table) }
    var session = QuerySession(catalog: catalog)
    DomainCommands.install(into: &session)
    return session
}

/// A session over the embedded sample portfolio.
func npsSampleSession() -> QuerySession { npsSession(SamplePortfolio.tables().map { ($0.name, $0.table) }) }

/// Runs a statement that must produce a table.
func npsRun(_ text: String, _ session: inout QuerySession) throws -> Table {
    try npsOutcomeTable(try npsOutcome(text, &session))
}

/// Runs a statement as the shell does: a domain command, else a query.
func npsOutcome(_ text: String, _ session: inout QuerySession) throws(QueryError) -> StatementOutcome {
    try session.run(text)
}

/// The table of an outcome.
func npsOutcomeTable(_ outcome: StatementOutcome) throws -> Table {
    switch outcome {
    case .table(let t), .defined(_, let t), .chart(_, let t, _): return t
    case .plan:
        throw QueryError(
            Diagnostic(
                id: .unexpectedToken, message: "a plan, not a table",
                range: SourceRange(.init(line: 1, column: 1, offset: 0), .init(line: 1, column: 1, offset: 0))))
    }
}

/// The ID of the error a statement throws, or nil.
func npsFailure(_ text: String, _ session: inout QuerySession) -> String? {
    do throws(QueryError) {
        _ = try npsOutcome(text, &session)
        return nil
    } catch {
        return error.primary.id.rawValue
    }
}

/// Responses: for each `(program, month, scores)`, one row per score.
func responses(_ groups: [(String, String, [Int])]) -> Table {
    var program: [Value] = [], period: [Value] = [], score: [Value] = []
    for (p, month, scores) in groups {
        for s in scores {
            program.append(.text(p))
            period.append(.period(CivilCalendar.parsePeriod(Array(month.utf8))!))
            score.append(.int(Int64(s)))
        }
    }
    return Table(columns: [
        Column(name: "program", type: .text, values: program),
        Column(name: "period", type: .period, values: period),
        Column(name: "score", type: .int, values: score),
    ])
}

/// `promoters` 10s, `passives` 8s and `detractors` 3s.
func answers(promoters: Int, passives: Int, detractors: Int) -> [Int] {
    Array(repeating: 10, count: promoters) + Array(repeating: 8, count: passives) + Array(repeating: 3, count: detractors)
}

extension Table {
    /// Column `name` as boxed values, top to bottom.
    func npsValues(_ name: String) -> [Value] {
        guard let c = column(named: name) else { return [] }
        return (0..<rowCount).map { c.value(at: $0) }
    }
}

func near(_ v: Value, _ expected: Double, _ tolerance: Double = 1e-9) -> Bool {
    guard let x = v.doubleValue else { return false }
    return abs(x - expected) <= tolerance
}

@Suite struct NPSStatisticsTests {
    /// 50 promoters, 30 passives, 20 detractors: p = 0.5, d = 0.2.
    /// NPS = 100 × (0.5 − 0.2) = 30; SE = 100 × √((0.5 + 0.2 − 0.3²) / 100) = 100 × √0.0061 = 7.81025;
    /// margin of error = 1.959964 × 7.81025 = 15.30781.
    @Test func marginOfErrorByHand() {
        let t = NPSTally(promoters: 50, passives: 30, detractors: 20)
        #expect(t.n == 100)
        #expect(t.nps == 30)
        #expect(abs(t.standardError! - 7.810249675906654) < 1e-12)
        #expect(abs(t.marginOfError! - 15.30780819578871) < 1e-9)
    }

    @Test func marginOfErrorInTheTable() throws {
        var s = npsSession([("nps", responses([("A", "2025-01", answers(promoters: 50, passives: 30, detractors: 20))]))])
        let t = try npsRun("nps by program", &s)
        #expect(t.columnNames == ["program", "n", "promoters", "passives", "detractors", "nps", "se", "moe", "low_n"])
        #expect(t.npsValues("nps") == [.double(30)])
        #expect(t.npsValues("se") == [.double(7.810249675906654)])  // unrounded; the table shows 7.8
        #expect(t.npsValues("moe") == [.double(15.30780819578871)])
        #expect(t.column(named: "se")?.display == .decimals(1))
        #expect(t.npsValues("low_n") == [.bool(false)])
    }

    @Test func scoresAreSplitAtSevenAndNine() {
        var t = NPSTally()
        for s in 0...10 { t.add(score: s) }
        #expect(t == NPSTally(promoters: 2, passives: 2, detractors: 7))
    }

    /// Month 1: NPS 30 (SE² = 61). Month 2: 20 promoters, 50 detractors: NPS −30, SE² = 61;
    /// z = −60 / √122 = −5.43, significant. Month 3 against month 2 is the non-significant case below.
    @Test func significantChange() throws {
        var s = npsSession([
            (
                "nps",
                responses([
                    ("A", "2025-01", answers(promoters: 50, passives: 30, detractors: 20)),
                    ("A", "2025-02", answers(promoters: 20, passives: 30, detractors: 50)),
                ])
            )
        ])
        let t = try npsRun("nps by program monthly", &s)
        #expect(t.npsValues("change") == [.null, .double(-60)])
        #expect(t.npsValues("z") == [.null, .double(-5.432144762551112)])
        #expect(t.column(named: "z")?.display == .decimals(2))
        #expect(t.npsValues("significant") == [.null, .bool(true)])
    }

    /// NPS 30 (SE² = 61) to NPS 20 (45 promoters, 25 detractors: SE² = 100² × (0.7 − 0.04) / 100 = 66):
    /// z = −10 / √127 = −0.887, not significant.
    @Test func nonSignificantChange() throws {
        var s = npsSession([
            (
                "nps",
                responses([
                    ("A", "2025-01", answers(promoters: 50, passives: 30, detractors: 20)),
                    ("A", "2025-02", answers(promoters: 45, passives: 30, detractors: 25)),
                ])
            )
        ])
        let t = try npsRun("nps by program monthly", &s)
        #expect(t.npsValues("change") == [.null, .double(-10)])
        #expect(t.npsValues("z") == [.null, .double(-0.8873565094161139)])
        #expect(t.npsValues("significant") == [.null, .bool(false)])
        let z = NPSTally.zScore(
            change: -10, se1: NPSTally(promoters: 50, passives: 30, detractors: 20).standardError,
            se2: NPSTally(promoters: 45, passives: 30, detractors: 25).standardError)!
        #expect(abs(z - -0.8873565094161139) < 1e-12)
        #expect(NPSTally.isSignificant(z) == false)
        #expect(NPSTally.isSignificant(-1.96) == true)
    }

    /// A month without answers between two with answers is a row with n = 0 and n/a statistics, never 0;
    /// the change into and out of it is n/a too.
    @Test func zeroRespondents() throws {
        #expect(NPSTally().nps == nil)
        #expect(NPSTally().standardError == nil)
        #expect(NPSTally().adjustedMarginOfError == nil)
        var s = npsSession([
            (
                "nps",
                responses([
                    ("A", "2025-01", answers(promoters: 5, passives: 0, detractors: 0)),
                    ("A", "2025-03", answers(promoters: 0, passives: 5, detractors: 0)),
                ])
            )
        ])
        let t = try npsRun("nps by program monthly adjusted", &s)
        #expect(t.npsValues("month") == ["2025-01", "2025-02", "2025-03"].map { .period(CivilCalendar.parsePeriod(Array($0.utf8))!) })
        #expect(t.npsValues("n") == [.int(5), .int(0), .int(5)])
        #expect(t.npsValues("nps") == [.double(100), .null, .double(0)])
        #expect(t.npsValues("se")[1] == .null)
        #expect(t.npsValues("moe_adj")[1] == .null)
        #expect(t.npsValues("change") == [.null, .null, .null])
        #expect(t.npsValues("low_n") == [.bool(true), .bool(true), .bool(true)])
    }

    /// Ten detractors: NPS −100, Wald SE and margin 0. Adjusted Wald: ñ = 13, P̃ = 0.75, D̃ = 10.75:
    /// NPS̃ = 100 × (0.75 − 10.75) / 13 = −76.92; SE = 100 × √((11.5/13 − (10/13)²) / 13) = 15.01; margin 29.42.
    @Test func allDetractors() throws {
        let tally = NPSTally(promoters: 0, passives: 0, detractors: 10)
        #expect(tally.nps == -100)
        #expect(tally.marginOfError == 0)
        #expect(abs(tally.adjustedNPS! - -76.92307692307692) < 1e-9)
        #expect(abs(tally.adjustedStandardError! - 15.010237744338253) < 1e-9)
        #expect(abs(tally.adjustedMarginOfError! - 29.41952561034418) < 1e-9)
        var s = npsSession([("nps", responses([("A", "2025-01", Array(0...6) + [0, 1, 2])]))])
        let t = try npsRun("nps adjusted", &s)
        #expect(t.columnNames == ["n", "promoters", "passives", "detractors", "nps", "se", "moe", "nps_adj", "se_adj", "moe_adj", "low_n"])
        #expect(t.npsValues("nps") == [.double(-100)])
        #expect(t.npsValues("moe") == [.double(0)])
        #expect(t.npsValues("nps_adj") == [.double(-76.92307692307692)])
        #expect(t.npsValues("moe_adj") == [.double(29.41952561034418)])
    }

    /// With both Wald SEs 0 (all detractors, then all promoters) z is undefined; the adjusted SEs give one.
    @Test func zNeedsAStandardError() throws {
        var s = npsSession([("nps", responses([("A", "2025-01", [0, 0, 0]), ("A", "2025-02", [10, 10, 10])]))])
        #expect(try npsRun("nps monthly", &s).npsValues("z") == [.null, .null])
        let adjusted = try npsRun("nps monthly adjusted", &s)
        #expect(adjusted.npsValues("significant") == [.null, .bool(true)])
    }

    @Test func minimumNFromTheArgumentOrTheSetting() throws {
        var s = npsSession([("nps", responses([("A", "2025-01", answers(promoters: 20, passives: 10, detractors: 10))]))])
        #expect(try npsRun("nps by program", &s).npsValues("low_n") == [.bool(false)])
        #expect(try npsRun("nps by program min_n 41", &s).npsValues("low_n") == [.bool(true)])
        #expect(try npsRun("nps by program min_n 40", &s).npsValues("low_n") == [.bool(false)])
        s.settings.options["nps_min_n"] = "41"
        #expect(try npsRun("nps by program", &s).npsValues("low_n") == [.bool(true)])
        s.settings.options["nps_min_n"] = "many"
        #expect(npsFailure("nps by program", &s) == "bad-setting")
    }

    @Test func quartersFollowTheFiscalYear() {
        let april2025 = CivilCalendar.period(year: 2025, month: 4)
        #expect(TimeGrain.quarterly.label(TimeGrain.quarterly.bucket(april2025 + 1, fiscalStart: 1), fiscalStart: 1) == "2025 Q2")
        #expect(TimeGrain.quarterly.bucket(april2025 + 2, fiscalStart: 4) == april2025)
        #expect(TimeGrain.quarterly.label(april2025, fiscalStart: 4) == "FY2026 Q1")
        #expect(TimeGrain.yearly.label(april2025 - 1, fiscalStart: 4) == "FY2025")
    }

    @Test func badInputIsReported() {
        var s = npsSession([("nps", responses([("A", "2025-01", [11])])), ("other", responses([]))])
        #expect(npsFailure("nps by program", &s) == "nps-score-out-of-range")
        #expect(npsFailure("nps by", &s) == "expected-a-name")
        #expect(npsFailure("nps by region", &s) == "missing-column")
        #expect(npsFailure("nps quarterly monthly", &s) == "duplicate-argument")
        #expect(npsFailure("nps trend", &s) == "trend-needs-period")
        #expect(npsFailure("nps sideways", &s) == "unexpected-argument")
        #expect(npsFailure("nps from nothing", &s) == "unknown-table")
    }
}

@Suite struct NPSCommandTests {
    /// `nps` followed by `|` or nothing is the table; followed by arguments it is the command.
    @Test func tableOrCommand() throws {
        var s = npsSampleSession()
        let table = try npsRun("nps | take 3", &s)
        #expect(table.columnNames == ["program", "period", "respondent_id", "segment", "score"])
        #expect(table.rowCount == 3)
        #expect(try npsRun("nps", &s).rowCount == 4606)
        let command = try npsRun("nps by program quarterly | where significant", &s)
        #expect(command.columnNames.contains("nps"))
        #expect(command.npsValues("program") == [.text("Digital Customer Experience")])
        #expect(try npsRun("nps quarterly", &s).rowCount == 12)
        _ = try s.run("let q = nps by segment yearly")
        #expect(s.catalog["q"]?.rowCount == 9)
    }

    /// The sample's story: Digital Customer Experience about +35 until 2025 Q2, +4 in 2025 Q3 (a significant drop),
    /// −5 in 2025 Q4; and 147 answers in those two quarters against 740 before, far outside sampling noise.
    @Test func sampleStoryDigitalCustomerExperience() throws {
        var s = npsSampleSession()
        let t = try npsRun("nps by program quarterly | where program = 'Digital Customer Experience'", &s)
        let quarters = t.npsValues("quarter").map(\.description)
        let nps = t.npsValues("nps").compactMap(\.doubleValue)
        let q3 = quarters.firstIndex(of: "2025 Q3")!, q4 = quarters.firstIndex(of: "2025 Q4")!
        for i in 0..<q3 { #expect(abs(nps[i] - 35) < 3, "\(quarters[i]) \(nps[i])") }
        #expect(abs(nps[q3] - 4) < 1)
        #expect(abs(nps[q4] - -5) < 1)
        #expect(t.npsValues("significant")[q3] == .bool(true))
        #expect(t.npsValues("significant")[..<q3].allSatisfy { $0 != .bool(true) })

        _ = try npsRun("let dcx = nps | where program = 'Digital Customer Experience' | derive half = if period >= 2025-07 then 'after' else 'before'", &s)
        let halves = try npsRun("nps from dcx by half", &s)
        #expect(halves.npsValues("half") == [.text("before"), .text("after")])
        #expect(halves.npsValues("n") == [.int(740), .int(147)])
        let before = NPSTally(
            promoters: Int(halves.npsValues("promoters")[0].doubleValue!), passives: Int(halves.npsValues("passives")[0].doubleValue!),
            detractors: Int(halves.npsValues("detractors")[0].doubleValue!))
        let after = NPSTally(
            promoters: Int(halves.npsValues("promoters")[1].doubleValue!), passives: Int(halves.npsValues("passives")[1].doubleValue!),
            detractors: Int(halves.npsValues("detractors")[1].doubleValue!))
        let z = NPSTally.zScore(change: after.nps! - before.nps!, se1: before.standardError, se2: after.standardError)!
        #expect(z < -4)
    }

    @Test func trendSummary() throws {
        var s = npsSampleSession()
        let t = try npsRun("nps by program quarterly trend", &s)
        #expect(t.rowCount == 5)
        #expect(t.columnNames == ["program", "from", "to", "first", "latest", "n", "change", "z", "p_value", "significant", "low_n", "trend"])
        let dcx = t.npsValues("program").firstIndex(of: .text("Digital Customer Experience"))!
        // The trend column holds every quarter's NPS at full precision; the table draws it on one shared scale.
        guard case .text(let trend) = t.npsValues("trend")[dcx], case .double(let latest) = t.npsValues("latest")[dcx] else {
            Issue.record("trend is not text or latest not a double")
            return
        }
        #expect(DisplayHint.series(trend).count == 12)
        #expect(DisplayHint.series(trend).last == latest)
        guard case .sparkline(let scale?)? = t.column(named: "trend")?.display else {
            Issue.record("trend has no shared sparkline scale")
            return
        }
        #expect(scale.lowerBound <= latest && latest <= scale.upperBound)
        #expect(t.npsValues("from")[dcx] == .text("2023 Q1"))
        #expect(t.npsValues("to")[dcx] == .text("2025 Q4"))
    }
}
