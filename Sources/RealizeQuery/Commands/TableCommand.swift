import RealizeStore

/// A command that produces a table from the session's data (`evm`, `nps`, …): a source of the grammar, usable
/// wherever a table name is (`evm by program | where cpi < 0.9`, `join (evm by project) on project_id`, `let`).
public protocol TableCommand: Sendable {
    /// The command's one declaration of its arguments.
    var signature: CommandSignature { get }

    /// Runs the command.
    ///
    /// - Parameters:
    ///   - call: the checked arguments, with positions in the statement's text.
    ///   - session: the catalog, the last result and the settings.
    /// - Throws: ``QueryError`` pointing into the call.
    func run(_ call: CommandCall, session: QuerySession) throws(QueryError) -> Table
}
