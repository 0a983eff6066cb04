import RealizeStore
import Testing

@testable import RealizeQuery

@Suite struct UnionTests {
    static let octCSV = "project_id,period,actual_cost,units\nP1,2025-10,10.50,3\nP2,2025-10,4.25,\n"
    static let novCSV = "project_id,period,actual_cost,units,note\nP3,2025-11,7.125,1.5,late\nP1,2025-11,2,2,\n"

    @Test func stacksByNameWithNullsAndWidening() throws {
        var s = Fixtures.session(["oct": Self.octCSV, "nov": Self.novCSV])
        let t = try runTable("oct | union nov", &s)
        t.checkInvariants()
        #expect(t.columnNames == ["project_id", "period", "actual_cost", "units", "note"])
        #expect(t.columns.map(\.type) == [.text, .period, .decimal, .decimal, .text])
        #expect(t.rowCount == 4)
        #expect((0..<4).map { t.columns[2].value(at: $0).description } == ["10.500", "4.250", "7.125", "2.000"])
        #expect((0..<4).map { t.columns[3].value(at: $0).description } == ["3.0", "", "1.5", "2.0"])
        #expect(t.columns[3].isNull(1))
        #expect(t.columns[4].isNull(0) && t.columns[4].isNull(1) && t.columns[4].value(at: 2).description == "late")
    }

    @Test func textDictionariesAreMergedWithoutDuplicates() throws {
        var s = Fixtures.session(["oct": Self.octCSV, "nov": Self.novCSV])
        let t = try runTable("oct | union nov, oct | select project_id", &s)
        t.checkInvariants()
        guard case .text(_, let dictionary) = t.columns[0].storage else { Issue.record("not text"); return }
        #expect(dictionary.sorted() == ["P1", "P2", "P3"])
        #expect((0..<t.rowCount).map { t.columns[0].value(at: $0).description } == ["P1", "P2", "P3", "P1", "P1", "P2"])
    }

    @Test func aLetResultAndABracketedPipelineStackToo() throws {
        var s = Fixtures.session(["oct": Self.octCSV])
        _ = try runTable("let big = financials | where actual_cost > 100", &s)
        let t = try runTable("oct | select project_id | union big, (projects | select project_id) | agg n = count()", &s)
        #expect(t.columns[0].value(at: 0).description == "\(2 + 2 + 3)")
    }

    @Test func aTypeConflictPointsAtTheTableName() {
        var s = Fixtures.session(["oct": Self.octCSV, "bad": "project_id,period\nP1,late\n"])
        #expect {
            try runTable("oct | union nov_missing", &s)
        } throws: { error in
            (error as? QueryError)?.primary.id == .unknownTable
        }
        #expect {
            try runTable("oct | union projects, bad", &s)
        } throws: { error in
            guard let d = (error as? QueryError)?.primary else { return false }
            return d.id == .typeMismatch && d.range.start.offset == 22 && d.range.end.offset == 25
                && d.message.contains("`bad`") && d.message.contains("`period` is text") && d.hint?.contains("to_period") == true
        }
    }

    @Test func pruningStacksOnlyTheColumnsNeededAbove() throws {
        var s = Fixtures.session(["oct": Self.octCSV, "nov": Self.novCSV])
        guard case .plan(let plan) = try s.run("explain oct | union (nov | where units > 1) | select note") else {
            Issue.record("not a plan")
            return
        }
        #expect(plan.contains("scan oct: reads 0 of 4 columns"), "\(plan)")
        #expect(plan.contains("nov, stacked, reads 2 of 5 columns"), "\(plan)")
        // The union's line counts what is still stacked: `note`, new, missing in `oct` only.
        #expect(plan.contains("union subquery (by column name; 1 new column; 1 column missing in a part, null there)"), "\(plan)")
        let t = try runTable("oct | union (nov | where units > 1) | select note", &s)
        #expect(t.rowCount == 4 && t.columns.count == 1)
    }

    @Test func aColumnEveryPartHasIsNotCountedAsMissingOncePruned() throws {
        var s = Fixtures.session(["oct": Self.octCSV, "nov": Self.novCSV])
        guard case .plan(let plan) = try s.run("explain oct | union nov | by project_id agg n = count()") else {
            Issue.record("not a plan")
            return
        }
        #expect(plan.contains("union nov (by column name)"), "\(plan)")
        guard case .plan(let whole) = try s.run("explain oct | union nov") else {
            Issue.record("not a plan")
            return
        }
        #expect(whole.contains("union nov (by column name; 1 new column; 1 column missing in a part, null there)"), "\(whole)")
    }
}
