import RealizeQuery
import RealizeStore
import RealizeTestSupport
import Testing
@testable import RealizeAnalytics

/// The columnar kernel behind `evm`, `trend` and `appraise` (``FinancialRows`` and ``FinancialCells``) against a
/// row-by-row reference over `Value`s: random tables with null ids, periods and amounts, ids missing from
/// `projects`, and both summing strategies (the dense grid and the per-group buckets).
@Suite struct FinancialCellsTests {
    /// Random `projects` and `financials` tables; `idsAsText` false stores project ids as integers.
    static func tables(_ rng: inout SeededGenerator, idsAsText: Bool = true) -> [(String, Table)] {
        let projectCount = Int.random(in: 1...6, using: &rng)
        let ids = (0..<projectCount + 2).map { "P\($0)" }  // the last two are not in `projects`
        func id(_ s: String) -> Value { idsAsText ? .text(s) : .int(Int64(s.dropFirst())!) }
        let programs = ["A", "B", "C"]
        var pid: [Value] = [], prog: [Value] = [], budget: [Value] = []
        for k in 0..<projectCount {
            pid.append(id(ids[k]))
            prog.append(Int.random(in: 0..<8, using: &rng) == 0 ? .null : .text(programs.randomElement(using: &rng)!))
            budget.append(.decimal(FixedDecimal(units: Int128(Int.random(in: 0...1_000_000, using: &rng)), scale: 2)))
        }
        let rows = Int.random(in: 0...60, using: &rng)
        var fid: [Value] = [], per: [Value] = [], pv: [Value] = [], ev: [Value] = [], ac: [Value] = []
        func amount() -> Value {
            Int.random(in: 0..<6, using: &rng) == 0 ? .null : .decimal(FixedDecimal(units: Int128(Int.random(in: -50_000...900_000, using: &rng)), scale: 2))
        }
        for _ in 0..<rows {
            fid.append(Int.random(in: 0..<10, using: &rng) == 0 ? .null : id(ids.randomElement(using: &rng)!))
            per.append(Int.random(in: 0..<10, using: &rng) == 0 ? .null : .period(Int32(24_300 + Int.random(in: 0..<30, using: &rng))))
            pv.append(amount())
            ev.append(amount())
            ac.append(amount())
        }
        let projects = makeTable([("project_id", idsAsText ? .text : .int, pid), ("program", .text, prog), ("budget", .decimal, budget)])
        let financials = makeTable([
            ("project_id", idsAsText ? .text : .int, fid), ("period", .period, per), ("planned_value", .decimal, pv),
            ("earned_value", .decimal, ev), ("actual_cost", .decimal, ac),
        ])
        return [("projects", projects), ("financials", financials)]
    }

    /// Per (project id, period): the sums of PV, EV and AC in units, row by row.
    static func reference(_ financials: Table) -> [String: [Int32: [Int128]]] {
        var out: [String: [Int32: [Int128]]] = [:]
        let cols = FinancialData.columns.map { financials.column(named: $0)! }
        for r in 0..<financials.rowCount {
            guard !cols[0].isNull(r), !cols[1].isNull(r), case .period(let p) = cols[1].value(at: r) else { continue }
            let id = cols[0].value(at: r).description
            var sums = out[id, default: [:]][p, default: [0, 0, 0]]
            for k in 0..<3 {
                if case .decimal(let d) = cols[k + 2].value(at: r) { sums[k] += d.units }
            }
            out[id, default: [:]][p] = sums
        }
        return out
    }

    static func data(_ tables: [(String, Table)], level: String, denseLimit: Int, actualCostOnly: Bool = false) throws -> FinancialData {
        let session = financialSession(tables)
        let input = InputTables(
            session: session, at: SourceRange(SourceLocation(line: 1, column: 1, offset: 0), SourceLocation(line: 1, column: 4, offset: 3)), command: "evm")
        return try FinancialData(level: level, levelRange: input.at, input: input, actualCostOnly: actualCostOnly, denseLimit: denseLimit)
    }

    @Test(arguments: [true, false]) func projectCellsMatchTheRowByRowSums(idsAsText: Bool) throws {
        var rng = SeededGenerator(seed: idsAsText ? 0xF1A : 0xF1B)
        for _ in 0..<200 {
            let tables = Self.tables(&rng, idsAsText: idsAsText)
            let expected = Self.reference(tables[1].1)
            for limit in [0, Int.max] {
                let data = try Self.data(tables, level: "project", denseLimit: limit)
                var seen = 0
                for g in 0..<data.grouping.count {
                    let id = data.grouping.keyValues[g][0] ?? "null"
                    let want = expected[id] ?? [:]
                    #expect(data.periods(g) == want.keys.sorted(), "\(id), limit \(limit)")
                    for (p, sums) in want {
                        let got = data.amounts(g, at: p)
                        #expect(got.map { [$0.pv, $0.ev, $0.ac] } == sums, "\(id) \(p), limit \(limit)")
                    }
                    if let last = want.keys.max() {
                        let c = data.cumulative(g, through: last - 1)
                        let w = want.filter { $0.key <= last - 1 }.values.reduce([Int128](repeating: 0, count: 3)) { a, b in zip(a, b).map(+) }
                        #expect([c.pv, c.ev, c.ac] == w)
                    }
                    seen += want.count
                }
                #expect(seen == expected.values.reduce(0) { $0 + $1.count })
                let periods = expected.values.flatMap(\.keys)
                #expect(data.latestPeriod == periods.max())
            }
        }
    }

    /// `a` and `b` hold the same groups, latest period, and per-group periods and amounts.
    static func expectSameCells(_ a: FinancialData, _ b: FinancialData, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(a.grouping.keyValues == b.grouping.keyValues, sourceLocation: sourceLocation)
        #expect(a.latestPeriod == b.latestPeriod, sourceLocation: sourceLocation)
        for g in 0..<a.grouping.count {
            #expect(a.periods(g) == b.periods(g), sourceLocation: sourceLocation)
            for p in a.periods(g) { #expect(a.amounts(g, at: p) == b.amounts(g, at: p), sourceLocation: sourceLocation) }
        }
    }

    @Test func programTotalsAreTheSameEitherWay() throws {
        var rng = SeededGenerator(seed: 0xF1C)
        for _ in 0..<100 {
            let tables = Self.tables(&rng)
            for level in ["program", "total"] {
                let dense = try Self.data(tables, level: level, denseLimit: .max)
                let bucketed = try Self.data(tables, level: level, denseLimit: 0)
                Self.expectSameCells(dense, bucketed)
            }
        }
    }

    /// The same tables with their amounts stored as 128-bit units (as a gather of a wide column leaves them).
    static func widened(_ tables: [(String, Table)]) -> [(String, Table)] {
        tables.map { name, t in
            let cols = t.columns.map { c -> Column in
                guard case .decimal(let units, let scale) = c.storage, units.narrow != nil else { return c }
                return Column(name: c.name, storage: .decimal(DecimalUnits(wide: units.widened), scale: scale), validity: c.validity)
            }
            return (name, Table(columns: cols, rowCount: t.rowCount))
        }
    }

    /// 64-bit amounts are summed without overflow bounds (``AmountColumn/isNarrowUnits``): the cells are those of
    /// the checked 128-bit path, both ways of summing.
    @Test func narrowAmountsSumLikeWideOnes() throws {
        var rng = SeededGenerator(seed: 0xF1D)
        for _ in 0..<100 {
            let tables = Self.tables(&rng)
            if case .decimal(let units, _)? = tables[1].1.column(named: "actual_cost")?.storage { #expect(units.narrow != nil) }
            let wide = Self.widened(tables)
            for level in ["project", "program"] {
                for limit in [0, Int.max] {
                    let a = try Self.data(tables, level: level, denseLimit: limit)
                    let b = try Self.data(wide, level: level, denseLimit: limit)
                    Self.expectSameCells(a, b)
                }
            }
        }
    }

    @Test func anOverflowingGroupNamesTheColumnAndTheGroupEitherWay() throws {
        let big = FixedDecimal(units: FixedDecimal.maxUnits / 2 + 1, scale: 2)
        let tables: [(String, Table)] = [
            ("projects", makeTable([("project_id", .text, [.text("P1")]), ("budget", .decimal, [money("1.00")])])),
            (
                "financials",
                makeTable([
                    ("project_id", .text, [.text("P1"), .text("P1")]), ("period", .period, [period("2025-01"), period("2025-02")]),
                    ("planned_value", .decimal, [money("1.00"), money("1.00")]), ("earned_value", .decimal, [.decimal(big), .decimal(big)]),
                    ("actual_cost", .decimal, [money("1.00"), money("1.00")]),
                ])
            ),
        ]
        for limit in [0, Int.max] {
            #expect {
                _ = try Self.data(tables, level: "project", denseLimit: limit)
            } throws: { e in
                (e as? QueryError)?.primary.message == "evm: the sum of earned_value for project_id `P1` exceeds the largest exact amount (38 digits)"
            }
        }
    }

    @Test func theMemoryLimitCoversTheDomainCommands() {
        var session = financialSession()
        session.settings.options["memory_limit"] = "1KB"
        for command in ["evm by project", "trend cpi by program", "appraise by program"] {
            var s = session
            #expect(failureID(command, &s) == "result-too-large", "\(command)")
        }
    }
}
