/// A computation whose exact result does not fit its type: an int past 64 bits, a decimal past 128 bits
/// (38 digits). Kernels throw it instead of wrapping or trapping; the executor turns it into a
/// ``Diagnostic`` (``DiagnosticID/numericOverflow``) at the stage that computed it.
struct NumericOverflow: Error, Sendable {
    /// What overflowed, for the message: "`+` on decimals", "sum of a group".
    var what: String

    init(_ what: String) { self.what = what }
}
