import RealizeStore

extension Grouping {
    /// One text key without nulls (`by project_id`): each dictionary code's group through a code → group
    /// array, and each group's first row, in one pass over the codes (the ids of ``denseIds(_:)``, without a
    /// second pass to find the first rows).
    ///
    /// Past ``ParallelRanges/defaultMinRows`` rows, each range of rows is numbered on its own core (see
    /// ``textCodesInRanges(_:dictionaryCount:)``), with the same ids.
    static func textCodes(_ codes: [UInt32], dictionaryCount: Int) -> Grouping {
        if ParallelRanges.ranges(rows: codes.count).count > 1 { return textCodesInRanges(codes, dictionaryCount: dictionaryCount) }
        var map = [Int32](repeating: -1, count: dictionaryCount)
        var firstRow: [Int] = []
        let ids = [Int32](unsafeUninitializedCapacity: codes.count) { out, count in
            map.withUnsafeMutableBufferPointer { m in
                codes.withUnsafeBufferPointer { cs in
                    for i in 0..<cs.count {
                        let c = Int(cs[i])
                        if m[c] < 0 {
                            m[c] = Int32(firstRow.count)
                            firstRow.append(i)
                        }
                        out[i] = m[c]
                    }
                }
            }
            count = codes.count
        }
        return Grouping(groupOf: ids, count: firstRow.count, firstRow: firstRow)
    }

    /// ``textCodes(_:dictionaryCount:)`` in ranges: each range numbers its codes in order of first appearance
    /// within it; the ranges' first appearances, taken in range order, give the global numbering (a code first
    /// seen in an earlier range was first seen earlier overall); the ranges whose local ids differ from the
    /// global ones are then renumbered, that work again spread over the cores.
    static func textCodesInRanges(_ codes: [UInt32], dictionaryCount: Int) -> Grouping {
        let n = codes.count
        var locals: [(codes: [Int], rows: [Int])] = []
        var ids = [Int32](unsafeUninitializedCapacity: n) { buffer, count in
            let out = DisjointWrites(buffer)
            locals =
                ParallelRanges.map(rows: n) { rows, _ -> (codes: [Int], rows: [Int]) in
                    var map = [Int32](repeating: -1, count: dictionaryCount)
                    var firstCodes: [Int] = []
                    var firstRows: [Int] = []
                    map.withUnsafeMutableBufferPointer { m in
                        codes.withUnsafeBufferPointer { cs in
                            for i in rows {
                                let c = Int(cs[i])
                                if m[c] < 0 {
                                    m[c] = Int32(firstCodes.count)
                                    firstCodes.append(c)
                                    firstRows.append(i)
                                }
                                out.write(i, m[c])
                            }
                        }
                    }
                    return (firstCodes, firstRows)
                } ?? []
            count = n
        }
        // The global numbering, and each range's local → global ids where they differ.
        var global = [Int32](repeating: -1, count: dictionaryCount)
        var firstRow: [Int] = []
        var renumber: [(rows: Range<Int>, to: [Int32])] = []
        for (part, rows) in zip(locals, ParallelRanges.ranges(rows: n)) {
            var to: [Int32] = []
            for (c, row) in zip(part.codes, part.rows) {
                if global[c] < 0 {
                    global[c] = Int32(firstRow.count)
                    firstRow.append(row)
                }
                to.append(global[c])
            }
            if to.enumerated().contains(where: { Int($0.element) != $0.offset }) { renumber.append((rows, to)) }
        }
        renumberRanges(&ids, renumber)
        return Grouping(groupOf: ids, count: firstRow.count, firstRow: firstRow)
    }

    /// `ids[i] = to[ids[i]]` over each range of `renumber`, the rows of all of them split evenly over the cores.
    private static func renumberRanges(_ ids: inout [Int32], _ renumber: [(rows: Range<Int>, to: [Int32])]) {
        let total = renumber.reduce(0) { $0 + $1.rows.count }
        guard total > 0 else { return }
        ids.withUnsafeMutableBufferPointer { buffer in
            let out = DisjointWrites(buffer)
            // Piece `piece` of 0..<total covers, in order, a slice of each range it overlaps.
            _ = ParallelRanges.map(rows: total) { piece, _ in
                var offset = 0
                for (rows, to) in renumber {
                    let lo = max(piece.lowerBound, offset), hi = min(piece.upperBound, offset + rows.count)
                    if lo < hi {
                        to.withUnsafeBufferPointer { t in
                            for i in (rows.lowerBound + lo - offset)..<(rows.lowerBound + hi - offset) { out.write(i, t[Int(out.read(i))]) }
                        }
                    }
                    offset += rows.count
                }
            }
        }
    }
}
