import RealizeQuery
import RealizeSamples
import RealizeStore
import Testing

@testable import RealizeAnalytics

/// `benefits` sums its cells in a dense group × period grid where that is small, else in a dictionary per group:
/// the same cells either way, at every level, on the sample portfolio (nulls, unmeasured periods, ids not in
/// `projects`) and on a table whose amounts are doubles.
@Suite struct BenefitsCellsTests {
    static let at = SourceRange(SourceLocation(line: 1, column: 1, offset: 0), SourceLocation(line: 1, column: 9, offset: 8))

    static func cells(_ session: QuerySession, level: String, denseLimit: Int?) throws -> BenefitsData {
        let input = InputTables(session: session, at: at, command: "benefits")
        return try BenefitsData(level: (level, at), input: input, denseLimit: denseLimit)
    }

    static func expectSame(_ a: BenefitsData, _ b: BenefitsData) {
        #expect(a.keyNames == b.keyNames)
        #expect(a.keyValues == b.keyValues)
        #expect(a.defaultStatus == b.defaultStatus)
        #expect(a.cells.count == b.cells.count)
        for (x, y) in zip(a.cells, b.cells) {
            #expect(x.keys.sorted() == y.keys.sorted())
            for (p, c) in x {
                let d = y[p]
                #expect(c.planned == d?.planned && c.realized == d?.realized && c.measuredPlanned == d?.measuredPlanned)
                #expect(c.rows == d?.rows && c.measuredRows == d?.measuredRows)
            }
        }
    }

    @Test(arguments: ["program", "project", "portfolio", "total", "benefit", "category"])
    func denseGridIsTheDictionary(level: String) throws {
        let session = npsSampleSession()
        Self.expectSame(try Self.cells(session, level: level, denseLimit: .max), try Self.cells(session, level: level, denseLimit: 0))
    }

    /// Realized amounts as doubles: NaN is not measured, as a null is.
    @Test func doubleAmountsMeasureAsTheirNulls() throws {
        let projects = makeTable([
            ("project_id", .text, [.text("A"), .text("B")]), ("program", .text, [.text("P"), .text("Q")]),
            ("budget", .decimal, [money("1.00"), money("1.00")]),
        ])
        let benefits = makeTable([
            ("project_id", .text, [.text("A"), .text("A"), .text("B"), .text("C"), .null]),
            ("period", .period, [period("2025-03"), period("2025-04"), period("2025-03"), period("2025-03"), period("2025-03")]),
            ("planned", .double, [.double(10), .double(20), .double(5), .double(1), .double(2)]),
            ("realized", .double, [.double(8), .double(.nan), .null, .double(1), .double(2)]),
        ])
        let session = financialSession([("projects", projects), ("benefits", benefits)])
        for limit in [Int.max, 0] {
            let data = try Self.cells(session, level: "program", denseLimit: limit)
            let p = data.keyValues.firstIndex { $0 == ["P"] }!
            #expect(data.cells[p][Self.month("2025-03")]?.measuredRows == 1)
            #expect(data.cells[p][Self.month("2025-04")]?.measuredRows == 0)
            #expect(data.cells[p][Self.month("2025-04")]?.planned == 2_000)
        }
    }

    static func month(_ text: String) -> Int32 {
        guard case .period(let p) = period(text) else { return 0 }
        return p
    }
}
