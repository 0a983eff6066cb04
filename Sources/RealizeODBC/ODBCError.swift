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
    /// The 1-based row of the result a value error is about (the message names it as `(row N)`).
    public var row: Int?

    public init(_ code: Code, sqlState: String = "", row: Int? = nil, message: String) {
        self.code = code
        self.sqlState = sqlState
        self.row = row
        self.message = message
    }

    /// The same error about a result read after `offset` other rows (the later part of a table read
    /// in two parts): its row, and the row its message names, move on by `offset`.
    func movingRows(by offset: Int) -> ODBCError {
        guard let row, offset != 0 else { return self }
        var moved = self
        moved.row = row + offset
        moved.message = message.replacingAll("(row \(row))", with: "(row \(row + offset))")
        return moved
    }

    /// `SQLSTATE 08001: could not connect …`, or the message alone.
    public var description: String { sqlState.isEmpty ? message : "SQLSTATE \(sqlState): \(message)" }
}
