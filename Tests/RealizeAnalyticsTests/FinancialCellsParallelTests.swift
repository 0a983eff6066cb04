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

    /// Amounts without nulls (the plain loops; rows without an id or a period are summed into a spare row of cells
    /// that is never read): the full grid is the rows' sums by program; actual cost alone (as `appraise` reads it) sums a grid of costs
    /// only, a range whose costs pass 64 bits in a cell summed again in 128 bits, and its cells are the full grid's
    /// with PV and EV 0.
    @Test(arguments: [false, true]) func plainRowsSumLikeTheRows(huge: Bool) throws {
        var rng = SeededGenerator(seed: huge ? 0xF3E : 0xF3F)
        for _ in 0..<100 {
            let tables = Self.plainTables(&rng, huge: huge)
            let full = try FinancialCellsTests.data(tables, level: "program", denseLimit: .max)
            // The full grid (PV, EV and AC, no nulls: the plain loop) against the rows' sums by program; ids not
            // in `projects` fall in the group of no program, with P2's.
            let fin = tables[1].1, program = ["P0": "A", "P1": "B", "P3": "A"]
            var want: [String?: [Int32: [Int128]]] = [:]
            for r in 0..<fin.rowCount {
                guard case .text(let id) = fin.column(named: "project_id")!.value(at: r),
                    case .period(let p) = fin.column(named: "period")!.value(at: r)
                else { continue }
                var sums = want[program[id], default: [:]][p, default: [0, 0, 0]]
                for (k, name) in ["planned_value", "earned_value", "actual_cost"].enumerated() {
                    if case .decimal(let d) = fin.column(named: name)!.value(at: r) { sums[k] += d.units }
                }
                want[program[id], default: [:]][p] = sums
            }
            for g in 0..<full.grouping.count {
                let cells = want[full.grouping.keyValues[g][0]] ?? [:]
                #expect(full.periods(g) == cells.keys.sorted())
                for (p, sums) in cells { #expect(full.amounts(g, at: p).map { [$0.pv, $0.ev, $0.ac] } == sums) }
            }
            for parts in [1, 3] {
                let costs = try ParallelRanges.$override.withValue((minRows: 2, parts: parts)) {
                    try FinancialCellsTests.data(tables, level: "program", denseLimit: .max, actualCostOnly: true)
                }
                #expect(costs.grouping.keyValues == full.grouping.keyValues)
                for g in 0..<full.grouping.count {
                    #expect(costs.periods(g) == full.periods(g))
                    for p in full.periods(g) {
                        #expect(costs.amounts(g, at: p) == FinancialData.Amounts(ac: full.amounts(g, at: p)?.ac ?? -1))
                    }
                }
            }
        }
    }

    /// Financials with no null amount (the grid's plain path), ids `projects` lacks (so rows are grouped one by
    /// one, and a row without an id or a period has a code of its own); with `huge`, costs near 2⁶³ / 3, so
    /// that a cell of three rows overflows 64 bits.
    static func plainTables(_ rng: inout SeededGenerator, huge: Bool) -> [(String, Table)] {
        let budget = Value.decimal(FixedDecimal(units: 100, scale: 2))
        let projects = makeTable([
            ("project_id", .text, ["P0", "P1", "P2", "P3"].map { .text($0) }), ("program", .text, [.text("A"), .text("B"), .null, .text("A")]),
            ("budget", .decimal, [budget, budget, budget, budget]),
        ])
        var fid: [Value] = [], per: [Value] = [], pv: [Value] = [], ac: [Value] = []
        for _ in 0..<Int.random(in: 0...60, using: &rng) {
            // P4 and P5 are not in `projects`; a row without an id or a period is left out.
            fid.append(Int.random(in: 0..<10, using: &rng) == 0 ? .null : .text("P\(Int.random(in: 0..<6, using: &rng))"))
            per.append(Int.random(in: 0..<10, using: &rng) == 0 ? .null : .period(Int32(24_300 + Int.random(in: 0..<8, using: &rng))))
            pv.append(.decimal(FixedDecimal(units: Int128(Int.random(in: -9...9, using: &rng)), scale: 2)))
            let cost = huge ? Int128(Int64.max / 3) - Int128(Int.random(in: 0...1_000, using: &rng)) : Int128(Int.random(in: -50_000...900_000, using: &rng))
            ac.append(.decimal(FixedDecimal(units: cost, scale: 2)))
        }
        let financials = makeTable([
            ("project_id", .text, fid), ("period", .period, per), ("planned_value", .decimal, pv), ("earned_value", .decimal, pv),
            ("actual_cost", .decimal, ac),
        ])
        return [("projects", projects), ("financials", financials)]
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
