import Testing
import RealizeStore
@testable import RealizeQuery

/// Completions with the cursor at the end of `source`, or at the `‸` marker.
func complete(_ source: String, session: QuerySession = Fixtures.session()) -> [String] {
    let parts = source.split(separator: "‸", omittingEmptySubsequences: false)
    if parts.count == 2 {
        return session.completions(source: String(parts[0] + parts[1]), cursor: parts[0].utf8.count)
    }
    return session.completions(source: source, cursor: source.utf8.count)
}

@Suite struct CompletionTests {
    static let allVerbs = [
        "agg", "by", "derive", "distinct", "join", "left", "pivot", "select", "sort", "take", "top", "union", "unpivot", "where", "window", "chart",
    ]

    @Test func verbsAfterAPipe() {
        #expect(complete("financials | ") == Self.allVerbs)
        #expect(complete("financials |") == Self.allVerbs)
        #expect(complete("financials | wh") == ["where"])
        #expect(complete("financials | s") == ["select", "sort"])
        #expect(complete("projects | where program = 'Zürich' | sel") == ["select"])
        #expect(complete("financials | where x = '|' | t") == ["take", "top"])
    }

    @Test func verbsOnANewLine() {
        #expect(complete("financials\nwh") == ["where"])
        #expect(complete("financials so") == ["sort"])
    }

    @Test func columnsInsideAStage() {
        #expect(complete("financials | where ac") == ["actual_cost"])
        #expect(complete("financials | where AC") == ["actual_cost"])
        #expect(complete("financials | where ac‸ > 100") == ["actual_cost"])
        #expect(complete("financials | sort -pl") == ["planned_value"])
        let all = complete("financials | select ")
        #expect(Array(all.prefix(5)) == ["project_id", "period", "planned_value", "earned_value", "actual_cost"])
        #expect(all.contains("sum") && all.contains("running_sum") && all.contains("coalesce"))
    }

    @Test func derivedColumnsAreInScopeLater() {
        let c = complete("financials | derive cv = earned_value - actual_cost | where c")
        #expect(c.first == "cv")
        #expect(c.contains("count") && !c.contains("actual_cost"))
        #expect(complete("financials | derive cv = earned_value - actual_cost | sort -cv | select cv‸") == ["cv"])
        #expect(complete("financials | by project_id agg total_cost = sum(actual_cost) | where tot") == ["total_cost"])
    }

    @Test func columnsAfterAJoinIncludeTheRightTable() {
        #expect(complete("financials | join projects on project_id | select bu") == ["budget"])
    }

    @Test func tablesAtTheStart() {
        #expect(complete("") == ["financials", "projects", "let", "explain"])
        #expect(complete("fi") == ["financials"])
        #expect(complete("let big = ") == ["financials", "projects"])
        #expect(complete("explain pro") == ["projects"])
    }

    @Test func lastResultOfferedOnceThereIsOne() throws {
        var s = Fixtures.session()
        _ = try runTable("let big = financials | where actual_cost > 100", &s)
        #expect(complete("", session: s) == ["big", "financials", "projects", "_", "let", "explain"])
        #expect(complete("b", session: s) == ["big"])
    }

    @Test func tablesAfterJoin() {
        #expect(complete("financials | join ") == ["financials", "projects"])
        #expect(complete("financials | join pr") == ["projects"])
        #expect(complete("financials | union ") == ["financials", "projects"])
        #expect(complete("financials | union projects, pr") == ["projects"])
        #expect(complete("financials | left join p") == ["projects"])
    }

    @Test func columnsOfAnUncheckedPipelineFallBackToTheSource() {
        // The stage before has an error, so the columns come from the source table.
        let c = complete("financials | where nope > 1 | select ac")
        #expect(c == ["actual_cost"])
    }
}
