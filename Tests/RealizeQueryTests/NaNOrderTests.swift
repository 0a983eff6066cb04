import RealizeStore
import Testing

@testable import RealizeQuery

/// Issue #10, "doubles behave": a NaN that reaches an operator (a double column built in code can hold one,
/// though loads refuse NaN and arithmetic gives null) does not misorder the other rows of `top`, and
/// `median` and `percentile` skip it as they skip nulls.
@Suite struct NaNOrderTests {
    /// 64 rows of `x`, with NaN in rows 0, 5, 17 and 40; `id` is the row number.
    static func session() -> QuerySession {
        var x: [Double] = (0..<64).map { Double(($0 * 37) % 64) - 20 }
        for r in [0, 5, 17, 40] { x[r] = .nan }
        let table = Table(
            columns: [
                Column(name: "id", storage: .int((0..<64).map(Int64.init))),
                Column(name: "x", storage: .double(x)),
            ], rowCount: 64)
        var catalog = Catalog()
        catalog.set("t", table)
        return QuerySession(catalog: catalog)
    }

    /// `top` (largest first) agrees with `sort -x | take`, which orders doubles totally: NaN after every number,
    /// in either direction, as null.
    @Test func topAgreesWithSortAndTake() throws {
        var s = Self.session()
        for n in [1, 3, 7] {
            let top = try runTable("t | top \(n) by x | select id", &s).texts("id")
            let sorted = try runTable("t | sort -x | take \(n) | select id", &s).texts("id")
            #expect(top == sorted, "top \(n) by x")
            let filteredTop = try runTable("t | where id > 2 | top \(n) by x | select id", &s).texts("id")
            let filteredSort = try runTable("t | where id > 2 | sort -x | take \(n) | select id", &s).texts("id")
            #expect(filteredTop == filteredSort, "where … | top \(n) by x")
        }
        #expect(try runTable("t | top 3 by x | select x", &s).values("x").compactMap(\.doubleValue) == [43, 42, 41])
        #expect(try runTable("t | sort x | take 3 | select x", &s).values("x").compactMap(\.doubleValue) == [-19, -18, -17])
        let last = try runTable("t | sort -x | select x", &s).values("x").suffix(4).compactMap(\.doubleValue)
        #expect(last.count == 4 && last.allSatisfy(\.isNaN))
    }

    @Test func medianAndPercentileSkipNaN() throws {
        var s = Self.session()
        let t = try runTable("t | where id < 8 | agg m = median(x), p0 = percentile(x, 0), p1 = percentile(x, 1), n = count(x)", &s)
        // Rows 1…7 without 5: x = 17, -10, 27, 0, 10, -17 → sorted -17, -10, 0, 10, 17, 27.
        #expect(t.values("m").first?.doubleValue == 5)
        #expect(t.values("p0").first?.doubleValue == -17)
        #expect(t.values("p1").first?.doubleValue == 27)
    }
}
