import Testing
import RealizeStore
@testable import RealizeQuery

/// `window … derive` replaces a column of the same name, as `derive` does.
@Suite struct WindowReplaceTests {
    @Test func aWindowColumnReplacesOneOfTheSameName() throws {
        let t = try runTable(
            "financials | window by project_id order period derive earned_value = running_sum(earned_value) | sort project_id, period")
        #expect(t.columnNames == ["project_id", "period", "planned_value", "earned_value", "actual_cost"])
        #expect(t.texts("earned_value") == ["90.00", "190.00", "50.00", "50.00", "0.79"])
    }

    @Test func replacedAndNewColumnsTogether() throws {
        let t = try runTable(
            "s | window by p order period derive x = running_sum(x), r = row_number() | select p, period, x, r | sort p, period",
            extra: ["s": seriesCSV])
        #expect(t.values("x") == [.int(1), .int(3), .int(6), .int(10), .int(30)])
        #expect(t.values("r") == [.int(1), .int(2), .int(3), .int(1), .int(2)])
    }

    @Test func laterStagesSeeTheReplacedColumnWithItsNewType() throws {
        let t = try runTable(
            "s | window by p order period derive x = pct_change(x) | where x > 0.6 | select p, period, x | sort p", extra: ["s": seriesCSV])
        #expect(t.rows.count == 2)
        #expect(t.texts("p") == ["A", "B"])
    }
}
