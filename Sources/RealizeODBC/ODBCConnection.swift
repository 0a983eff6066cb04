import CODBC
import RealizeStore

/// An open ODBC connection: the one unsafe island of this module, owning an environment and a
/// connection handle, both freed when the connection goes away.
///
/// Not shared between threads, except for ``cancel()`` of the running statement.
public final class ODBCConnection: @unchecked Sendable {
    /// The connection string as written (its masked form is what is shown).
    public let connectionString: ConnectionString
    private let env: SQLHENV
    private let dbc: SQLHDBC
    /// Whether dates are bound as SQL_DATE_STRUCT (the driver is psqlODBC, see ``ODBCColumnPlan``).
    private let nativeDates: Bool
    /// The statement being fetched, for ``cancel()``.
    private var running: SQLHSTMT? = nil
    /// Whether the database is PostgreSQL 14 or later, whose tables can be read in two parts at once.
    let splitsTables: Bool
    /// The second connection of two-part table loads, once opened.
    var partner: ODBCConnection? = nil
    /// Whether opening ``partner`` failed (then tables are read on this connection alone).
    var partnerFailed = false

    /// Connects with `connectionString`, `$NAME` values expanded from the environment.
    ///
    /// - Throws: ``ODBCError`` `connect` with the SQLSTATE and the driver's text, password masked.
    public init(_ connectionString: ConnectionString, loginTimeout: Int = 10) throws(ODBCError) {
        self.connectionString = connectionString
        guard let env = realize_odbc_env() else { throw ODBCError(.connect, message: "the ODBC driver manager could not start") }
        guard let dbc = realize_odbc_dbc(env, loginTimeout) else {
            realize_odbc_free_env(env)
            throw ODBCError(.connect, message: "the ODBC driver manager could not allocate a connection")
        }
        let rc = realize_odbc_connect(dbc, connectionString.resolved())
        guard realize_odbc_ok(rc) != 0 else {
            let error = Self.diagnostic(kind: 2, handle: dbc, code: .connect, mask: connectionString)
            realize_odbc_free_dbc(dbc, 0)
            realize_odbc_free_env(env)
            throw error
        }
        nativeDates = PsqlODBCTuning.apply(to: dbc, connectionString: connectionString)
        splitsTables = PostgresTableSplit.supports(dbc)
        self.env = env
        self.dbc = dbc
    }

    deinit {
        realize_odbc_free_dbc(dbc, 1)
        realize_odbc_free_env(env)
    }

    /// Runs `sql` and reads its whole result into a table, fetching blocks of `blockRows` rows with
    /// column-wise binding straight into typed columns. While the driver fetches block k+1 into one
    /// set of bound buffers, a second thread decodes block k from the other (``ODBCBlockDecoder``).
    ///
    /// - Parameters:
    ///   - shouldStop: watched from another thread while the statement runs and polled between blocks;
    ///     when it turns true the statement is cancelled (SQLCancel) and nothing is returned.
    /// - Returns: the table and the warnings (timestamps read as dates, unknown types read as text).
    /// - Throws: ``ODBCError`` `query` (SQL errors, unknown tables), `fetch`, or `cancelled`.
    public func load(
        sql: String, blockRows: Int = 1024, shouldStop: @escaping @Sendable () -> Bool = { false }
    ) throws(ODBCError) -> (table: Table, warnings: [String]) {
        try fetch(blockRows: blockRows, shouldStop: shouldStop) { realize_odbc_exec($0, sql) }
    }

    /// Runs `execute` on a new statement and reads the result set it opens (see ``load(sql:blockRows:shouldStop:)``).
    func fetch(
        blockRows: Int = 1024, shouldStop: @escaping @Sendable () -> Bool = { false }, execute: (SQLHSTMT) -> SQLRETURN
    ) throws(ODBCError) -> (table: Table, warnings: [String]) {
        let rows = try fetchRows(blockRows: blockRows, shouldStop: shouldStop, execute: execute)
        return (rows.table, rows.warnings)
    }

    /// Runs `execute` on a new statement and reads the result set it opens into column sinks.
    func fetchRows(
        blockRows: Int = 1024, shouldStop: @escaping @Sendable () -> Bool = { false }, execute: (SQLHSTMT) -> SQLRETURN
    ) throws(ODBCError) -> ODBCFetchedRows {
        // The driver keeps this address and writes each fetch's row count there, so it is allocated
        // (a Swift variable's address is valid only during the call it is passed to), and outlives the statement.
        let fetched = UnsafeMutablePointer<SQLULEN>.allocate(capacity: 1)
        fetched.initialize(to: 0)
        defer { fetched.deallocate() }
        guard let stmt = realize_odbc_stmt(dbc) else { throw Self.diagnostic(kind: 2, handle: dbc, code: .query, mask: connectionString) }
        running = stmt
        let watch = StatementWatch(stmt, shouldStop: shouldStop)
        defer {
            watch.finish()
            running = nil
            realize_odbc_free_stmt(stmt)
        }
        try check(realize_odbc_block(stmt, UInt(blockRows), fetched), stmt, .query)
        let rc = execute(stmt)
        if shouldStop() { throw ODBCError(.cancelled, message: "load cancelled") }
        try check(rc, stmt, .query)
        let n = Int(realize_odbc_column_count(stmt))
        guard n > 0 else { throw ODBCError(.query, message: "the statement returned no result set") }
        var plans: [ODBCColumnPlan] = []
        var nameBuffer = [CChar](repeating: 0, count: 512)
        for i in 1...n {
            var type: Int32 = 0
            var size: UInt = 0
            var digits: Int32 = 0
            try check(realize_odbc_describe(stmt, Int32(i), &nameBuffer, 512, &type, &size, &digits), stmt, .query)
            let name = String(decoding: nameBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            var typeName = [CChar](repeating: 0, count: 128)
            _ = realize_odbc_type_name(stmt, Int32(i), &typeName, 128)
            let databaseType = String(decoding: typeName.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            plans.append(ODBCColumnPlan(name: name, sqlType: Int(type), size: Int(size), typeName: databaseType, nativeDates: nativeDates))
        }
        let decoder = ODBCBlockDecoder(plans: plans, blockRows: blockRows)
        let sinks: [ODBCColumnSink]
        var rowCount = 0
        do throws(ODBCError) {
            var bound = -1
            while true {
                if shouldStop() {
                    _ = realize_odbc_cancel(stmt)
                    throw ODBCError(.cancelled, message: "load cancelled")
                }
                let set = try decoder.nextSet()
                if set != bound {
                    for (i, b) in decoder.sets[set].enumerated() {
                        let rc = realize_odbc_bind(stmt, Int32(i + 1), b.plan.cType, b.buffer, b.plan.width, b.lengths)
                        guard realize_odbc_ok(rc) != 0 else {
                            decoder.release()
                            throw Self.diagnostic(kind: 3, handle: stmt, code: .query, mask: connectionString)
                        }
                    }
                    bound = set
                }
                let rc = realize_odbc_fetch(stmt)
                if shouldStop() {
                    decoder.release()
                    throw ODBCError(.cancelled, message: "load cancelled")
                }
                if realize_odbc_no_data(rc) != 0 {
                    decoder.release()
                    break
                }
                guard realize_odbc_ok(rc) != 0 else {
                    decoder.release()
                    throw Self.diagnostic(kind: 3, handle: stmt, code: .fetch, mask: connectionString)
                }
                let count = Int(fetched.pointee)
                decoder.decode(set: set, rows: count, firstRow: rowCount)
                rowCount += count
            }
            sinks = try decoder.finish()
        } catch {
            // A decoding error of an earlier block comes first, as in a load without overlap.
            throw decoder.abandon() ?? error
        }
        return ODBCFetchedRows(plans: plans, sinks: sinks, rowCount: rowCount)
    }

    /// Cancels the statement being fetched, if any (SQLCancel).
    public func cancel() {
        if let running { _ = realize_odbc_cancel(running) }
        partner?.cancel()
    }

    /// Runs `sql`, which may be several statements, and returns the first row of the first result
    /// set as text (nil for null), or nil when there is no row.
    ///
    /// - Throws: ``ODBCError`` `query` or `fetch`.
    func firstRow(_ sql: String) throws(ODBCError) -> [String?]? {
        guard let stmt = realize_odbc_stmt(dbc) else { throw Self.diagnostic(kind: 2, handle: dbc, code: .query, mask: connectionString) }
        defer { realize_odbc_free_stmt(stmt) }
        try check(realize_odbc_exec(stmt, sql), stmt, .query)
        var n = Int(realize_odbc_column_count(stmt))
        while n == 0 {
            let rc = realize_odbc_more_results(stmt)
            if realize_odbc_no_data(rc) != 0 { return nil }
            try check(rc, stmt, .query)
            n = Int(realize_odbc_column_count(stmt))
        }
        guard n > 0 else { throw Self.diagnostic(kind: 3, handle: stmt, code: .query, mask: connectionString) }
        let rc = realize_odbc_fetch(stmt)
        if realize_odbc_no_data(rc) != 0 { return nil }
        try check(rc, stmt, .fetch)
        var text = [CChar](repeating: 0, count: 256)
        var row: [String?] = []
        for i in 1...n {
            var length = 0
            try check(realize_odbc_get_text(stmt, Int32(i), &text, 256, &length), stmt, .fetch)
            row.append(length < 0 ? nil : String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        return row
    }

    /// Runs `sql` for its effect; whether it succeeded.
    func execute(_ sql: String) -> Bool {
        guard let stmt = realize_odbc_stmt(dbc) else { return false }
        defer { realize_odbc_free_stmt(stmt) }
        return realize_odbc_ok(realize_odbc_exec(stmt, sql)) != 0
    }

    private func check(_ rc: SQLRETURN, _ stmt: SQLHSTMT, _ code: ODBCError.Code) throws(ODBCError) {
        guard realize_odbc_ok(rc) == 0 else { return }
        throw Self.diagnostic(kind: 3, handle: stmt, code: code, mask: connectionString)
    }

    /// The first diagnostic record of a handle as an error, every secret masked.
    static func diagnostic(kind: Int32, handle: SQLHANDLE, code: ODBCError.Code, mask: ConnectionString) -> ODBCError {
        var state = [CChar](repeating: 0, count: 8)
        var text = [CChar](repeating: 0, count: 2048)
        var states: [String] = []
        var messages: [String] = []
        var record: Int32 = 1
        while record <= 4, realize_odbc_diagnostic(kind, handle, record, &state, &text, 2048) != 0 {
            states.append(String(cString: state))
            messages.append(String(cString: text).trimmingSpaces())
            record += 1
        }
        guard let first = states.first else { return ODBCError(code, message: "the ODBC driver reported an error without details") }
        let message = messages.joined(separator: "; ").split(whereSeparator: { $0 == "\n" }).joined(separator: " ")
        return ODBCError(code, sqlState: first, message: ConnectionString.maskSecrets(in: mask.mask(message)))
    }
}
