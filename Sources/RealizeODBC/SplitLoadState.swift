import Foundation

/// What the two threads of a two-part table load share: whether the first part failed (then the
/// second stops: its rows would not be used), the second connection and the second part's result.
///
/// `@unchecked Sendable`: every stored property is read and written under `lock` only.
final class SplitLoadState: @unchecked Sendable {
    private let lock = NSLock()
    private var failed = false
    private var result: Result<ODBCFetchedRows, ODBCError>? = nil
    private var connection: ODBCConnection? = nil

    /// Whether the first part failed.
    var firstFailed: Bool { lock.withLock { failed } }

    /// Notes that the first part failed.
    func markFirstFailed() { lock.withLock { failed = true } }

    /// The second connection, once open.
    var opened: ODBCConnection? {
        get { lock.withLock { connection } }
        set { lock.withLock { connection = newValue } }
    }

    /// The second part's result, once it has one (nil when the second connection did not read it).
    var second: Result<ODBCFetchedRows, ODBCError>? {
        get { lock.withLock { result } }
        set { lock.withLock { result = newValue } }
    }
}
