import CODBC
import Foundation
import RealizeStore

extension ODBCConnection {
    /// Tables of fewer pages (8 kB each, PostgreSQL's default) are read in one part: for them a
    /// second connection and transaction would cost more than they save.
    public static let splitMinimumPages = 256

    /// Reads a base table whole, as `select * from` it (see ``load(sql:blockRows:shouldStop:)``).
    ///
    /// On PostgreSQL 14 or later, an ordinary table of at least `splitMinimumPages` pages is read in
    /// two parts at once, on this connection and a second one to the same database (opened with the
    /// same connection string at the first such load, while this one reads, and kept): this one exports its snapshot from a
    /// read-only REPEATABLE READ transaction and the second imports it, so both parts see the same
    /// committed rows, and each reads half of the table's pages (`ctid` ranges, TID range scans). The
    /// rows come in page order, the first part's then the second's, which is the order of a sequential
    /// scan — one that PostgreSQL may start mid-table to share the reads of another scan of a big table
    /// (`synchronize_seqscans`); the two-part read never does. Every other database, a view, a foreign
    /// or partitioned table, or a failure to export the snapshot reads
    /// `select * from` the table on this connection alone; without a second connection (refused, or
    /// unable to import the snapshot) this one reads the second part after the first, in the same transaction.
    ///
    /// An error is the one a one-part read would have met first: the first part's, else the second's
    /// (with its row counted from the table's first row). A cancel stops both statements (SQLCancel).
    ///
    /// - Throws: ``ODBCError`` as ``load(sql:blockRows:shouldStop:)``.
    public func load(
        table: TableName, blockRows: Int = 1024, splitMinimumPages: Int = ODBCConnection.splitMinimumPages,
        shouldStop: @escaping @Sendable () -> Bool = { false }
    ) throws(ODBCError) -> (table: Table, warnings: [String]) {
        let sql = "select * from \(table.quoted)"
        guard splitsTables, let row = (try? firstRow(PostgresTableSplit.sizeQuery(table))) ?? nil, row.count == 2,
            let middle = PostgresTableSplit.middlePage(kind: row[0], pages: row[1], minimum: splitMinimumPages),
            let snapshot = exportSnapshot()
        else {
            return try load(sql: sql, blockRows: blockRows, shouldStop: shouldStop)
        }
        defer { _ = execute("rollback") }
        let (first, second) = PostgresTableSplit.parts(of: sql, middle: middle)
        // The second part runs on its own thread, which first opens the second connection (at the
        // first such load) while this one is already reading.
        let state = SplitLoadState()
        let secondDone = DispatchSemaphore(value: 0)
        let cached = partner
        let mayOpen = !partnerFailed
        let connectionString = connectionString
        Thread.detachNewThread {
            defer { secondDone.signal() }
            guard let other = cached ?? (mayOpen ? try? ODBCConnection(connectionString) : nil) else { return }
            state.opened = other
            guard other.execute(PostgresTableSplit.begin + "; set transaction snapshot '\(snapshot)'") else {
                _ = other.execute("rollback")
                return
            }
            state.second = Result { () throws(ODBCError) -> ODBCFetchedRows in
                try other.fetchRows(blockRows: blockRows, shouldStop: { shouldStop() || state.firstFailed }) { realize_odbc_exec($0, second) }
            }
            _ = other.execute("rollback")
        }
        let firstRows = Result { () throws(ODBCError) -> ODBCFetchedRows in
            try fetchRows(blockRows: blockRows, shouldStop: shouldStop) { realize_odbc_exec($0, first) }
        }
        if case .failure = firstRows { state.markFirstFailed() }
        secondDone.wait()
        if cached == nil {
            partner = state.opened
            partnerFailed = state.opened == nil
        }
        var rows = try firstRows.get()
        switch state.second {
        case .success(let more): try rows.append(more)
        case .failure(let error): throw error.movingRows(by: rows.rowCount)
        case nil:
            // No second connection, or it could not take the snapshot: this one reads the second
            // part too, still in its transaction, so on the same snapshot.
            try rows.append(fetchRows(blockRows: blockRows, shouldStop: shouldStop) { realize_odbc_exec($0, second) })
        }
        return (rows.table, rows.warnings)
    }

    /// Begins this connection's read-only REPEATABLE READ transaction and exports its snapshot;
    /// nil (and no transaction left open) when it cannot.
    private func exportSnapshot() -> String? {
        let exported = (try? firstRow(PostgresTableSplit.begin + "; select pg_export_snapshot()")) ?? nil
        guard let id = exported?.first ?? nil, PostgresTableSplit.isSnapshotID(id) else {
            _ = execute("rollback")
            return nil
        }
        return id
    }
}
