import RealizeODBC
import RealizeStore

extension ShellSession {
    /// `.connect [NAME 'CONNECTION STRING']`: opens an ODBC connection under NAME, or lists the
    /// connections (passwords masked).
    func connect(_ args: [String], usage: String) throws(ShellError) {
        if args.isEmpty {
            for name in connections.keys.sorted() {
                output.out("\(name): \(connections[name]!.connectionString.masked)\n")
            }
            return
        }
        guard args.count == 2 else { throw .usage(usage) }
        guard Self.isValidTableName(args[0]) else {
            throw ShellError("usage", "`\(args[0])` is not a valid connection name", hint: "use letters, digits and _, starting with a letter or _")
        }
        let connection = try DatabaseSource.connect(args[1])
        connections[args[0]] = connection
        if interactive { output.out("connected \(args[0]): \(connection.connectionString.masked)\n") }
    }

    /// `.load NAME.schema.table [as T]` and `.load NAME query 'SQL' as T` when NAME is a connection;
    /// false when the arguments do not name one (then `.load` reads files).
    ///
    /// - Throws: ``ShellError`` from the database; nothing is loaded then.
    func loadFromDatabase(_ args: [String], usage: String) throws(ShellError) -> Bool {
        guard let first = args.first else { return false }
        var alias: String
        var rest: ArraySlice<String>
        if args.count >= 2, args[1].lowercased() == "query", let connection = connections[first] {
            guard args.count == 5, args[3].lowercased() == "as" else {
                throw ShellError("usage", "a query needs a table name: `.load \(first) query 'select …' as NAME`")
            }
            return try loadQuery(.query(args[2]), from: connection, as: args[4])
        }
        let parts = first.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 || parts.count == 3, let connection = connections[parts[0]] else { return false }
        let table = ODBCConnection.TableName(schema: parts.count == 3 ? parts[1] : nil, name: parts[parts.count - 1])
        alias = table.name
        rest = args.dropFirst()
        if rest.count == 2, rest.first?.lowercased() == "as" {
            alias = rest.last!
            rest = []
        }
        guard rest.isEmpty else { throw .usage(usage) }
        return try loadQuery(.table(table), from: connection, as: alias)
    }

    /// What `.load` reads from a connection.
    private enum DatabaseRead {
        case table(ODBCConnection.TableName)
        case query(String)
    }

    private func loadQuery(_ read: DatabaseRead, from connection: ODBCConnection, as alias: String) throws(ShellError) -> Bool {
        guard Self.isValidTableName(alias) else {
            throw ShellError("usage", "`\(alias)` is not a valid table name", hint: "use letters, digits and _, starting with a letter or _")
        }
        let started = ContinuousClock.now
        let token = cancellation
        let stop: @Sendable () -> Bool = { token.isCancelled }
        let (table, warnings) =
            switch read {
            case .table(let name): try DatabaseSource.load(table: name, from: connection, shouldStop: stop)
            case .query(let sql): try DatabaseSource.load(sql, from: connection, shouldStop: stop)
            }
        query.catalog.set(alias, table)
        if timer { reportTime("Load", since: started) }
        for w in warnings { output.err("warning: \(w)\n") }
        if interactive { output.out("loaded table \(alias) (\(table.rowCount) \(table.rowCount == 1 ? "row" : "rows"))\n") }
        return true
    }
}
