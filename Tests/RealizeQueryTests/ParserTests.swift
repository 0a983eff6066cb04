import Testing
import RealizeStore
@testable import RealizeQuery

/// Parses `q`, recording the diagnostics as an issue when it does not parse.
func parse(_ q: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Statement? {
    var p = Parser(q)
    let st = p.parseStatement()
    if st == nil { Issue.record("`\(q)` does not parse: \(p.diagnostics.map(\.message))", sourceLocation: sourceLocation) }
    return st
}

func verbs(_ q: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String] {
    parse(q, sourceLocation: sourceLocation)?.pipeline.stages.map(\.verb) ?? []
}

@Suite struct ParserTests {
    @Test(arguments: [
        ("financials | where actual_cost > 100", ["where"]),
        ("financials | select project_id, cost = actual_cost, earned_value as ev", ["select"]),
        ("financials | select * except planned_value, earned_value", ["select"]),
        ("financials | select * except (planned_value)", ["select"]),
        ("financials | derive cv = earned_value - actual_cost, cpi = earned_value / actual_cost", ["derive"]),
        ("financials | by project_id, period agg n = count(), ac = sum(actual_cost)", ["by"]),
        ("financials | agg total = sum(actual_cost)", ["agg"]),
        ("financials | join projects on project_id", ["join"]),
        ("financials | join left projects on project_id", ["join"]),
        ("financials | left join projects on project_id = project_id", ["left"]),
        ("financials | sort project_id, -actual_cost, period desc", ["sort"]),
        ("financials | take 3", ["take"]),
        ("financials | top 2 by actual_cost", ["top"]),
        ("financials | distinct", ["distinct"]),
        ("financials | window by project_id order period cum = running_sum(actual_cost), prev = lag(actual_cost, 1)", ["window"]),
        ("financials | window order by period derive rn = row_number()", ["window"]),
        ("financials | pivot period by project_id agg sum(actual_cost)", ["pivot"]),
        ("financials\n  where actual_cost > 1\n  sort -actual_cost\n  take 2", ["where", "sort", "take"]),
        ("financials | where actual_cost > 1 | sort period | take 2;", ["where", "sort", "take"]),
    ])
    func eachVerbParses(_ q: String, _ expected: [String]) {
        #expect(verbs(q) == expected)
    }

    @Test func stageDetails() throws {
        let st = try #require(parse("let big = explain financials | sort a, -b, c desc | top 5 by x | take 7"))
        #expect(st.letName?.name == "big")
        #expect(st.explain)
        #expect(st.pipeline.source.tableName == "financials")
        guard case .sort(let keys) = st.pipeline.stages[0].kind else { Issue.record("not a sort"); return }
        #expect(keys.map(\.descending) == [false, true, true])
        guard case .top(let n, let key) = st.pipeline.stages[1].kind else { Issue.record("not top"); return }
        #expect(n == 5 && key.descending)
        guard case .take(let m) = st.pipeline.stages[2].kind else { Issue.record("not take"); return }
        #expect(m == 7)
    }

    @Test func joinForms() throws {
        let st = try #require(parse("financials | left join projects on project_id = id"))
        guard case .join(let source, let left, let keys) = st.pipeline.stages[0].kind else { Issue.record("not a join"); return }
        #expect(source.tableName == "projects" && left && keys.map(\.left) == ["project_id"] && keys.map(\.right) == ["id"])
        let st2 = try #require(parse("financials | join projects on project_id"))
        guard case .join(_, let left2, let keys2) = st2.pipeline.stages[0].kind else { Issue.record("not a join"); return }
        #expect(!left2 && keys2.map(\.left) == ["project_id"] && keys2.map(\.right) == ["project_id"])
        let st3 = try #require(parse("a | join b on program, period = month"))
        guard case .join(_, _, let keys3) = st3.pipeline.stages[0].kind else { Issue.record("not a join"); return }
        #expect(keys3.map(\.left) == ["program", "period"] && keys3.map(\.right) == ["program", "month"])
    }

    @Test func selectNames() throws {
        let st = try #require(parse("financials | select project_id, cost = actual_cost, earned_value as ev, sum(x)"))
        guard case .select(let items, let star, _) = st.pipeline.stages[0].kind else { Issue.record("not a select"); return }
        #expect(!star)
        #expect(items.map(\.name) == [nil, "cost", "ev", nil])
        let st2 = try #require(parse("financials | select * except a, b"))
        guard case .select(_, let star2, let except) = st2.pipeline.stages[0].kind else { Issue.record("not a select"); return }
        #expect(star2 && except.map(\.0) == ["a", "b"])
    }

    @Test(arguments: [
        "a + b * c - d / e % f",
        "-a + +b",
        "a = 1 and b != 2 or not c < 3",
        "a <> 1 and b == 2 and c <= 3 and d >= 4",
        "x in (1, 2, 3) and y not in ('a', 'b')",
        "x between 1 and 10 and y not between 2 and 3",
        "program contains 'Z' and project starts with 'A' and project ends with 'a'",
        "project like 'al%' and project not like '_x%'",
        "x is null or y is not null",
        "if a > 1 then 'big' else 'small'",
        "case when a > 1 then 1 when a > 0 then 0 else -1 end",
        "case when a then 1 end",
        "coalesce(a, b, 0) + nullif(c, 0) + abs(d) + round(e, 2) + length(lower(upper(f)))",
        "period.year = 2025 and period.quarter = 2 and d.month = 6 and d.fiscal_year = 2026 and d.fiscal_quarter = 1",
        "d = 2025-06-30 and p = 2025-06",
        "period in this quarter",
        "period in last quarter",
        "period in last 6 months",
        "period in ytd",
        "period as of 2025-06",
        "period not in last 2 years",
        "a || b || 'x'",
        "`weird name` > 1",
        "1_000 + 1.5e3 + .5 + 0.79",
        "true and not false or null",
        "(a + b) * (c - d)",
    ])
    func expressionsParse(_ e: String) {
        #expect(verbs("financials | where " + e) == ["where"])
    }

    @Test func precedence() throws {
        let st = try #require(parse("t | where a + b * c > 1 and not d or e"))
        guard case .where(let e) = st.pipeline.stages[0].kind else { Issue.record("not a where"); return }
        guard case .binary("or", let l, _, _) = e, case .binary("and", let cmp, let notD, _) = l,
            case .binary(">", let sum, _, _) = cmp, case .binary("+", _, let prod, _) = sum,
            case .binary("*", _, _, _) = prod, case .unary("not", _, _) = notD
        else { Issue.record("wrong tree: \(e)"); return }
    }

    @Test func aggregateCallForms() throws {
        let st = try #require(parse("t | agg n = count(), m = count(*), d = count(distinct x), p = percentile(x, 0.9)"))
        guard case .aggregate(let keys, let aggs) = st.pipeline.stages[0].kind else { Issue.record("not agg"); return }
        #expect(keys.isEmpty)
        guard case .call("count", let a0, false, _) = aggs[0].expr, a0.isEmpty,
            case .call("count", let a1, false, _) = aggs[1].expr, a1.isEmpty,
            case .call("count", let a2, true, _) = aggs[2].expr, a2.count == 1,
            case .call("percentile", let a3, false, _) = aggs[3].expr, a3.count == 2
        else { Issue.record("wrong calls"); return }
    }

    @Test func timeWindows() throws {
        func window(_ e: String) -> TimeWindow? {
            guard let st = parse("t | where " + e), case .where(let x) = st.pipeline.stages[0].kind, case .timeFilter(_, let w, _) = x else { return nil }
            return w
        }
        guard case .this("quarter") = window("period in this quarter") else { Issue.record("this quarter"); return }
        guard case .previous("quarter") = window("period in last quarter") else { Issue.record("last quarter"); return }
        guard case .lastN(6, "month") = window("period in last 6 months") else { Issue.record("last 6 months"); return }
        guard case .ytd = window("period in ytd") else { Issue.record("ytd"); return }
        guard case .asOf(.period("2025-06")) = window("period as of 2025-06") else { Issue.record("as of"); return }
    }

    @Test func lexerLiterals() {
        var lx = Lexer("2025-06-30 2025-06 42 4.5 'it''s' `a b` <> == # comment\n-- also\nx")
        let toks = lx.tokenize()
        #expect(toks.map(\.kind) == [.date, .period, .integer, .number, .string, .identifier, .symbol, .symbol, .newline, .newline, .identifier, .end])
        #expect(toks[4].text == "it's")
        #expect(toks[5].text == "a b")
        #expect(toks[6].text == "!=" && toks[7].text == "=")
        #expect(toks[10].range.start.line == 3 && toks[10].range.start.column == 1)
        #expect(lx.diagnostics.isEmpty)
    }

    @Test func keywordsAreCaseInsensitive() {
        #expect(verbs("financials | WHERE actual_cost > 1 | Sort period") == ["where", "sort"])
    }

    @Test(arguments: [
        ("financials |", true),
        ("financials | where actual_cost >", false),
        ("financials | where (actual_cost > 1", true),
        ("financials | where program = 'Zür", true),
        ("financials | where `actual", true),
        ("financials | select a,", true),
        ("financials | where x in (1, 2", true),
        ("financials | where a > 1 -- comment |", false),
        ("financials | where a = '|'", false),
        ("financials | where (a > 1)", false),
        ("financials", false),
        ("financials |\n", true),
        ("", false),
    ])
    func incomplete(_ q: String, _ expected: Bool) {
        #expect(QuerySession.isIncomplete(q) == expected, "\(q)")
    }
}
