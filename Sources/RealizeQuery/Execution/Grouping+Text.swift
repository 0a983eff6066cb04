import RealizeStore

extension Grouping {
    /// One text key without nulls (`by project_id`): each dictionary code's group through a code → group
    /// array, and each group's first row, in one pass over the codes (the ids of ``denseIds(_:)``, without a
    /// second pass to find the first rows).
    static func textCodes(_ codes: [UInt32], dictionaryCount: Int) -> Grouping {
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
}
