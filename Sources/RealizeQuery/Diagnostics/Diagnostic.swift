/// A problem found in a query: a stable ID, a message, where, and what to do about it.
///
/// Rendered like the Swift compiler's diagnostics (see ``render(source:sourceName:colour:)``).
public struct Diagnostic: Error, Sendable, Hashable {
    public enum Severity: String, Sendable { case error, warning, note }

    /// Stable identifier, asserted on by tests (`unknown-column`, `expected-expression`, …); see ``DiagnosticID``.
    public var id: DiagnosticID
    public var severity: Severity
    public var message: String
    public var range: SourceRange
    /// A suggestion such as "did you mean `actual_cost`?".
    public var hint: String?
    /// Further lines, such as the columns in scope.
    public var notes: [String]

    public init(id: DiagnosticID, severity: Severity = .error, message: String, range: SourceRange, hint: String? = nil, notes: [String] = []) {
        self.id = id
        self.severity = severity
        self.message = message
        self.range = range
        self.hint = hint
        self.notes = notes
    }
}

/// The error a query throws: one or more diagnostics, most important first.
public struct QueryError: Error, Sendable {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public init(_ d: Diagnostic) { self.diagnostics = [d] }
    /// The first diagnostic.
    public var primary: Diagnostic { diagnostics[0] }
}
