import RealizeStore

extension ResultColumn {
    /// A text column without nulls whose values are long and mostly distinct (a sparkline's series): the same column
    /// as ``text(_:_:)`` builds (dictionary in order of first appearance), found by sorting the values instead of
    /// hashing each one whole into the builder's lookup table.
    ///
    /// - Complexity: O(n log n) comparisons, each usually decided in the first few bytes.
    static func distinctText(_ name: String, _ values: [String]) -> Column {
        let order = values.indices.sorted { a, b in values[a] == values[b] ? a < b : values[a] < values[b] }
        // Each row's first row with an equal value.
        var firstEqual = [Int](repeating: 0, count: values.count)
        var k = 0
        while k < order.count {
            var e = k + 1
            while e < order.count && values[order[e]] == values[order[k]] { e += 1 }
            for i in k..<e { firstEqual[order[i]] = order[k] }
            k = e
        }
        var codes = [UInt32](repeating: 0, count: values.count)
        var dictionary: [String] = []
        for row in values.indices {
            if firstEqual[row] == row {
                codes[row] = UInt32(dictionary.count)
                dictionary.append(values[row])
            } else {
                codes[row] = codes[firstEqual[row]]
            }
        }
        return Column(name: name, storage: .text(codes: codes, dictionary: dictionary), validity: nil)
    }
}
