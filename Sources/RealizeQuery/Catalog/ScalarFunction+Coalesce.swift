import RealizeStore

extension ScalarFunction {
    /// `coalesce`'s choice: per row, the index of the first column whose value is not null, or -1 when all are.
    static func firstNonNull(_ cols: [Column], rows n: Int) -> [Int32] {
        var chosen = [Int32](repeating: -1, count: n)
        for (k, c) in cols.enumerated() {
            let column = Int32(k)
            guard let v = c.validity else {
                // No nulls: every row still open takes this column, and none is left for the later ones.
                for i in 0..<n where chosen[i] < 0 { chosen[i] = column }
                break
            }
            v.words.withUnsafeBufferPointer { w in
                chosen.withUnsafeMutableBufferPointer { out in
                    for i in 0..<n where out[i] < 0 && w[i >> 6] & (1 << UInt64(i & 63)) != 0 { out[i] = column }
                }
            }
        }
        return chosen
    }
}
