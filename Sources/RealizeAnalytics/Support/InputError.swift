import RealizeQuery

/// Errors about a command's input data, at the command's name.
enum InputError {
    static func make(_ id: DiagnosticID, _ message: String, at range: SourceRange, hint: String? = nil) -> QueryError {
        QueryError(Diagnostic(id: id, message: message, range: range, hint: hint))
    }
}
