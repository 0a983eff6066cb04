/// Where an Arrow file's bytes go as they are produced: an array in memory, or a file being written.
protocol ArrowSink {
    /// Bytes written so far: the offset of the next one.
    var count: Int { get }
    /// Appends raw bytes.
    mutating func write(_ raw: UnsafeRawBufferPointer)
}

extension ArrowSink {
    /// Appends the bytes of an array of fixed-width values.
    mutating func write<T>(_ values: [T]) {
        values.withUnsafeBytes { write($0) }
    }

    /// Appends `count` zero bytes (at most 64).
    mutating func writeZeros(_ count: Int) {
        guard count > 0 else { return }
        withUnsafeBytes(of: (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))) {
            write(UnsafeRawBufferPointer(rebasing: $0[0..<count]))
        }
    }

    /// Appends a body buffer and the zeros that pad it to a multiple of 64 bytes.
    mutating func writeBuffer(_ raw: UnsafeRawBufferPointer) {
        write(raw)
        writeZeros(ArrowBodyLayout.padded(raw.count) - raw.count)
    }
}

extension Array: ArrowSink where Element == UInt8 {
    mutating func write(_ raw: UnsafeRawBufferPointer) { append(contentsOf: raw) }
}

extension AtomicFile.Output: ArrowSink {}
