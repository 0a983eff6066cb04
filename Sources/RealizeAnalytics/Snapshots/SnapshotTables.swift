import RealizeQuery
import RealizeStore

/// Stacked monthly extracts: `projects`, `financials` and `benefits` tables with a `snapshot` period column,
/// cut into one session per snapshot, in which each table holds that extract's rows only.
///
/// The stacked tables are `NAME_history` when the catalog has them, else `NAME` itself when it has a
/// `snapshot` column. `benefits` is optional.
struct SnapshotTables {
    /// The source name of each input (`financials_history` or `financials`), by its conventional name.
    var sources: [String: String] = [:]
    /// Every snapshot in the financials, ascending.
    var snapshots: [Int32] = []

    static let names = ["projects", "financials", "benefits"]

    /// - Throws: `missing-table` when no financials or projects carry a `snapshot` column.
    init(input: InputTables) throws(QueryError) {
        let catalog = input.session.catalog
        for name in Self.names {
            for candidate in [name + "_history", name] where sources[name] == nil {
                if catalog[candidate]?.column(named: "snapshot") != nil { sources[name] = candidate }
            }
        }
        for name in ["projects", "financials"] where sources[name] == nil {
            throw InputError.make(
                .missingTable, "`compare` needs stacked extracts: `\(name)_history`, or `\(name)` with a `snapshot` column (YYYY-MM)",
                at: input.at, hint: "stack the monthly extracts with a `snapshot` column holding each extract's month")
        }
        let fin = catalog[sources["financials"]!]!
        let values = try input.periods(fin.column(named: "snapshot")!, sources["financials"]!)
        snapshots = Array(Set(values.compactMap { $0 })).sorted()
    }

    /// A copy of `session` whose `projects`, `financials` and `benefits` are the rows of `snapshot`, without the
    /// `snapshot` column.
    func session(_ session: QuerySession, snapshot: Int32, input: InputTables) throws(QueryError) -> QuerySession {
        var copy = session
        for (name, source) in sources {
            let table = session.catalog[source]!
            let column = table.column(named: "snapshot")!
            let values = try input.periods(column, source)
            let rows = values.indices.filter { values[$0] == snapshot }
            let kept = table.gather(rows)
            let columns = kept.columns.filter { $0.name != "snapshot" }
            copy.catalog.set(name, Table(columns: columns, rowCount: rows.count))
        }
        return copy
    }
}
