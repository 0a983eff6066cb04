import CODBC

/// How a PostgreSQL table is read in two parts at once (see ``ODBCConnection/load(table:blockRows:splitMinimumPages:shouldStop:)``):
/// the statements, and the checks that decide whether it can be.
enum PostgresTableSplit {
    /// Starts the read-only REPEATABLE READ transaction of either part. It goes in the same call as
    /// the statement after it, so that psqlODBC, which runs each later statement of a transaction
    /// behind a savepoint, cannot put one before `pg_export_snapshot()` (refused in a subtransaction)
    /// or before `SET TRANSACTION SNAPSHOT` (which must come first).
    static let begin = "begin isolation level repeatable read read only"

    /// Whether the database is PostgreSQL 14 or later (`SQL_DBMS_NAME`, `SQL_DBMS_VER` such as
    /// `15.0.18` or `14.00.0005`), which scans a `ctid` range by reading only its pages (TID range scan).
    static func supports(dbmsName: String, version: String) -> Bool {
        guard dbmsName == "PostgreSQL", let major = Int(version.prefix { $0.isNumber }) else { return false }
        return major >= 14
    }

    /// Whether the database behind `dbc` is PostgreSQL 14 or later.
    static func supports(_ dbc: SQLHDBC) -> Bool {
        var name = [CChar](repeating: 0, count: 128)
        var version = [CChar](repeating: 0, count: 128)
        guard realize_odbc_info_text(dbc, realize_odbc_info_dbms_name(), &name, 128) != 0,
            realize_odbc_info_text(dbc, realize_odbc_info_dbms_version(), &version, 128) != 0
        else { return false }
        let text = { (c: [CChar]) in String(decoding: c.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        return supports(dbmsName: text(name), version: text(version))
    }

    /// The kind and size in pages of `table`: one row, (`r` for an ordinary table, pages), or none
    /// when there is no such table (the one-part load then reports that as it always has).
    static func sizeQuery(_ table: ODBCConnection.TableName) -> String {
        let literal = "'" + table.quoted.replacingAll("'", with: "''") + "'"
        return "select c.relkind, pg_relation_size(c.oid) / current_setting('block_size')::bigint "
            + "from pg_class c where c.oid = to_regclass(\(literal))"
    }

    /// The page where the second part starts, when a table of kind `kind` and `pages` pages is worth
    /// reading in two parts: an ordinary table (not a view, a foreign or a partitioned table, whose
    /// rows have no single `ctid` order) of at least `minimum` pages, and of two at the least.
    static func middlePage(kind: String?, pages: String?, minimum: Int) -> Int? {
        guard kind == "r", let pages = pages.flatMap({ Int($0) }), pages >= max(2, minimum) else { return nil }
        return pages / 2
    }

    /// The statements of the two parts: the rows before page `middle`, and those from it on (to the
    /// end, however far the table has grown since its size was read). Each returns its rows in
    /// `ctid` order, so the first part's then the second's is the table's page order.
    static func parts(of sql: String, middle: Int) -> (first: String, second: String) {
        (sql + " where ctid < '(\(middle),0)'::tid", sql + " where ctid >= '(\(middle),0)'::tid")
    }

    /// Whether `id` looks like what `pg_export_snapshot()` returns (`00000003-0000002A-1`), so that it
    /// can be written into `SET TRANSACTION SNAPSHOT '…'` as it is.
    static func isSnapshotID(_ id: String) -> Bool {
        !id.isEmpty && id.count <= 64 && id.allSatisfy { $0.isHexDigit || $0 == "-" }
    }
}
