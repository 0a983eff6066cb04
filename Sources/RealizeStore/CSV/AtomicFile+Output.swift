#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension AtomicFile {
    /// Where a streamed ``AtomicFile/write(to:shouldStop:produce:)`` puts its bytes: small pieces are
    /// gathered into a 1 MiB buffer, large ones go straight to the file a megabyte at a time.
    ///
    /// After a failed write (or when told to stop) further bytes are dropped; the write then reports it.
    public struct Output {
        private let fd: Int32
        private let shouldStop: () -> Bool
        private let writer: (Int32, UnsafeRawPointer, Int) -> Int
        private var buffer: [UInt8] = []
        /// Bytes handed over so far (written or buffered): the offset of the next byte in the file.
        public private(set) var count = 0
        /// False once a write failed (`errno` then says why).
        private(set) var ok = true
        /// True once `shouldStop` said so.
        private(set) var stopped = false
        private var failedErrno: Int32 = 0
        private static let chunk = 1 << 20

        init(fd: Int32, shouldStop: @escaping () -> Bool, writer: @escaping (Int32, UnsafeRawPointer, Int) -> Int) {
            self.fd = fd
            self.shouldStop = shouldStop
            self.writer = writer
            buffer.reserveCapacity(Self.chunk)
        }

        /// Whether bytes still go to the file (no failure, not stopped): a producer may stop early when not.
        public var isWriting: Bool { ok && !stopped }

        /// Appends raw bytes.
        public mutating func write(_ raw: UnsafeRawBufferPointer) {
            count += raw.count
            guard isWriting, raw.count > 0 else { return }
            if buffer.count + raw.count <= Self.chunk {
                buffer.append(contentsOf: raw)
                if buffer.count == Self.chunk { flush() }
                return
            }
            flush()
            guard isWriting else { return }
            if raw.count < Self.chunk {
                buffer.append(contentsOf: raw)
            } else {
                writeAll(raw)
            }
        }

        /// Appends the bytes of an array.
        public mutating func write(_ bytes: [UInt8]) {
            bytes.withUnsafeBytes { write($0) }
        }

        /// Writes out the buffered bytes.
        mutating func flush() {
            guard isWriting, !buffer.isEmpty else {
                if !ok { errno = failedErrno }
                return
            }
            var pending: [UInt8] = []
            swap(&pending, &buffer)
            pending.withUnsafeBytes { writeAll($0) }
            pending.removeAll(keepingCapacity: true)
            buffer = pending
            if !ok { errno = failedErrno }
        }

        /// Writes every byte (retrying short writes and `EINTR`), polling `shouldStop` every megabyte.
        private mutating func writeAll(_ raw: UnsafeRawBufferPointer) {
            var done = 0
            while done < raw.count {
                if shouldStop() {
                    stopped = true
                    return
                }
                let n = writer(fd, raw.baseAddress! + done, min(Self.chunk, raw.count - done))
                if n < 0 {
                    if errno == EINTR { continue }
                    ok = false
                    failedErrno = errno
                    return
                }
                done += n
            }
        }
    }
}
