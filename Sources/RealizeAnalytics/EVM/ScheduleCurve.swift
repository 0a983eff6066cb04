/// A cumulative planned-value curve over period indices 0…`lastIndex` (index 0 is before the first period and
/// holds 0), stored only where it may change: O(periods with data) however long the calendar span.
///
/// Between two steps the curve is flat, as the dense curve is over months without planned value.
public struct ScheduleCurve: Sendable, Equatable {
    /// Ascending indices at which a new cumulative value starts; the first is 0.
    public private(set) var indices: [Int] = [0]
    /// The cumulative value from `indices[k]` until the next index.
    public private(set) var values: [Double] = [0]
    /// The last index of the curve (the number of periods it spans).
    public private(set) var lastIndex = 0

    /// An empty curve: index 0 only.
    public init() {}

    /// The dense curve `[0] + cumulativePV`: `cumulativePV[k − 1]` at the end of period k.
    public init(cumulativePV: [Double]) {
        for (k, v) in cumulativePV.enumerated() { append(index: k + 1, value: v) }
    }

    /// Sets the curve to `value` from `index` (after the last step) on, and extends it to `index`.
    public mutating func append(index: Int, value: Double) {
        precondition(index > lastIndex, "steps are appended in order")
        indices.append(index)
        values.append(value)
        lastIndex = index
    }

    /// A curve from its steps: `indices` ascending from 0, one value per index (the first 0).
    init(indices: [Int], values: [Double]) {
        self.indices = indices
        self.values = values
        lastIndex = indices.last ?? 0
    }

    /// Extends the curve, flat, to `index`.
    public mutating func extend(to index: Int) { lastIndex = max(lastIndex, index) }

    /// The step holding index `i` (0 ≤ i ≤ lastIndex).
    /// - Complexity: O(log steps).
    func step(containing i: Int) -> Int {
        var lo = 0, hi = indices.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if indices[mid] <= i { lo = mid } else { hi = mid - 1 }
        }
        return lo
    }

    /// The last index of step `k`.
    func end(ofStep k: Int) -> Int { k + 1 < indices.count ? indices[k + 1] - 1 : lastIndex }
}
