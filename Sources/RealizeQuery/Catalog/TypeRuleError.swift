/// Why a catalog entry's type rule rejects its arguments: the diagnostic's ID and message, and which
/// argument is at fault (nil: the call as a whole). The binder turns it into a ``Diagnostic`` at the right range.
struct TypeRuleError: Error, Sendable, Equatable {
    var id: DiagnosticID
    var message: String
    var argument: Int?
    var hint: String?

    init(_ id: DiagnosticID, _ message: String, argument: Int? = nil, hint: String? = nil) {
        self.id = id
        self.message = message
        self.argument = argument
        self.hint = hint
    }

    /// `name takes N arguments, got K`.
    static func arity(_ name: String, _ allowed: ClosedRange<Int>, got: Int) -> TypeRuleError {
        let count =
            allowed.lowerBound == allowed.upperBound
            ? "\(allowed.lowerBound)" : "\(allowed.lowerBound) to \(allowed.upperBound)"
        let noun = allowed.upperBound == 1 ? "argument" : "arguments"
        return TypeRuleError(.wrongArity, "`\(name)` takes \(count) \(noun), got \(got)")
    }
}
