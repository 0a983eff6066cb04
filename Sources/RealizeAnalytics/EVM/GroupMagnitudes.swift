import RealizeStore

/// One group's Σ|PV|, Σ|EV| and Σ|AC| in units, kept while its rows are summed, to prove that every sum of its
/// cells fits 38 digits (see ``AmountBound``); a wrap of the 128-bit sums is remembered, never hidden.
struct GroupMagnitudes {
    private var pv: Int128 = 0, ev: Int128 = 0, ac: Int128 = 0
    private var wrapped = false

    /// Adds the magnitudes of one row's three amounts.
    @inline(__always) mutating func add(_ a: Int128, _ b: Int128, _ c: Int128) {
        let (x, o1) = pv.addingReportingOverflow(Int128(truncatingIfNeeded: a.magnitude))
        let (y, o2) = ev.addingReportingOverflow(Int128(truncatingIfNeeded: b.magnitude))
        let (z, o3) = ac.addingReportingOverflow(Int128(truncatingIfNeeded: c.magnitude))
        pv = x
        ev = y
        ac = z
        wrapped = wrapped || o1 || o2 || o3
    }

    /// Whether one of the sums passed 38 digits (or wrapped on the way).
    var passes38Digits: Bool { wrapped || !FixedDecimal.fits(pv) || !FixedDecimal.fits(ev) || !FixedDecimal.fits(ac) }
}
