import RealizeQuery

extension InputTables {
    /// The `numeric-overflow` error for a sum the command cannot hold exactly: it names the command, the
    /// amount and the group, e.g. "evm: the sum of actual_cost for program `X` exceeds the largest exact amount".
    ///
    /// - Parameters:
    ///   - what: the amount, as "the sum of COLUMN" or a named figure ("the cost variance ev − ac").
    ///   - keyName: the first key column of the grouping (`scope` for the total).
    ///   - keyValue: the group's value in it.
    func amountOverflow(_ what: String, keyName: String, keyValue: String?) -> QueryError {
        let group = keyName == "scope" ? "the total" : "\(keyName) `\(keyValue ?? "null")`"
        return InputError.make(
            .numericOverflow, "\(command): \(what) for \(group) exceeds the largest exact amount (38 digits)", at: at,
            hint: "`agg sum(…)` over the same column shows the exact totals; check the data for a misplaced value")
    }
}
