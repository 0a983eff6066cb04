import CReadline
import RealizeQuery
import Synchronization

/// What SIGINT (Ctrl-C) changes: a pending flag for the line editor and the running query's token.
///
/// The signal handler only stores into lock-free atomics, which is async-signal-safe.
package final class InterruptState: Sendable {
    /// The one instance the signal handler reaches. Touch it before installing the handler.
    package static let shared = InterruptState()

    private let pendingFlag = Atomic<Bool>(false)
    /// Raised with the flag; every query the shell runs is given this token.
    package let token = CancellationToken()

    private init() {}

    /// Records an interrupt (called from the signal handler).
    func raise() {
        pendingFlag.store(true, ordering: .sequentiallyConsistent)
        token.cancel()
    }

    /// Whether an interrupt arrived since the last call, clearing the flag.
    package func take() -> Bool {
        pendingFlag.exchange(false, ordering: .sequentiallyConsistent)
    }

    /// Installs the SIGINT handler (without `SA_RESTART`, so a waiting `poll` returns).
    package func install() {
        _ = realize_install_sigint(handleInterrupt)
    }

    /// Puts back the default SIGINT behaviour.
    package func uninstall() {
        _ = realize_restore_sigint()
    }
}

/// The SIGINT handler: a plain C-compatible function with no captures.
private func handleInterrupt(_ signal: Int32) {
    InterruptState.shared.raise()
}
