import RealizeODBC
import RealizeStore

/// Reading tables from databases through ODBC, for `.connect`, `.load NAME.schema.table`,
/// `.load NAME query '…'` and `--data 'odbc:…'`; every message masks the password.
enum DatabaseSource {
    /// The `--data` prefix naming a connection string instead of a path.
    static let dataPrefix = "odbc:"

    /// Connects with `text`.
    ///
    /// - Throws: ``ShellError`` `odbc-connect` with the SQLSTATE and the driver's text, password masked.
    static func connect(_ text: String) throws(ShellError) -> ODBCConnection {
        let string = ConnectionString(text)
        do throws(ODBCError) {
            return try ODBCConnection(string)
        } catch {
            throw ShellError(
                "odbc-connect", "cannot connect to `\(string.masked)`: \(error.description)",
                hint: "check the server, port, user and password (`Pwd=$VARIABLE` reads it from the environment)")
        }
    }

    /// Runs `sql` on `connection` and returns its result, with warnings.
    ///
    /// - Throws: ``ShellError`` `odbc-query`, `odbc-fetch` or `cancelled`.
    static func load(_ sql: String, from connection: ODBCConnection, shouldStop: @escaping @Sendable () -> Bool) throws(ShellError) -> (
        table: Table, warnings: [String]
    ) {
        do throws(ODBCError) {
            return try connection.load(sql: sql, shouldStop: shouldStop)
        } catch {
            throw shellError(error, connection)
        }
    }

    /// Reads the base table `name` of `connection` whole (on PostgreSQL possibly over two connections
    /// at once, see ``ODBCConnection/load(table:blockRows:splitMinimumPages:shouldStop:)``).
    ///
    /// - Throws: ``ShellError`` `odbc-query`, `odbc-fetch` or `cancelled`.
    static func load(table name: ODBCConnection.TableName, from connection: ODBCConnection, shouldStop: @escaping @Sendable () -> Bool)
        throws(ShellError) -> (table: Table, warnings: [String])
    {
        do throws(ODBCError) {
            return try connection.load(table: name, shouldStop: shouldStop)
        } catch {
            throw shellError(error, connection)
        }
    }

    /// Every base table of the database at `text` (the `--data 'odbc:…'` form), each named after its table.
    static func loadAll(_ text: String, shouldStop: @escaping @Sendable () -> Bool) throws(ShellError) -> [(name: String, table: Table)] {
        let connection = try connect(text)
        let names: [ODBCConnection.TableName]
        do throws(ODBCError) {
            names = try connection.tables()
        } catch {
            throw shellError(error, connection)
        }
        var out: [(name: String, table: Table)] = []
        for name in names {
            out.append((name.name, try load(table: name, from: connection, shouldStop: shouldStop).table))
        }
        return out
    }

    /// An ODBC error as a shell error; the text is already masked.
    static func shellError(_ error: ODBCError, _ connection: ODBCConnection) -> ShellError {
        switch error.code {
        case .cancelled:
            return ShellError("cancelled", "load cancelled", hint: "nothing was loaded; the tables loaded before are unchanged")
        case .connect:
            return ShellError("odbc-connect", "cannot connect to `\(connection.connectionString.masked)`: \(error.description)")
        case .query:
            return ShellError("odbc-query", "the database refused the query: \(error.description)", hint: "nothing was loaded")
        case .fetch:
            return ShellError("odbc-fetch", "reading the rows failed: \(error.description)", hint: "nothing was loaded")
        }
    }
}
