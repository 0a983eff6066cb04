import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// Runs `realize` on a pseudo-terminal, as a person at a terminal would: it is the session leader
/// and the terminal is its controlling terminal, so Ctrl-C (`\u{3}`) raises SIGINT.
final class PseudoTerminalSession {
    private let master: Int32
    let pid: pid_t
    private var bytes: [UInt8] = []
    /// Everything the program wrote so far, as text.
    var transcript: String { String(decoding: bytes, as: UTF8.self) }
    private var exitStatus: Int32? = nil

    /// Starts `executable` with `arguments` and exactly `environment` on a new pseudo-terminal.
    init(executable: String, arguments: [String] = [], environment: [String: String]) throws {
        // posix_openpt and friends are hidden from Swift's Glibc; use /dev/ptmx and its ioctls.
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        var unlock: Int32 = 0, number: UInt32 = 0
        guard master >= 0,
            ioctl(master, UInt(0x4004_5431) /* TIOCSPTLCK */, &unlock) == 0,
            ioctl(master, UInt(0x8004_5430) /* TIOCGPTN */, &number) == 0
        else {
            throw POSIXError(.ENODEV)
        }
        let slavePath = "/dev/pts/\(number)"
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addclose(&actions, master)
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // POSIX_SPAWN_SETSID (0x80, glibc): a new session, so opening the terminal makes it the controlling one.
        var defaults = sigset_t(), mask = sigset_t()
        sigemptyset(&defaults); sigaddset(&defaults, SIGINT); sigaddset(&defaults, SIGPIPE)
        sigemptyset(&mask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setflags(&attributes, Int16(0x80 | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child: pid_t = 0
        let rc = posix_spawn(&child, executable, &actions, &attributes, argv, envp)
        guard rc == 0 else { throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EIO) }
        pid = child
    }

    /// Starts the built `realize` with `arguments` in the environment every terminal test uses: a
    /// dumb terminal, no colour, a plain `PATH`, history in `history` (a fresh temporary file by
    /// default) and `HOME` at `home` (the temporary folder by default); `extra` adds variables. The
    /// sanitizers' options pass through, so that `scripts/sanitize` reaches the binary too.
    static func realize(
        arguments: [String] = [], history: URL? = nil, home: URL? = nil, term: String = "dumb",
        extra: [String: String] = [:]
    ) throws -> PseudoTerminalSession {
        let historyPath = try history?.path ?? RealizeBinary.temporaryFolder().appendingPathComponent("history").path
        let environment: [String: String] = [
            "TERM": term, "REALIZE_HISTORY": historyPath, "HOME": home?.path ?? NSTemporaryDirectory(),
            "PATH": "/usr/bin:/bin", "NO_COLOR": "1",
        ]
        let sanitizers = ProcessInfo.processInfo.environment.filter { ["ASAN_OPTIONS", "LSAN_OPTIONS", "UBSAN_OPTIONS"].contains($0.key) }
        return try PseudoTerminalSession(
            executable: RealizeBinary.url.path, arguments: arguments,
            environment: environment.merging(sanitizers) { _, new in new }.merging(extra) { _, new in new })
    }

    deinit {
        if exitStatus == nil { kill(pid, SIGKILL); var s: Int32 = 0; waitpid(pid, &s, 0) }
        close(master)
    }

    /// Types `text` (control characters included: `\u{3}` is Ctrl-C, `\u{4}` Ctrl-D, `\t` TAB).
    func send(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Reads output until `predicate` holds for the output since `start`, or `timeout` seconds pass.
    /// Returns whether it held.
    @discardableResult
    func waitFor(timeout: TimeInterval = 10, from startOffset: Int = 0, _ predicate: (Substring) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let since = Substring(String(decoding: bytes[min(startOffset, bytes.count)...], as: UTF8.self))
            if predicate(since) { return true }
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { return false }
            var fds = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&fds, 1, Int32(min(left, 0.2) * 1000)) > 0 {
                var buffer = [UInt8](repeating: 0, count: 4096)
                let n = read(master, &buffer, buffer.count)
                if n > 0 { bytes += buffer[0..<n] } else if hasExited() { return predicate(since) }
            } else if hasExited() {
                return predicate(since)
            }
        }
    }

    /// Waits until `text` appears in the output after `start` (by default, anywhere).
    @discardableResult
    func expect(_ text: String, timeout: TimeInterval = 10, after start: Int = 0) -> Bool {
        waitFor(timeout: timeout, from: start) { $0.contains(text) }
    }

    /// Waits until `text` appears after `start` and the prompt follows it: the statement that
    /// printed `text` is over, so keys typed now reach readline (typed while a statement runs, they
    /// are echoed by the terminal in cooked mode, and a Ctrl-C there flushes the prompt too).
    @discardableResult
    func expectPrompt(after text: String, from start: Int = 0, prompt: String = "realize> ", timeout: TimeInterval = 10) -> Bool {
        waitFor(timeout: timeout, from: start) { out in
            out.range(of: text).map { out[$0.upperBound...].contains(prompt) } ?? false
        }
    }

    /// The end of the output so far, to look for what comes next.
    var mark: Int { bytes.count }

    /// Waits for the program to exit; nil on timeout (the program is then killed).
    func waitForExit(timeout: TimeInterval = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if hasExited() { return exitStatus }
            waitFor(timeout: 0.1) { _ in false }
        }
        kill(pid, SIGKILL)
        return nil
    }

    private func hasExited() -> Bool {
        if exitStatus != nil { return true }
        var status: Int32 = 0
        if waitpid(pid, &status, WNOHANG) == pid {
            exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
            return true
        }
        return false
    }
}
