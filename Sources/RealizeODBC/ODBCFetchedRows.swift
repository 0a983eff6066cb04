import RealizeStore

/// A result read into column sinks, not yet made into a table: what one statement fetched, which the
/// rows of a later part of the same result can be appended to (``append(_:)``).
struct ODBCFetchedRows {
    var plans: [ODBCColumnPlan]
    var sinks: [ODBCColumnSink]
    var rowCount: Int

    /// The table of the rows.
    var table: Table { Table(columns: sinks.map { $0.finish() }, rowCount: rowCount) }

    /// The notes for the user (timestamps read as dates, unknown types read as text).
    var warnings: [String] { plans.compactMap(\.warning) }

    /// Appends `other`'s rows after these, as if this statement had fetched them too.
    ///
    /// - Throws: ``ODBCError`` `fetch` when `other` has other columns (names or types).
    mutating func append(_ other: ODBCFetchedRows) throws(ODBCError) {
        guard other.plans.count == plans.count, zip(plans, other.plans).allSatisfy({ $0.name == $1.name && $0.type == $1.type }) else {
            throw ODBCError(.fetch, message: "the two parts of the table were read with different columns")
        }
        for c in sinks.indices { sinks[c].append(contentsOf: other.sinks[c]) }
        rowCount += other.rowCount
    }
}
