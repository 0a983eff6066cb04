import RealizeStore

/// Exact units at one scale to the nearest `Double`, as ``FixedDecimal/double(_:scale:)`` gives it, with that
/// function's fast path (units below 2^53 over an exact 10^scale, one rounding) inlined at the caller: a series
/// converts a few amounts per period, and the call across modules cost more than the division.
struct UnitsToDouble {
    let scale: Int
    /// 10^scale, exact (scale ≤ 18).
    private let divisor: Double

    init(scale: Int) {
        self.scale = scale
        var d = 1.0
        for _ in 0..<scale { d *= 10 }
        divisor = d
    }

    @inline(__always) func callAsFunction(_ units: Int128) -> Double {
        if let small = Int64(exactly: units), small.magnitude < 1 << 53 { return Double(small) / divisor }
        return FixedDecimal.double(units, scale: scale)
    }
}
