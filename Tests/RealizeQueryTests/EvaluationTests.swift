import Testing
import RealizeStore
@testable import RealizeQuery

let nullsCSV = """
    id,a,b
    1,1,10
    2,,20
    3,3,
    4,,

    """

let aggCSV = """
    k,v,w
    a,1.5,x
    a,,y
    a,2.5,x
    a,4.0,y
    b,,z
    b,10,z
    c,,q

    """

let salesCSV = """
    region,product,amount
    N,x,1
    N,y,2
    S,x,3
    N,x,4
    S,x,5

    """

let ownersCSV = """
    project_id,owner,actual_cost
    P1,Ann,1
    P3,Cy,3
    P9,Zed,9

    """

/// Rows deliberately out of period order.
let seriesCSV = """
    p,period,x
    A,2025-03,3
    A,2025-01,1
    B,2025-02,20
    A,2025-02,2
    B,2025-01,10

    """

let periodsCSV = """
    period,d
    2024-07,2024-07-31
    2024-12,2024-12-01
    2025-01,2025-01-15
    2025-03,2025-03-31
    2025-04,2025-04-01
    2025-06,2025-06-30
    2025-07,2025-07-01
    2025-08,2025-08-15
    2025-09,2025-09-30

    """

@Suite struct ExactArithmeticTests {
    @Test func decimalSumIsExact() throws {
        let t = try runTable("x | agg s = sum(v)", extra: ["x": "v\n0.7\n0.79\n1\n1.1\n"])
        #expect(t.columns[0].type == .decimal)
        let v = t.values("s")
        #expect(v == [dec("3.59")])
        guard case .decimal(let d) = v.first else { Issue.record("not a decimal: \(v)"); return }
        #expect(d.units == 359 && d.scale == 2)
        #expect(d.description == "3.59")
    }

    @Test func decimalLiteralArithmeticIsExact() throws {
        let t = try runTable("financials | take 1 | select s = 0.7 + 0.79 + 1 + 1.1, m = 0.1 * 3, n = 1.10 - 0.1")
        #expect(t.columns.map(\.type) == [.decimal, .decimal, .decimal])
        #expect(t.texts("s") == ["3.59"])
        #expect(t.values("s") == [.decimal(FixedDecimal(units: 359, scale: 2))])
        #expect(t.texts("m") == ["0.3"])
        #expect(t.texts("n") == ["1.00"])
    }

    @Test func moneyColumnsStayExact() throws {
        let t = try runTable("financials | agg ac = sum(actual_cost), pv = sum(planned_value)")
        #expect(t.texts("ac") == ["316.60"])
        #expect(t.texts("pv") == ["300.70"])
    }

    @Test func divisionGivesDoubleAndZeroGivesNull() throws {
        let t = try runTable("financials | take 1 | select h = 7 / 2, z = actual_cost / 0, m = 7 % 0, q = 1.5 / 0.0, r = 7 % 3")
        #expect(t.columns.map(\.type) == [.double, .double, .int, .double, .int])
        #expect(t.values("h") == [.double(3.5)])
        #expect(t.values("z") == [.null])
        #expect(t.values("m") == [.null])
        #expect(t.values("q") == [.null])
        #expect(t.values("r") == [.int(1)])
    }

    @Test func cpiWithNullsAndZeros() throws {
        let t = try runTable("financials | derive cpi = earned_value / actual_cost | select project_id, cpi")
        let cpi = t.values("cpi")
        #expect(isApprox(cpi[0], 0.75))
        #expect(isApprox(cpi[2], 1.25))
        #expect(cpi[3] == .null)  // earned_value is null
    }

    @Test func intArithmeticAndNegation() throws {
        let t = try runTable("x | select a = v * 2 - 1, b = -v, c = abs(-v) + 0", extra: ["x": "v\n3\n-4\n"])
        #expect(t.values("a") == [.int(5), .int(-9)])
        #expect(t.values("b") == [.int(-3), .int(4)])
        #expect(t.values("c") == [.int(3), .int(4)])
    }
}

@Suite struct NullSemanticsTests {
    func ids(_ q: String) throws -> [String] { try runTable("n | " + q + " | select id", extra: ["n": nullsCSV]).texts("id") }

    @Test func comparisonsWithNullDropRows() throws {
        #expect(try ids("where a > 1") == ["3"])
        #expect(try ids("where not (a > 1)") == ["1"])
        #expect(try ids("where a = null") == [])
        #expect(try ids("where a != 1") == ["3"])
    }

    @Test func threeValuedOr() throws {
        // null or true = true; null or false = null.
        #expect(try ids("where a > 1 or b > 15") == ["2", "3"])
        #expect(try ids("where a < 5 or b > 100") == ["1", "3"])
        #expect(try ids("where not (a < 5 or b > 100)") == [])
    }

    @Test func threeValuedAnd() throws {
        // null and false = false, so its negation is true.
        #expect(try ids("where not (a > 1 and b > 25)") == ["1", "2"])
        #expect(try ids("where a > 1 and b > 5") == [])
        #expect(try ids("where not (a > 0 and b > 5)") == [])
    }

    @Test func isNullAndInList() throws {
        #expect(try ids("where a is null") == ["2", "4"])
        #expect(try ids("where a is not null and b is null") == ["3"])
        #expect(try ids("where a in (1, 3)") == ["1", "3"])
        #expect(try ids("where a not in (1)") == ["3"])
        #expect(try ids("where a between 1 and 3") == ["1", "3"])
    }

    @Test func nullPropagatesThroughArithmetic() throws {
        let t = try runTable("n | select id, s = a + b, c = coalesce(a, b, 0), z = nullif(a, 1)", extra: ["n": nullsCSV])
        #expect(t.values("s") == [.int(11), .null, .null, .null])
        #expect(t.values("c") == [.int(1), .int(20), .int(3), .int(0)])
        #expect(t.values("z") == [.null, .null, .int(3), .null])
    }

    @Test func conditionalWithNullCondition() throws {
        let t = try runTable(
            "n | select id, s = if a > 1 then 'big' else 'small', c = case when a = 1 then 'one' when b = 20 then 'twenty' end", extra: ["n": nullsCSV])
        #expect(t.values("s") == [.text("small"), .text("small"), .text("big"), .text("small")])
        #expect(t.values("c") == [.text("one"), .text("twenty"), .null, .null])
    }
}

@Suite struct AggregateTests {
    @Test func allAggregatesSkipNulls() throws {
        let t = try runTable(
            """
            g | by k agg total = sum(v), rows = count(), n = count(v), mean = avg(v), lo = min(v), hi = max(v),
                 med = median(v), p90 = percentile(v, 0.9), sd = stddev(v), f = first(v), l = last(v), kinds = count(distinct w)
            """, extra: ["g": aggCSV])
        #expect(t.texts("k") == ["a", "b", "c"])
        #expect(t.values("total") == [dec("8.0"), dec("10"), .null])
        #expect(t.values("rows") == [.int(4), .int(2), .int(1)])
        #expect(t.values("n") == [.int(3), .int(1), .int(0)])
        let mean = t.values("mean")
        #expect(isApprox(mean[0], 8.0 / 3) && isApprox(mean[1], 10) && mean[2] == .null)
        #expect(t.values("lo") == [dec("1.5"), dec("10"), .null])
        #expect(t.values("hi") == [dec("4.0"), dec("10"), .null])
        let med = t.values("med")
        #expect(isApprox(med[0], 2.5) && isApprox(med[1], 10) && med[2] == .null)
        let p90 = t.values("p90")
        #expect(isApprox(p90[0], 3.7) && isApprox(p90[1], 10) && p90[2] == .null)
        let sd = t.values("sd")
        #expect(isApprox(sd[0], (19.0 / 12).squareRoot()))
        #expect(sd[1] == .null)  // one value: no sample deviation
        #expect(sd[2] == .null)
        #expect(t.values("f") == [dec("1.5"), dec("10"), .null])
        #expect(t.values("l") == [dec("4.0"), dec("10"), .null])
        #expect(t.values("kinds") == [.int(2), .int(1), .int(1)])
    }

    @Test func medianOfEvenCount() throws {
        let t = try runTable("x | agg m = median(v), p0 = percentile(v, 0), p1 = percentile(v, 1)", extra: ["x": "v\n4\n1\n3\n2\n"])
        #expect(t.values("m") == [.double(2.5)])
        #expect(t.values("p0") == [.double(1)])
        #expect(t.values("p1") == [.double(4)])
    }

    @Test func totalsOverEmptyInput() throws {
        let t = try runTable("financials | where actual_cost > 1000 | agg n = count(), s = sum(actual_cost), m = max(period)")
        #expect(t.rowCount == 1)
        #expect(t.values("n") == [.int(0)])
        #expect(t.values("s") == [.null])
        #expect(t.values("m") == [.null])
    }

    @Test func groupByOnEmptyInputHasNoRows() throws {
        let t = try runTable("financials | where actual_cost > 1000 | by project_id agg n = count()")
        #expect(t.rowCount == 0)
        #expect(t.columnNames == ["project_id", "n"])
    }

    @Test func groupByMultipleKeys() throws {
        let t = try runTable("s | by region, product agg total = sum(amount), n = count() | sort region, product", extra: ["s": salesCSV])
        #expect(
            t.rows == [
                [.text("N"), .text("x"), .int(5), .int(2)],
                [.text("N"), .text("y"), .int(2), .int(1)],
                [.text("S"), .text("x"), .int(8), .int(2)],
            ])
    }

    @Test func groupByExpressionAndPostAggregateArithmetic() throws {
        let t = try runTable("financials | by y = period.year agg cpi = sum(earned_value) / sum(actual_cost), spread = max(actual_cost) - min(actual_cost)")
        #expect(t.values("y") == [.int(2025)])
        #expect(isApprox(t.values("cpi")[0], 240.79 / 316.6))
        #expect(t.values("spread") == [dec("118.90")])
    }

    @Test func defaultNames() throws {
        let t = try runTable("financials | by project_id agg sum(actual_cost), count(), count(distinct period)")
        #expect(t.columnNames == ["project_id", "sum_actual_cost", "count", "count_distinct_period"])
    }
}

@Suite struct RelationalTests {
    @Test func leftJoinKeepsUnmatchedRowsWithNulls() throws {
        let t = try runTable("financials | left join owners on project_id | select project_id, period, owner, owners_actual_cost", extra: ["owners": ownersCSV])
        #expect(t.texts("project_id") == ["P1", "P1", "P2", "P2", "P3"])
        #expect(t.values("owner") == [.text("Ann"), .text("Ann"), .null, .null, .text("Cy")])
        #expect(t.values("owners_actual_cost") == [.int(1), .int(1), .null, .null, .int(3)])
    }

    @Test func innerJoinDropsUnmatched() throws {
        let t = try runTable("financials | join owners on project_id", extra: ["owners": ownersCSV])
        #expect(t.columnNames == ["project_id", "period", "planned_value", "earned_value", "actual_cost", "owner", "owners_actual_cost"])
        #expect(t.texts("project_id") == ["P1", "P1", "P3"])
        #expect(t.texts("owner") == ["Ann", "Ann", "Cy"])
    }

    @Test func joinOnDifferentNames() throws {
        let t = try runTable("financials | join people on project_id = pid | select project_id, who", extra: ["people": "pid,who\nP2,Bo\n"])
        #expect(t.rows == [[.text("P2"), .text("Bo")], [.text("P2"), .text("Bo")]])
    }

    @Test func joinOnDecimalKeysOfDifferentScales() throws {
        // 1.50 (scale 2) and 1.5 (scale 1) are the same amount, so they must match.
        let t = try runTable("a | join b on k | select k, x, y", extra: ["a": "k,x\n1.50,l1\n2.25,l2\n", "b": "k,y\n1.5,r1\n2.3,r2\n"])
        #expect(t.rows == [[dec("1.50"), .text("l1"), .text("r1")]])
    }

    @Test func joinThenAggregate() throws {
        let t = try runTable("financials | join projects on project_id | by program agg ac = sum(actual_cost) | sort program")
        #expect(t.texts("program") == ["Finance, \"Phase II\"", "Zürich"])
        #expect(t.texts("ac") == ["230.00", "86.60"])
    }

    @Test func topN() throws {
        let t = try runTable("financials | top 2 by actual_cost | select actual_cost")
        #expect(t.texts("actual_cost") == ["120.00", "110.00"])
        let e = try runTable("financials | top 1 by earned_value | select earned_value")
        #expect(e.texts("earned_value") == ["100.00"])
        let z = try runTable("financials | top 10 by actual_cost")
        #expect(z.rowCount == 5)
    }

    @Test func sortAscendingDescendingNullsLast() throws {
        let t = try runTable("financials | sort earned_value | select earned_value")
        #expect(t.texts("earned_value") == ["0.79", "50.00", "90.00", "100.00", ""])
        let d = try runTable("financials | sort -earned_value | select earned_value")
        #expect(d.values("earned_value") == [dec("100"), dec("90"), dec("50"), dec("0.79"), .null])
        let k = try runTable("financials | sort project_id desc, actual_cost | select project_id, actual_cost")
        #expect(k.texts("actual_cost") == ["1.10", "40.00", "45.50", "110.00", "120.00"])
    }

    @Test func takeAndSortTake() throws {
        #expect(try runTable("financials | take 2").texts("actual_cost") == ["120.00", "110.00"])
        #expect(try runTable("financials | sort actual_cost | take 2").texts("actual_cost") == ["1.10", "40.00"])
        #expect(try runTable("financials | take 0").rowCount == 0)
    }

    @Test func distinct() throws {
        #expect(try runTable("financials | select project_id | distinct").texts("project_id") == ["P1", "P2", "P3"])
        #expect(try runTable("financials | select planned_value | distinct").texts("planned_value") == ["100.00", "50.00", "0.70"])
        #expect(try runTable("n | select a | distinct", extra: ["n": nullsCSV]).values("a") == [.int(1), .null, .int(3)])
    }

    @Test func selectStarExcept() throws {
        let t = try runTable("financials | select * except planned_value, earned_value")
        #expect(t.columnNames == ["project_id", "period", "actual_cost"])
    }

    @Test func deriveReplacesAndChains() throws {
        let t = try runTable("financials | derive cv = earned_value - actual_cost, cv2 = cv * 2, actual_cost = 0 | select cv, cv2, actual_cost | take 1")
        #expect(t.rows == [[dec("-30.00"), dec("-60.00"), .int(0)]])
    }
}

@Suite struct TextAndFunctionTests {
    func names(_ q: String) throws -> [String] { try runTable("projects | " + q + " | select project").texts("project") }

    @Test func textMatching() throws {
        #expect(try names("where project like 'al%'") == ["Alpha"])
        #expect(try names("where project like '_E%A'") == ["Beta"])
        #expect(try names("where program contains 'Zür'") == ["Beta", "Gamma"])
        #expect(try names("where project starts with 'G'") == ["Gamma"])
        #expect(try names("where project ends with 'a'") == ["Alpha", "Beta", "Gamma"])
        #expect(try names("where project not like 'a%'") == ["Beta", "Gamma"])
        #expect(try names("where project in ('Beta', 'Nope')") == ["Beta"])
    }

    @Test func scalarFunctions() throws {
        let t = try runTable(
            "projects | select up = upper(program), lo = lower(project), len = length(program), joined = project || '/' || project_id, r = round(budget, 0), r1 = round(budget / 3, 1)"
        )
        #expect(t.texts("up") == ["FINANCE, \"PHASE II\"", "ZÜRICH", "ZÜRICH"])
        #expect(t.texts("lo") == ["alpha", "beta", "gamma"])
        #expect(t.values("len") == [.int(19), .int(6), .int(6)])
        #expect(t.texts("joined") == ["Alpha/P1", "Beta/P2", "Gamma/P3"])
        #expect(t.texts("r") == ["1000", "500", "11"])
        #expect(t.values("r1") == [.double(333.3), .double(166.7), .double(3.5)])
    }

    @Test func betweenIsInclusive() throws {
        let t = try runTable("financials | where actual_cost between 40 and 100 | select actual_cost")
        #expect(t.texts("actual_cost") == ["40.00", "45.50"])
    }
}

@Suite struct WindowTests {
    @Test func windowFunctionsWithinPartitionsInPeriodOrder() throws {
        let t = try runTable(
            """
            s | window by p order period cum = running_sum(x), prev = lag(x), next = lead(x), d = delta(x), pc = pct_change(x),
                 rm = rolling_mean(x, 2), r = rank(x), rn = row_number()
              | sort p, period
            """, extra: ["s": seriesCSV])
        #expect(t.texts("p") == ["A", "A", "A", "B", "B"])
        #expect(t.texts("period") == ["2025-01", "2025-02", "2025-03", "2025-01", "2025-02"])
        #expect(t.values("cum") == [.int(1), .int(3), .int(6), .int(10), .int(30)])
        #expect(t.values("prev") == [.null, .int(1), .int(2), .null, .int(10)])
        #expect(t.values("next") == [.int(2), .int(3), .null, .int(20), .null])
        #expect(t.values("d") == [.null, .int(1), .int(1), .null, .int(10)])
        #expect(t.values("pc") == [.null, .double(1), .double(0.5), .null, .double(1)])
        #expect(t.values("rm") == [.double(1), .double(1.5), .double(2.5), .double(10), .double(15)])
        #expect(t.values("r") == [.int(3), .int(2), .int(1), .int(2), .int(1)])
        #expect(t.values("rn") == [.int(1), .int(2), .int(3), .int(1), .int(2)])
    }

    @Test func windowKeepsInputRowOrder() throws {
        let t = try runTable("s | window by p order period cum = running_sum(x)", extra: ["s": seriesCSV])
        #expect(t.texts("period") == ["2025-03", "2025-01", "2025-02", "2025-02", "2025-01"])
        #expect(t.values("cum") == [.int(6), .int(1), .int(30), .int(3), .int(10)])
    }

    @Test func moneyWindowsStayExact() throws {
        let t = try runTable(
            "financials | window by project_id order period cum = running_sum(actual_cost), d = delta(actual_cost), pc = pct_change(actual_cost), r = rank(actual_cost) | sort project_id, period"
        )
        #expect(t.texts("cum") == ["120.00", "230.00", "40.00", "85.50", "1.10"])
        #expect(t.texts("d") == ["", "-10.00", "", "5.50", ""])
        let pc = t.values("pc")
        #expect(isApprox(pc[1], -10.0 / 120) && isApprox(pc[3], 5.5 / 40) && pc[0] == .null && pc[4] == .null)
        #expect(t.values("r") == [.int(1), .int(2), .int(2), .int(1), .int(1)])
    }

    @Test func rankTiesShareARank() throws {
        let t = try runTable("s | window r = rank(x % 2)", extra: ["s": seriesCSV])
        #expect(t.values("r") == [.int(1), .int(1), .int(3), .int(3), .int(3)])
    }

    @Test func lagWithOffsetAndNullsInRunningSum() throws {
        let t = try runTable("n | window order id l2 = lag(id, 2), cum = running_sum(a)", extra: ["n": nullsCSV])
        #expect(t.values("l2") == [.null, .null, .int(1), .int(2)])
        #expect(t.values("cum") == [.int(1), .int(1), .int(4), .int(4)])
    }
}

@Suite struct PivotTests {
    @Test func pivotPeriodsIntoColumns() throws {
        let t = try runTable("financials | pivot period by project_id agg sum(actual_cost)")
        #expect(t.columnNames == ["project_id", "2025-01", "2025-02"])
        #expect(t.texts("project_id") == ["P1", "P2", "P3"])
        #expect(t.values("2025-01") == [dec("120.00"), dec("40.00"), .null])
        #expect(t.values("2025-02") == [dec("110.00"), dec("45.50"), dec("1.10")])
    }

    @Test func stagesAfterPivot() throws {
        let t = try runTable("financials | pivot period by project_id agg count() | where project_id != 'P1' | sort -project_id")
        #expect(t.texts("project_id") == ["P3", "P2"])
        #expect(t.values("2025-01") == [.null, .int(1)])
        #expect(t.values("2025-02") == [.int(1), .int(1)])
    }

    @Test func pivotWithoutRows() throws {
        let t = try runTable("s | pivot region agg sum(amount)", extra: ["s": salesCSV])
        #expect(t.columnNames == ["N", "S"])
        #expect(t.rows == [[.int(7), .int(8)]])
    }
}

@Suite struct TimeTests {
    func periods(_ filter: String, fiscalStart: Int = 1) throws -> [String] {
        var s = Fixtures.session(["ps": periodsCSV])
        s.settings.today = CivilCalendar.days(year: 2025, month: 8, day: 15)
        s.settings.fiscalYearStart = fiscalStart
        return try runTable("ps | where " + filter, &s).texts("period")
    }

    @Test func calendarWindows() throws {
        #expect(try periods("period in this quarter") == ["2025-07", "2025-08", "2025-09"])
        #expect(try periods("period in last quarter") == ["2025-04", "2025-06"])
        #expect(try periods("period in last 6 months") == ["2025-03", "2025-04", "2025-06", "2025-07", "2025-08"])
        #expect(try periods("period in ytd") == ["2025-01", "2025-03", "2025-04", "2025-06", "2025-07", "2025-08"])
        #expect(try periods("period in this month") == ["2025-08"])
        #expect(try periods("period in last month") == ["2025-07"])
        #expect(try periods("period in last year") == ["2024-07", "2024-12"])
        #expect(try periods("period as of 2025-06") == ["2024-07", "2024-12", "2025-01", "2025-03", "2025-04", "2025-06"])
        #expect(try periods("period not in this quarter") == ["2024-07", "2024-12", "2025-01", "2025-03", "2025-04", "2025-06"])
    }

    @Test func dateColumnsInWindows() throws {
        #expect(try periods("d in this quarter") == ["2025-07", "2025-08", "2025-09"])
        #expect(try periods("d in last quarter") == ["2025-04", "2025-06"])
        #expect(try periods("d as of 2025-03-31") == ["2024-07", "2024-12", "2025-01", "2025-03"])
        #expect(try periods("d >= 2025-06-30 and d < 2025-08-15") == ["2025-06", "2025-07"])
        #expect(try periods("period >= '2025-07'") == ["2025-07", "2025-08", "2025-09"])
    }

    @Test func fiscalYearStartingInApril() throws {
        #expect(try periods("period in ytd", fiscalStart: 4) == ["2025-04", "2025-06", "2025-07", "2025-08"])
        #expect(try periods("period in this year", fiscalStart: 4) == ["2025-04", "2025-06", "2025-07", "2025-08", "2025-09"])
        #expect(try periods("period in last year", fiscalStart: 4) == ["2024-07", "2024-12", "2025-01", "2025-03"])
        #expect(try periods("period in this quarter", fiscalStart: 4) == ["2025-07", "2025-08", "2025-09"])
        #expect(try periods("period in last quarter", fiscalStart: 4) == ["2025-04", "2025-06"])
        #expect(try periods("period in this quarter", fiscalStart: 2) == ["2025-08", "2025-09"])
    }

    @Test func dateParts() throws {
        var s = Fixtures.session(["ps": periodsCSV])
        s.settings.fiscalYearStart = 4
        let t = try runTable(
            "ps | select period, y = period.year, q = period.quarter, m = period.month, fy = period.fiscal_year, fq = period.fiscal_quarter, dfy = d.fiscal_year, dd = d.day",
            &s)
        let at = try #require(t.texts("period").firstIndex(of: "2025-04"))
        #expect(t.rows[at] == [.period(CivilCalendar.period(year: 2025, month: 4)), .int(2025), .int(2), .int(4), .int(2026), .int(1), .int(2026), .int(1)])
        #expect(t.values("fy") == [2025, 2025, 2025, 2025, 2026, 2026, 2026, 2026, 2026].map { Value.int($0) })
        #expect(t.values("fq") == [2, 3, 4, 4, 1, 1, 2, 2, 2].map { Value.int($0) })
        s.settings.fiscalYearStart = 1
        let c = try runTable("ps | select fy = fiscal_year(period), fq = fiscal_quarter(period), q = quarter(d)", &s)
        #expect(c.values("fy") == [2024, 2024, 2025, 2025, 2025, 2025, 2025, 2025, 2025].map { Value.int($0) })
        #expect(c.values("fq") == c.values("q"))
    }
}

@Suite struct SessionTests {
    @Test func letThenQueryByName() throws {
        var s = Fixtures.session()
        guard case .defined(let name, let t) = try s.run("let big = financials | where actual_cost > 100") else { Issue.record("not defined"); return }
        #expect(name == "big" && t.rowCount == 2)
        #expect(s.catalog["big"]?.rowCount == 2)
        let n = try runTable("big | agg n = count()", &s)
        #expect(n.values("n") == [.int(2)])
    }

    @Test func underscoreIsTheLastResult() throws {
        var s = Fixtures.session()
        _ = try runTable("financials | where project_id = 'P2'", &s)
        let j = try runTable("projects | join _ on project_id | select project, period", &s)
        #expect(j.texts("project") == ["Beta", "Beta"])
        let t = try runTable("financials | where project_id = 'P2'", &s)
        #expect(t.rowCount == 2)
        let a = try runTable("_ | agg ac = sum(actual_cost)", &s)
        #expect(a.texts("ac") == ["85.50"])
        let u = try runTable("_ | select ac2 = ac * 2", &s)
        #expect(u.texts("ac2") == ["171.00"])
    }

    @Test func explainReturnsThePlanAndRunsNothing() throws {
        var s = Fixtures.session()
        guard case .plan(let p) = try s.run("explain financials | where actual_cost > 1 | sort -actual_cost | take 2") else {
            Issue.record("not a plan"); return
        }
        #expect(
            p
                == """
                → scan financials: reads 5 of 5 columns (project_id, period, planned_value, earned_value, actual_cost)
                → filter actual_cost > 1, then partial sort: sort -actual_cost, take 2
                rewrites:
                  constant folding: 1 constant expression in `filter actual_cost > 1`
                  top-N: `sort -actual_cost | take 2` keeps the first 2 rows of a partial sort
                  top-N: `filter actual_cost > 1` fused with the top-2 that follows: rows are ordered through the filter's mask
                """
        )
        #expect(s.lastResult == nil)
        guard case .plan(let q) = try s.run("explain financials | join projects on project_id | by program agg n = count()") else {
            Issue.record("not a plan"); return
        }
        #expect(q.contains("hash join projects on project_id (build: projects)"))
        #expect(q.contains("scan financials: reads 1 of 5 columns (project_id)"))
        #expect(q.contains("hash aggregate (1 distinct aggregate): by program agg n = count()"))
    }

    @Test func lineBreaksSeparateStages() throws {
        let t = try runTable("financials\nwhere actual_cost > 100\nselect project_id, actual_cost\nsort actual_cost")
        #expect(t.texts("actual_cost") == ["110.00", "120.00"])
    }
}
