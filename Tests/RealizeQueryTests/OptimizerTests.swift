import RealizeStore
import Testing
@testable import RealizeQuery

/// The optimizer's rewrites (column pruning, filter pushed below a join, filter + top-N over the filter's mask)
/// must give exactly what the plain plan gives. Each case is written twice: once in a shape that triggers the
/// rewrite and once in a shape that does not. (`Rules` checks that each rule fires; `Equivalence` compares
/// optimized and plain plans on random data.)
@Suite struct OptimizerTests {
    @Test func filterOnTheJoinedTableIsPushedBelowTheJoin() throws {
        let pushed = try runTable("financials | join projects on project_id | where program = 'Zürich' | sort project_id, period")
        // `and actual_cost > -1` reads a left column too, so this one filters after the join.
        let plain = try runTable("financials | join projects on project_id | where program = 'Zürich' and actual_cost > -1 | sort project_id, period")
        #expect(pushed.rowCount > 0)
        #expect(pushed.rows == plain.rows)
        #expect(pushed.columnNames == plain.columnNames)
    }

    @Test func leftJoinsAreNotPushedDown() throws {
        // A left join keeps unmatched rows; filtering the right table first would turn them into null rows.
        let t = try runTable(
            "financials | left join owners on project_id | where owner = 'Ann' | select project_id, owner",
            extra: ["owners": "project_id,owner\nP1,Ann\nP3,Cy\n"])
        #expect(t.texts("owner") == ["Ann", "Ann"])
    }

    @Test func filterThenTopNMatchesAFullSort() throws {
        let top = try runTable("financials | where actual_cost > earned_value | sort -actual_cost | take 2")
        let full = try runTable("financials | where actual_cost > earned_value | sort -actual_cost")
        #expect(top.rows == Array(full.rows.prefix(2)))
    }

    @Test func prunedColumnsDoNotChangeResults() throws {
        let pruned = try runTable("financials | join projects on project_id | by program agg ac = sum(actual_cost) | sort program")
        let all = try runTable("financials | join projects on project_id | select * | by program agg ac = sum(actual_cost) | sort program")
        #expect(pruned.rows == all.rows)
    }
}

@Suite struct TopNTests {
    /// A table of `n` rows whose `v` column cycles through a few values, so ties are everywhere.
    func table(_ n: Int) -> String {
        "id,v,keep\n" + (0..<n).map { "\($0),\(($0 * 7919) % 13),\($0 % 3 != 0)" }.joined(separator: "\n") + "\n"
    }

    @Test(arguments: [1, 5, 40, 2000]) func topNEqualsTheFirstRowsOfAStableSort(n: Int) throws {
        let extra = ["t": table(5000)]
        for order in ["v", "-v"] {
            let top = try runTable("t | where keep | sort \(order) | take \(n) | select id", extra: extra)
            let full = try runTable("t | where keep | sort \(order) | select id", extra: extra)
            #expect(top.rows == Array(full.rows.prefix(n)), "sort \(order) | take \(n)")
            let unfiltered = try runTable("t | sort \(order) | take \(n) | select id", extra: extra)
            let all = try runTable("t | sort \(order) | select id", extra: extra)
            #expect(unfiltered.rows == Array(all.rows.prefix(n)))
        }
    }
}

@Suite struct MultiKeyJoinTests {
    let extra = [
        "plan": "program,period,budget\nA,2025-01,10\nA,2025-02,20\nB,2025-01,30\nB,2025-02,\n",
        "spend": "program,month,cost\nA,2025-01,1\nA,2025-02,2\nB,2025-02,4\nC,2025-01,8\n,2025-01,16\n",
    ]

    @Test func joinsOnEveryKeyPair() throws {
        let t = try runTable("plan | join spend on program, period = month | select program, period, budget, cost | sort program, period", extra: extra)
        #expect(t.texts("program") == ["A", "A", "B"])
        #expect(t.texts("period") == ["2025-01", "2025-02", "2025-02"])
        #expect(t.texts("cost") == ["1", "2", "4"])
    }

    @Test func leftJoinKeepsRowsWithoutAMatchOnEveryKey() throws {
        let t = try runTable("plan | left join spend on program, period = month | sort program, period | select cost", extra: extra)
        // B 2025-01 has no spend: its cost is null.
        #expect(t.rows.map { $0[0] } == [.int(1), .int(2), .null, .int(4)])
    }

    @Test func aNullKeyMatchesNothing() throws {
        let t = try runTable("spend | join plan on program, month = period | select program", extra: extra)
        #expect(Set(t.texts("program")) == ["A", "B"])
    }

    @Test func aKeyOfTheWrongTypeIsAnError() throws {
        var s = Fixtures.session(extra)
        #expect(throws: QueryError.self) { try s.run("plan | join spend on program, period = cost") }
    }
}
