/// How a ``NumericOverflow`` is reported: one message and hint for every exact computation.
enum NumericOverflowDiagnostic {
    /// The diagnostic for `overflow` in the stage at `range`.
    static func make(_ overflow: NumericOverflow, range: SourceRange) -> Diagnostic {
        Diagnostic(
            id: .numericOverflow, message: "numeric overflow: \(overflow.what) does not fit (ints are 64-bit, decimals hold 38 digits)",
            range: range, hint: "to compute approximately in doubles, multiply by `1e0`")
    }
}
