import CODBC
import Foundation

/// Watches a running statement from another thread and cancels it (SQLCancel) once `shouldStop`
/// turns true, so Ctrl-C interrupts a query still executing on the server as well as a fetch.
///
/// ``finish()`` must be called before the statement is freed: after it returns, the watch never
/// touches the statement again (the check and the cancel happen under the same lock).
final class StatementWatch: @unchecked Sendable {
    private let stmt: SQLHSTMT
    private let shouldStop: @Sendable () -> Bool
    private let lock = NSLock()
    private var done = false
    /// Whether the watch cancelled the statement.
    private(set) var cancelled = false

    init(_ stmt: SQLHSTMT, shouldStop: @escaping @Sendable () -> Bool) {
        self.stmt = stmt
        self.shouldStop = shouldStop
        Thread.detachNewThread { [self] in run() }
    }

    private func run() {
        while true {
            let finished = lock.withLock { () -> Bool in
                if done { return true }
                if shouldStop() {
                    _ = realize_odbc_cancel(stmt)
                    cancelled = true
                    return true
                }
                return false
            }
            if finished { return }
            usleep(20_000)
        }
    }

    /// Stops watching; the statement may be freed once this returns.
    func finish() { lock.withLock { done = true } }
}
