import Foundation

/// The databases the ODBC tests read: the PostgreSQL cluster that scripts/test starts
/// (scripts/pg-test-cluster exports REALIZE_PG_*), and SQLite files made with the sqlite3 tool.
enum ODBCTestDatabase {
    static let environment = ProcessInfo.processInfo.environment

    /// The PostgreSQL connection string without a password (`Pwd=$PGPASSWORD` is appended by the tests).
    static var postgres: String? { environment["REALIZE_PG_CONNECTION"] }
    /// The cluster's password.
    static var password: String? { environment["REALIZE_PG_PASSWORD"] }
    static var port: String { environment["REALIZE_PG_PORT"] ?? "5433" }
    static var hasPostgres: Bool { postgres != nil && password != nil }
    static let noPostgres = "no PostgreSQL test cluster: REALIZE_PG_CONNECTION and REALIZE_PG_PASSWORD are unset (scripts/test starts one)"

    /// Whether SQLite's ODBC driver and the sqlite3 tool are installed.
    static var hasSQLite: Bool {
        let drivers = ["/usr/lib/x86_64-linux-gnu/odbc/libsqlite3odbc.so", "/usr/lib/aarch64-linux-gnu/odbc/libsqlite3odbc.so"]
        return drivers.contains { FileManager.default.fileExists(atPath: $0) } && FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3")
    }
    static let noSQLite = "SQLite's ODBC driver (libsqliteodbc) or sqlite3 is not installed"

    /// The sample portfolio's folder.
    static var sampleFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("sample-portfolios/default")
    }

    /// Runs the sqlite3 tool on `database` with `script` on standard input.
    static func sqlite(_ database: URL, _ script: String) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        p.arguments = [database.path]
        let input = Pipe()
        p.standardInput = input
        try p.run()
        input.fileHandleForWriting.write(Data(script.utf8))
        try input.fileHandleForWriting.close()
        p.waitUntilExit()
    }
}
