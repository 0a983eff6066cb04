extension Dictionary where Key == Int32, Value == Double {
    /// The sum of amounts by month, in month order (through `status` when given).
    ///
    /// A dictionary's order changes from one process to the next, and a floating-point sum depends on its
    /// order: summed in that order, the same forecast differed in its last digits between two runs.
    func total(through status: Int32? = nil) -> Double {
        sorted { $0.key < $1.key }.reduce(0) { sum, amount in
            if let status, amount.key > status { return sum }
            return sum + amount.value
        }
    }
}
