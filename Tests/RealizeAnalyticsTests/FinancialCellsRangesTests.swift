import RealizeQuery
import RealizeStore
import RealizeTestSupport
import Testing
@testable import RealizeAnalytics

/// The dense grid of ``FinancialCells`` summed a range of rows per core against one pass (the parallel path forced
/// on small tables by lowering ``ParallelRanges``' threshold within the test).
@Suite struct FinancialCellsRangesTests {
    @Test(arguments: [2, 3, 5]) func cellsInRangesAreThoseOfOnePass(parts: Int) throws {
        var rng = SeededGenerator(seed: 0xF2A + UInt64(parts))
        for _ in 0..<100 {
            let tables = FinancialCellsTests.tables(&rng)
            for level in ["project", "program", "total"] {
                let serial = try ParallelRanges.$override.withValue((minRows: Int.max, parts: 1)) {
                    try FinancialCellsTests.data(tables, level: level, denseLimit: .max)
                }
                let ranges = try ParallelRanges.$override.withValue((minRows: 2, parts: parts)) {
                    try FinancialCellsTests.data(tables, level: level, denseLimit: .max)
                }
                #expect(serial.grouping.keyValues == ranges.grouping.keyValues)
                for g in 0..<serial.grouping.count {
                    #expect(serial.periods(g) == ranges.periods(g), "\(level)")
                    for p in serial.periods(g) { #expect(serial.amounts(g, at: p) == ranges.amounts(g, at: p), "\(level)") }
                }
            }
        }
    }
}
