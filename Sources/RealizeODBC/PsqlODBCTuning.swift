import CODBC

/// Settings of PostgreSQL's ODBC driver (psqlODBC) that make a bulk load cheaper, applied right after
/// connecting when the driver is psqlODBC and the connection string does not choose them itself.
///
/// By default psqlODBC reads a whole result set into its own memory (one allocation per value) at
/// SQLExecDirect, before the first fetch: for a million-row table that is some 400 MB, page faults
/// and a long free at the end. With `UseDeclareFetch` it reads the result through a cursor,
/// ``fetchRows`` rows at a time, so memory stays flat and the driver's copies stay in cache. These
/// are the driver's own connection attributes (`SQL_ATTR_PGOPT_*` in psqlODBC's pgapifunc.h, there
/// since 2011), so only psqlODBC is ever sent them.
struct PsqlODBCTuning {
    /// `SQL_ATTR_PGOPT_USE_DECLAREFETCH`.
    static let useDeclareFetchAttribute: Int32 = 65539
    /// `SQL_ATTR_PGOPT_FETCH`: rows per cursor FETCH.
    static let fetchAttribute: Int32 = 65541
    /// Rows the driver asks the server for at a time (measured with bench/odbc.sh).
    static let fetchRows = 4096

    /// Whether the driver's file name is psqlODBC's (`psqlodbcw.so`, `psqlodbca.so`, `PSQLODBC35W.DLL`).
    static func isPsqlODBC(driverName: String) -> Bool {
        driverName.lowercased().hasPrefix("psqlodbc")
    }

    /// Whether the connection string already sets the cursor behaviour (then it is left alone).
    static func choosesFetching(_ connectionString: ConnectionString) -> Bool {
        connectionString.pairs.contains { ["usedeclarefetch", "b6", "fetch", "a7"].contains($0.key.trimmingSpaces().lowercased()) }
    }

    /// Applies the settings to a connected `dbc` when its driver is psqlODBC; failures are ignored
    /// (the load then works as before, only slower).
    ///
    /// - Returns: whether the driver is psqlODBC.
    static func apply(to dbc: SQLHDBC, connectionString: ConnectionString) -> Bool {
        var name = [CChar](repeating: 0, count: 256)
        guard realize_odbc_driver_name(dbc, &name, 256) != 0 else { return false }
        let driver = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard isPsqlODBC(driverName: driver) else { return false }
        if !choosesFetching(connectionString) {
            _ = realize_odbc_set_connect_int(dbc, useDeclareFetchAttribute, 1)
            _ = realize_odbc_set_connect_int(dbc, fetchAttribute, fetchRows)
        }
        return true
    }
}
