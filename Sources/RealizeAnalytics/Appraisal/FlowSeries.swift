/// Many series of periodic flows back to back in one buffer, so that NPV of different series can be evaluated
/// side by side, a series a SIMD lane (``NPVLanes/points(_:jobs:)``, ``NPVLanes/bisect(_:brackets:)``).
///
/// The buffer ends with as many zeros as the longest series holds, so a lane may read past its own series up to
/// the longest one's length without leaving the buffer (what it reads there is masked out, never added).
struct FlowSeries {
    private(set) var values: [Double] = []
    /// Where each series starts in ``values``.
    private(set) var start: [Int] = []
    /// How many flows each series has.
    private(set) var count: [Int] = []

    init(_ series: [[Double]]) {
        let longest = series.map(\.count).max() ?? 0
        values.reserveCapacity(series.reduce(longest) { $0 + $1.count })
        for s in series {
            start.append(values.count)
            count.append(s.count)
            values += s
        }
        values += repeatElement(0, count: longest)
    }
}
