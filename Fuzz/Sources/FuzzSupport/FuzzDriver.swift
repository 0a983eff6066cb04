import CLibFuzzer

/// Starts libFuzzer from a fuzz executable's `main.swift`.
public enum FuzzDriver {
    /// What libFuzzer calls with each input: its bytes (possibly nil when empty) and their count.
    public typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

    /// Runs libFuzzer with the process's command line (corpus folders, `-max_total_time=…`, a reproducer, …) and
    /// returns its exit status.
    ///
    /// - Parameters:
    ///   - test: the target's `LLVMFuzzerTestOneInput`.
    ///   - warmUp: inputs run once first, with leak detection off, so that process-lifetime state (catalogs, lazy
    ///     globals) is built outside the fuzzing loop and never reported as a leak.
    public static func run(_ test: TestOneInput, warmUp: [String] = []) -> CInt {
        __lsan_disable()
        for input in warmUp {
            var bytes = Array(input.utf8)
            _ = bytes.withUnsafeMutableBufferPointer { test($0.baseAddress, $0.count) }
        }
        __lsan_enable()
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        return LLVMFuzzerRunDriver(&argc, &argv, test)
    }

    /// The input as a raw buffer (empty when libFuzzer passes no pointer).
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ count: Int) -> UnsafeRawBufferPointer {
        guard let data, count > 0 else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: data, count: count)
    }
}
