import RealizeQuery
import RealizeStore

extension RealizedBenefits {
    /// One range's counting rows summed by group and month, with each group's count and earliest period.
    private struct KnownSums: Sendable {
        var grid: [Int128]
        var count: [Int]
        var first: [Int32]
        var cancelled = false
    }

    /// Whether ``sumKnown(_:codes:idWords:known:groups:input:)`` may run: tests turn it off to compare with the
    /// two passes (`$sumsKnownInOnePass.withValue(false) { … }`).
    @TaskLocal static var sumsKnownInOnePass = true

    /// ``collectByCode(_:codes:dictionary:idWords:grouping:input:)`` in one pass when every id of the column's
    /// dictionary has a group already (`known`, no -1), no id, period or amount is null and the amounts are 64-bit:
    /// the common case of a `benefits` table read with its `projects`.
    ///
    /// With no group to create, the order of first rows does not matter, so each range of rows (``ParallelRanges``)
    /// counts, finds the earliest period and sums its rows straight into a group × month grid from the column's
    /// lowest period, in one pass over raw buffers; the ranges' grids are added in range order and each group's
    /// months from its first period are then laid out as ``sumDense(_:codes:idWords:codeGroup:count:status:)`` lays
    /// them (``grid``, ``gridStart``). Sums of 64-bit units in 128 bits: exact, and integer addition does not depend
    /// on its order. False, with nothing done, when a precondition fails or the grid would pass ``denseCells``.
    /// - Throws: `cancelled` (checked every 64K rows).
    mutating func sumKnown(
        _ rows: BenefitRows, codes: [UInt32], idWords: [UInt64], known: [Int32], groups: Int, input: InputTables
    ) throws(QueryError) -> Bool {
        guard Self.sumsKnownInOnePass, idWords.isEmpty, !known.contains(-1), let months = rows.monthsWithoutNulls, let units = rows.realized.narrowWithoutNulls
        else { return false }
        let status = rows.status
        let low = months.withUnsafeBufferPointer { m in
            var low = Int32.max
            for p in m { low = min(low, p) }
            return low
        }
        guard low <= status else { return false }
        let width = Int(status) - Int(low) + 1
        let (cells, wide) = groups.multipliedReportingOverflow(by: width)
        guard !wide, cells <= Self.denseCells else { return false }
        let token = input.session.cancellation
        let parts = ParallelRanges.map(rows: codes.count, shouldStop: { token?.isCancelled == true }) { range, _ in
            Self.sumKnownRange(
                range, codes: codes, known: known, months: months, units: units, status: status, low: low, width: width, groups: groups, token: token)
        }
        guard let parts, !parts.contains(where: \.cancelled) else { throw InputError.make(.cancelled, "query cancelled", at: input.at) }
        var total = parts[0]
        for part in parts.dropFirst() {
            for i in 0..<cells { total.grid[i] &+= part.grid[i] }
            for g in 0..<groups {
                total.count[g] += part.count[g]
                total.first[g] = min(total.first[g], part.first[g])
            }
        }
        // Each group's months from its first period to the status, as ``sumDense`` lays them out.
        var offsets = [0]
        offsets.reserveCapacity(groups + 1)
        var grid: [Int128] = []
        for g in 0..<groups {
            if total.count[g] > 0 {
                let from = g * width + Int(total.first[g] - low)
                grid += total.grid[from..<(g + 1) * width]
            }
            offsets.append(grid.count)
        }
        first = total.first
        self.grid = grid
        gridStart = offsets
        summedKnown = true
        return true
    }

    /// One range of ``sumKnown``: every row whose period is at most the status counts.
    private static func sumKnownRange(
        _ range: Range<Int>, codes: [UInt32], known: [Int32], months: [Int32], units: [Int64], status: Int32, low: Int32, width: Int, groups: Int,
        token: CancellationToken?
    ) -> KnownSums {
        var out = KnownSums(
            grid: [Int128](repeating: 0, count: groups * width), count: [Int](repeating: 0, count: groups), first: [Int32](repeating: .max, count: groups))
        for chunk in stride(from: range.lowerBound, to: range.upperBound, by: 1 << 16) {
            if token?.isCancelled == true {
                out.cancelled = true
                return out
            }
            let end = min(range.upperBound, chunk + (1 << 16))
            codes.withUnsafeBufferPointer { cd in
                known.withUnsafeBufferPointer { kn in
                    months.withUnsafeBufferPointer { m in
                        units.withUnsafeBufferPointer { u in
                            out.grid.withUnsafeMutableBufferPointer { grid in
                                out.count.withUnsafeMutableBufferPointer { count in
                                    out.first.withUnsafeMutableBufferPointer { first in
                                        for r in chunk..<end {
                                            let p = m[r]
                                            if p > status { continue }
                                            let g = Int(kn[Int(cd[r])])
                                            count[g] += 1
                                            if p < first[g] { first[g] = p }
                                            grid[g * width + Int(p &- low)] &+= Int128(u[r])
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return out
    }
}
