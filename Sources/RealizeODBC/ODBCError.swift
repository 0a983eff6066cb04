/// A failure talking to a database through ODBC: what went wrong, the SQLSTATE and the driver's text.
///
/// Messages never hold a password: every text is passed through ``ConnectionString/mask(_:)`` of the
/// connection string in use before it is stored here.
public struct ODBCError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure.
    public enum Code: String, Sendable {
        /// The driver manager or the driver could not connect (refused, bad credentials, unknown DSN).
        case connect
        /// The query failed (unknown table, SQL error).
        case query
        /// Fetching the rows failed, or a value could not be read exactly.
        case fetch
        /// The load was cancelled (Ctrl-C).
        case cancelled
    }

    public var code: Code
    /// The five-character SQLSTATE of the first diagnostic record (empty when the driver gave none).
    public var sqlState: String
    /// The driver's text, with the password masked.
    public var message: String

    public init(_ code: Code, sqlState: String = "", message: String) {
        self.code = code
        self.sqlState = sqlState
        self.message = message
    }

    /// `SQLSTATE 08001: could not connect …`, or the message alone.
    public var description: String { sqlState.isEmpty ? message : "SQLSTATE \(sqlState): \(message)" }
}
