import RealizeStore

/// The sum of the magnitudes of a group's amounts, kept while the group's rows are added up.
///
/// While the bound fits in 38 digits, every partial sum of those amounts (per period, cumulative, running, a
/// difference of two of them) fits too, so the commands' later sums over the group cannot overflow; the bound
/// is checked once per row instead of at every sum.
struct AmountBound: Sendable, Equatable {
    /// Σ |amount| so far, in units.
    private(set) var total: Int128 = 0

    /// Adds `|amount|`; false, leaving the bound unchanged, when the result would pass 38 digits.
    /// - Complexity: O(1).
    mutating func add(_ amount: Int128) -> Bool {
        guard let m = Int128(exactly: amount.magnitude), let sum = Self.add(total, m) else { return false }
        total = sum
        return true
    }

    /// `a + b`, or nil when the sum passes 38 digits.
    static func add(_ a: Int128, _ b: Int128) -> Int128? {
        let (s, o) = a.addingReportingOverflow(b)
        return o || !FixedDecimal.fits(s) ? nil : s
    }

    /// `a − b`, or nil when the difference passes 38 digits (two amounts of 38 digits can differ by 39).
    static func subtract(_ a: Int128, _ b: Int128) -> Int128? {
        let (s, o) = a.subtractingReportingOverflow(b)
        return o || !FixedDecimal.fits(s) ? nil : s
    }
}
