import RealizeStore
import Testing
@testable import RealizeQuery

extension OptimizerTests {
    /// Each rule fires on its pattern (it is named in the optimizer's record and the plan has the new shape),
    /// and leaves alone the shapes where it must not fire.
    @Suite struct Rules {
        @Test func filterOnTheJoinedTableMovesIntoTheJoinsInput() throws {
            let q = try #require(OptimizedQuery("financials | join projects on project_id | where program = 'Zürich' | sort project_id, period"))
            #expect(q.fired.contains("filter pushdown"))
            #expect(q.operators.map(\.shape) == ["lookup join", "sort"])
            let sub = try #require(q.operators[0].joinedPlan)
            #expect(sub.operators.map(\.shape) == ["filter"])
            #expect(sub.source.label == "projects")
        }

        @Test func onlyTheConjunctsOnTheJoinedTableMove() throws {
            let q = try #require(OptimizedQuery("financials | join projects on project_id | where program = 'Zürich' and actual_cost > 1"))
            #expect(q.fired.contains("filter pushdown"))
            #expect(q.operators.map(\.shape) == ["lookup join", "filter"])
            #expect(q.operators[0].joinedPlan?.operators.map(\.shape) == ["filter"])
        }

        @Test func filtersOnLeftColumnsAndLeftJoinsStayAbove() throws {
            for text in [
                "financials | join projects on project_id | where actual_cost > budget",
                "financials | join projects on project_id | where period > '2025-01' or program = 'Zürich'",
                "financials | left join projects on project_id | where program = 'Zürich'",
                "financials | join projects on project_id | select project_id, program | where program = 'Zürich'",
            ] {
                let q = try #require(OptimizedQuery(text))
                #expect(!q.fired.contains("filter pushdown"), "\(text)")
                #expect(q.operators.allSatisfy { $0.joinedPlan == nil }, "\(text)")
            }
        }

        @Test func sortAndTakeBecomeATopN() throws {
            let q = try #require(OptimizedQuery("financials | sort -actual_cost | take 2"))
            #expect(q.fired == ["top-N"] || q.fired == ["top-N", "column pruning"])
            #expect(q.operators.map(\.shape) == ["topN"])
        }

        @Test func aFilterBeforeAnOrderedLimitFusesWithIt() throws {
            for text in [
                "financials | where actual_cost > earned_value | sort -actual_cost | take 2", "financials | where earned_value > 1 | top 2 by actual_cost",
            ] {
                let q = try #require(OptimizedQuery(text))
                #expect(q.fired.contains("top-N"))
                #expect(q.operators.map(\.shape) == ["filteredTopN"], "\(text)")
            }
        }

        @Test func topNNeedsTheLimitRightAfterTheSort() throws {
            let q = try #require(OptimizedQuery("financials | sort -actual_cost | select project_id, actual_cost | take 2"))
            #expect(!q.fired.contains("top-N"))
            #expect(q.operators.map(\.shape) == ["sort", "project", "limit"])
        }

        @Test func aUniqueRightKeyMakesALookupJoin() throws {
            let q = try #require(OptimizedQuery("financials | join projects on project_id"))
            #expect(q.fired.contains("lookup join"))
            #expect(q.operators.map(\.shape) == ["lookup join"])
            let left = try #require(OptimizedQuery("financials | left join projects on project_id | where program = 'Zürich'"))
            #expect(left.operators.map(\.shape) == ["left lookup join", "filter"])
        }

        @Test func aRepeatedRightKeyIsNotALookup() throws {
            let q = try #require(OptimizedQuery("projects | join financials on project_id | where actual_cost > 100"))
            #expect(!q.fired.contains("lookup join"))
            #expect(q.operators.map(\.shape).first == "join")
            // Unique on one key column, repeated on the pair: no lookup either.
            let pair = try #require(
                OptimizedQuery("financials | join f2 on project_id, period", extra: ["f2": "project_id,period,x\nP1,2025-01,1\nP1,2025-01,2\nP2,2025-01,3\n"]))
            #expect(!pair.fired.contains("lookup join"))
        }

        @Test func columnFreeExpressionsFoldIntoLiterals() throws {
            let q = try #require(OptimizedQuery("financials | where actual_cost > 10 * 10 + 0.5 | select project_id, doubled = 2 * 3"))
            #expect(q.fired.contains("constant folding"))
            guard case .filter(.compare(.greater, .column, .literal(let v, _))) = q.operators[0].kind else {
                Issue.record("not folded: \(q.operators[0].kind)")
                return
            }
            #expect(v == dec("100.5"))
            guard case .project(let exprs) = q.operators[1].kind, case .literal(.int(6), _) = exprs.last else {
                Issue.record("not folded: \(q.operators[1].kind)")
                return
            }
        }

        @Test func expressionsOverColumnsAreNotFolded() throws {
            let q = try #require(OptimizedQuery("financials | where actual_cost > earned_value | select project_id, d = actual_cost - earned_value"))
            #expect(!q.fired.contains("constant folding"))
        }

        @Test func unreadColumnsAreNotScanned() throws {
            let q = try #require(OptimizedQuery("financials | join projects on project_id | by program agg n = count()"))
            #expect(q.fired.contains("column pruning"))
            #expect(q.optimized.plan.scanSchema.map(\.name) == ["project_id"])
            let all = try #require(OptimizedQuery("financials | select *"))
            #expect(all.fired.isEmpty)
            #expect(all.optimized.plan.scanColumns == nil)
        }

        @Test func aPushedFilterReadsOnlyTheColumnsTheJoinNeeds() throws {
            let q = try #require(OptimizedQuery("financials | join projects on project_id | where program = 'Zürich' | select period, project"))
            let sub = try #require(q.operators[0].joinedPlan)
            #expect(sub.scanSchema.map(\.name) == ["project_id", "project", "program"])
            #expect(try q.run(q.optimized.plan).rows == q.run(q.plain).rows)
        }

        @Test func explainShowsTheOptimizedPlanAndItsRewrites() throws {
            var s = Fixtures.session()
            guard case .plan(let p) = try s.run("explain financials | join projects on project_id | where program = 'Zürich' | top 1 by actual_cost") else {
                Issue.record("not a plan")
                return
            }
            let lines = p.split(separator: "\n").map(String.init)
            #expect(lines.first == "→ scan financials: reads 5 of 5 columns (project_id, period, planned_value, earned_value, actual_cost)")
            #expect(lines.contains("  → filter program = 'Zürich'"))
            #expect(lines.contains { $0.hasPrefix("→ hash join projects on project_id") && $0.hasSuffix("lookup: at most one match per row") })
            #expect(lines.contains("rewrites:"))
            #expect(lines.contains("  filter pushdown: `filter program = 'Zürich'` runs on projects before the join"))
            #expect(lines.contains("  lookup join: `project_id` is unique in projects: each row meets at most one match"))
            guard case .plan(let none) = try s.run("explain projects") else { return }
            #expect(none.hasSuffix("\nrewrites: none"))
        }
    }
}
