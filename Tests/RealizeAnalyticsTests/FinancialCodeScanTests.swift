import RealizeQuery
import RealizeStore
import RealizeTestSupport
import Testing
@testable import RealizeAnalytics

/// ``FinancialCodeScan`` split over several ranges (forced on small tables with ``ParallelRanges/override``) gives
/// the serial loop's groups, in the same order, and the same cells.
@Suite struct FinancialCodeScanTests {
    @Test(arguments: [2, 3, 5]) func severalRangesGiveTheSerialResult(parts: Int) throws {
        var rng = SeededGenerator(seed: 0xF2A + UInt64(parts))
        for _ in 0..<150 {
            let tables = FinancialCellsTests.tables(&rng)
            for level in ["project", "program", "total"] {
                for limit in [0, Int.max] {
                    let serial = try FinancialCellsTests.data(tables, level: level, denseLimit: limit)
                    let split = try ParallelRanges.$override.withValue((minRows: 1, parts: parts)) {
                        try FinancialCellsTests.data(tables, level: level, denseLimit: limit)
                    }
                    #expect(serial.grouping.keyValues == split.grouping.keyValues)
                    #expect(serial.latestPeriod == split.latestPeriod)
                    for g in 0..<serial.grouping.count {
                        #expect(serial.periods(g) == split.periods(g))
                        for p in serial.periods(g) { #expect(serial.amounts(g, at: p) == split.amounts(g, at: p)) }
                    }
                }
            }
        }
    }
}
