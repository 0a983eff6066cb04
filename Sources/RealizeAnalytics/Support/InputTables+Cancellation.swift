import RealizeQuery

extension InputTables {
    /// Throws `cancelled` once Ctrl-C raised the session's token; cheap enough to call every few
    /// thousand rows of a command's per-row loop (it looks at the token only when `row` is a multiple of 4096).
    /// - Throws: ``QueryError`` `cancelled`, at the command's name.
    func checkCancelled(row: Int) throws(QueryError) {
        if row & 0xFFF == 0, session.isCancelled { throw InputError.make(.cancelled, "query cancelled", at: at) }
    }
}

extension InputTables {
    /// ``checkCancelled(row:)`` for a command's per-group loop, whose steps cost far more than a row's: looks at the
    /// token every 256 groups.
    /// - Throws: ``QueryError`` `cancelled`, at the command's name.
    func checkCancelled(group: Int) throws(QueryError) {
        if group & 0xFF == 0, session.isCancelled { throw InputError.make(.cancelled, "query cancelled", at: at) }
    }
}

extension QuerySession {
    /// ``InputTables/checkCancelled(row:)`` for a loop that holds the session rather than its input tables.
    /// - Throws: ``QueryError`` `cancelled`, at `at` (the command's name).
    func checkCancelled(row: Int, at: SourceRange) throws(QueryError) {
        if row & 0xFFF == 0, isCancelled { throw InputError.make(.cancelled, "query cancelled", at: at) }
    }
}

extension SourceColumns {
    /// ``InputTables/checkCancelled(row:)`` for `nps` and `maturity`.
    /// - Throws: ``QueryError`` `cancelled`, at the command's name or its table.
    func checkCancelled(row: Int) throws(QueryError) {
        if row & 0xFFF == 0, cancellation?.isCancelled == true { throw InputError.make(.cancelled, "query cancelled", at: range) }
    }
}
