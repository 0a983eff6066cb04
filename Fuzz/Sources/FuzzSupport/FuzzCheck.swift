#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a fuzz target does when it finds a bug that is not a crash (a broken invariant, a wrong result):
/// it says what on standard error and aborts, so that libFuzzer records the input as a crash.
public enum FuzzCheck {
    /// Writes `message` to standard error and stops the process with `SIGABRT`.
    public static func fail(_ message: String) -> Never {
        var line = "FUZZ CHECK FAILED: \(message)\n"
        line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
        abort()
    }

    /// Fails when `violation` is not nil.
    public static func expectNil(_ violation: String?, _ context: @autoclosure () -> String) {
        if let violation { fail("\(context()): \(violation)") }
    }

    /// The input as text: invalid UTF-8 is repaired with U+FFFD, as the shell reads a line.
    public static func text(_ bytes: UnsafeRawBufferPointer) -> String {
        String(decoding: bytes, as: UTF8.self)
    }
}
