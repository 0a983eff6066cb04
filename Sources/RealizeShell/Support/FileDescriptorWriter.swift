#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes whole strings to a file descriptor, retrying on `EINTR` and short writes.
///
/// Unbuffered on purpose: standard output and standard error stay in order on a terminal,
/// and a SIGINT (installed without `SA_RESTART`) cannot lose part of a result.
public enum FileDescriptorWriter {
    /// Writes all of `text` to `fd`; gives up silently when the reader has gone (`EPIPE`) or on another error.
    package static func write(_ text: String, to fd: Int32) {
        var bytes = Array(text.utf8)
        if bytes.isEmpty { return }
        bytes.withUnsafeMutableBytes { buf in
            var offset = 0
            while offset < buf.count {
                #if canImport(Glibc)
                    let n = Glibc.write(fd, buf.baseAddress! + offset, buf.count - offset)
                #else
                    let n = Darwin.write(fd, buf.baseAddress! + offset, buf.count - offset)
                #endif
                if n > 0 { offset += n; continue }
                if n < 0 && errno == EINTR { continue }
                return
            }
        }
    }
}

extension FileDescriptorWriter {
    /// Writes `text` to standard error (for the executable's own messages).
    public static func standardError(_ text: String) {
        write(text, to: 2)
    }
}
