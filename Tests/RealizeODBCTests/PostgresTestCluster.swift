import Foundation

/// The PostgreSQL cluster that scripts/test starts (scripts/pg-test-cluster exports REALIZE_PG_*).
enum PostgresTestCluster {
    static let environment = ProcessInfo.processInfo.environment
    static var isRunning: Bool { environment["REALIZE_PG_CONNECTION"] != nil && environment["REALIZE_PG_PASSWORD"] != nil }
    static let notRunning = "no PostgreSQL test cluster: REALIZE_PG_CONNECTION and REALIZE_PG_PASSWORD are unset (scripts/test starts one)"

    /// The connection string with the cluster's password.
    static var connectionString: String {
        (environment["REALIZE_PG_CONNECTION"] ?? "") + ";Pwd=" + (environment["REALIZE_PG_PASSWORD"] ?? "")
    }
}
