import RealizeQuery
import RealizeStore
import RealizeTestSupport
import Testing
@testable import RealizeAnalytics

/// The dense grid of 64-bit amounts summed a range of rows per core (``FinancialCells/narrowGridInRanges``) against
/// the serial sum: the parallel path forced on small tables with ``ParallelRanges/override``, 2, 3 and 7 ranges.
@Suite struct FinancialCellsParallelTests {
    @Test(arguments: [2, 3, 7]) func rangesSumLikeOneLoop(parts: Int) throws {
        var rng = SeededGenerator(seed: 0xF1E + UInt64(parts))
        for _ in 0..<100 {
            let tables = FinancialCellsTests.tables(&rng)
            for level in ["project", "program", "total"] {
                let serial = try FinancialCellsTests.data(tables, level: level, denseLimit: .max)
                let split = try ParallelRanges.$override.withValue((minRows: 2, parts: parts)) {
                    try FinancialCellsTests.data(tables, level: level, denseLimit: .max)
                }
                FinancialCellsTests.expectSameCells(split, serial)
            }
        }
    }

    /// The wide (128-bit) amounts keep the serial loop with its overflow bounds: the same cells either way.
    @Test func wideAmountsAreUnchangedByTheOverride() throws {
        var rng = SeededGenerator(seed: 0xF2E)
        for _ in 0..<50 {
            let wide = FinancialCellsTests.widened(FinancialCellsTests.tables(&rng))
            let serial = try FinancialCellsTests.data(wide, level: "program", denseLimit: .max)
            let split = try ParallelRanges.$override.withValue((minRows: 2, parts: 3)) {
                try FinancialCellsTests.data(wide, level: "program", denseLimit: .max)
            }
            FinancialCellsTests.expectSameCells(split, serial)
        }
    }
}
