import RealizeStore

/// The kernel of `rolling_mean(x, n)`: the mean of the last `n` non-null values of a partition, in window order
/// (fewer at its start; null before its first value).
///
/// Ints and decimals keep a running sum of their exact units (add the value that enters, subtract the one that
/// leaves: no rounding, so no drift), divided once per row; a partition whose running sum overflows goes on
/// as doubles. Doubles keep the window in a ring and add it up in
/// order on each row, as a sum of the window would (a running double sum would drift).
enum RollingMean {
    /// Fills `out` (and clears `valid`) at the rows of one partition, `part`, in window order. `exact` holds
    /// every row's units and their scale for ints and decimals; nil for doubles (then `x` is read).
    static func partition(
        _ part: [Int], _ x: [Double], exact: (units: [Int128], scale: Int)?, window n: Int, nulls: Bitmap?, out: inout [Double],
        valid: inout Bitmap
    ) {
        // A window wider than the partition holds all of it.
        let width = max(min(n, part.count), 1)
        // The rows now in the window, oldest first from `start`.
        var ring = [Int](repeating: 0, count: width)
        var start = 0
        var size = 0
        var sum: Int128 = 0
        // Once a running sum of units overflows (values near 10^38), the rest of the partition adds up doubles.
        var exact = exact
        var overflow = false
        for r in part {
            if nulls.map({ $0[r] }) ?? true {
                if size == width {
                    // The oldest leaves; the new row takes its slot.
                    if let e = exact { (sum, overflow) = sum.subtractingReportingOverflow(e.units[ring[start]]) }
                    if overflow { exact = nil }
                    ring[start] = r
                    start = (start + 1) % width
                } else {
                    ring[(start + size) % width] = r
                    size += 1
                }
                if let e = exact {
                    (sum, overflow) = sum.addingReportingOverflow(e.units[r])
                    if overflow { exact = nil }
                }
            }
            guard size > 0 else {
                valid[r] = false
                continue
            }
            if let e = exact {
                out[r] = FixedDecimal.double(sum, scale: e.scale) / Double(size)
            } else {
                var total = 0.0
                for k in 0..<size { total += x[ring[(start + k) % width]] }
                out[r] = total / Double(size)
            }
        }
    }
}
