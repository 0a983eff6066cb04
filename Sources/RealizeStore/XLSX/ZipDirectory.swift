import CInflate

/// The entries of a zip file held in memory, read from its central directory, and their bytes.
///
/// Written here rather than reading through ZIPFoundation (which still writes workbooks), because fuzzing
/// showed its reading side hangs on a truncated deflate stream (its inflate loop waits for input at end of
/// file) and leaks its stream when the directory is missing. This reader never trusts a number from the
/// file: every offset and size is checked against the bytes there are, an entry inflates into exactly the
/// size the directory declares (at most deflate's 1032:1 ratio of its compressed size) or is refused, and
/// its CRC-32 is checked.
struct ZipDirectory {
    /// One file of the archive, as its central directory entry describes it.
    struct Entry {
        var name: String
        var method: UInt16
        var flags: UInt16
        var crc: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeaderOffset: Int
    }

    /// Why the archive or an entry cannot be read.
    enum Damage: Error, Equatable {
        case notAZip(String)
        case entry(String, String)
    }

    let bytes: [UInt8]
    private(set) var entries: [String: Entry] = [:]

    /// Reads the central directory of `bytes`.
    /// - Throws: ``Damage/notAZip(_:)`` when there is no valid end-of-directory record or directory.
    init(bytes: [UInt8]) throws(Damage) {
        self.bytes = bytes
        let (count, offset, size) = try Self.endOfDirectory(bytes)
        guard offset >= 0, size >= 0, offset <= bytes.count, size <= bytes.count - offset else {
            throw .notAZip("the central directory lies outside the file")
        }
        var p = offset
        for _ in 0..<count {
            guard p + 46 <= offset + size, u32(p) == 0x0201_4B50 else { throw .notAZip("a central directory entry is malformed") }
            let nameLength = Int(u16(p + 28)), extraLength = Int(u16(p + 30)), commentLength = Int(u16(p + 32))
            let end = p + 46 + nameLength + extraLength + commentLength
            guard end <= offset + size else { throw .notAZip("a central directory entry runs past the directory") }
            var entry = Entry(
                name: String(decoding: bytes[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self), method: u16(p + 10), flags: u16(p + 8),
                crc: u32(p + 16), compressedSize: Int(u32(p + 20)), uncompressedSize: Int(u32(p + 24)),
                localHeaderOffset: Int(u32(p + 42)))
            readZip64Extra(from: p + 46 + nameLength, length: extraLength, into: &entry)
            entries[entry.name] = entry
            p = end
        }
    }

    /// The bytes of the entry called `name`; nil when there is none.
    /// - Throws: ``Damage/entry(_:_:)`` when it is encrypted, uses an unknown method, or is corrupt.
    func data(_ name: String) throws(Damage) -> [UInt8]? {
        guard let e = entries[name] else { return nil }
        guard e.flags & 1 == 0 else { throw .entry(name, "it is encrypted") }
        let h = e.localHeaderOffset
        guard h >= 0, h <= bytes.count - 30, u32(h) == 0x0403_4B50 else { throw .entry(name, "its local header is missing") }
        let start = h + 30 + Int(u16(h + 26)) + Int(u16(h + 28))
        guard start <= bytes.count, e.compressedSize <= bytes.count - start else { throw .entry(name, "its data runs past the end of the file") }
        let out: [UInt8]
        switch e.method {
        case 0:
            guard e.compressedSize == e.uncompressedSize else { throw .entry(name, "its stored size disagrees with itself") }
            out = Array(bytes[start..<(start + e.compressedSize)])
        case 8:
            guard e.uncompressedSize <= e.compressedSize * 1032 + 1024 else { throw .entry(name, "its declared size is impossible") }
            var status: Int32 = 1
            // Not zero-filled first: inflate writes every byte, or the entry is refused.
            out = [UInt8](unsafeUninitializedCapacity: e.uncompressedSize) { buffer, initialized in
                status = bytes.withUnsafeBufferPointer { all in
                    realize_inflate_raw(all.baseAddress.map { $0 + start }, e.compressedSize, buffer.baseAddress, e.uncompressedSize)
                }
                if status != 0, let base = buffer.baseAddress { base.initialize(repeating: 0, count: e.uncompressedSize) }
                initialized = e.uncompressedSize
            }
            guard status == 0 else { throw .entry(name, "its compressed data is corrupt") }
        default:
            throw .entry(name, "it uses compression method \(e.method), which is not supported")
        }
        let crc = out.withUnsafeBufferPointer { realize_crc32($0.baseAddress, $0.count) }
        guard crc == e.crc else { throw .entry(name, "its checksum does not match") }
        return out
    }

    /// The entry count, offset and size of the central directory, from the (zip64) end-of-directory record.
    private static func endOfDirectory(_ b: [UInt8]) throws(Damage) -> (Int, Int, Int) {
        guard b.count >= 22 else { throw .notAZip("it is too short to be a zip file") }
        let lowest = max(0, b.count - 22 - 0xFFFF)
        var p = b.count - 22
        while p >= lowest {
            if b[p] == 0x50 && b[p + 1] == 0x4B && b[p + 2] == 5 && b[p + 3] == 6 { break }
            p -= 1
        }
        guard p >= lowest else { throw .notAZip("it has no zip directory") }
        let read = ZipDirectory.reader(b)
        var count = Int(read.u16(p + 10)), size = Int(read.u32(p + 12)), offset = Int(read.u32(p + 16))
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            // Zip64: the locator sits just before the record and points at the zip64 record.
            guard p >= 20, b.count >= 56, read.u32(p - 20) == 0x0706_4B50 else { throw .notAZip("its zip64 locator is missing") }
            let record = read.u64(p - 12)
            guard record <= UInt64(b.count - 56), read.u32(Int(record)) == 0x0606_4B50 else { throw .notAZip("its zip64 directory record is missing") }
            let r = Int(record)
            guard read.u64(r + 32) < UInt64(b.count), read.u64(r + 40) <= UInt64(b.count), read.u64(r + 48) <= UInt64(b.count) else {
                throw .notAZip("its zip64 directory record is malformed")
            }
            count = Int(read.u64(r + 32)); size = Int(read.u64(r + 40)); offset = Int(read.u64(r + 48))
        }
        return (count, offset, size)
    }

    /// Replaces 32-bit sizes and offsets saturated at 0xFFFFFFFF by the zip64 extra field's 64-bit ones.
    private func readZip64Extra(from start: Int, length: Int, into entry: inout Entry) {
        var p = start
        while p + 4 <= start + length {
            let id = u16(p), size = Int(u16(p + 2))
            guard p + 4 + size <= start + length else { return }
            if id == 1 {
                var q = p + 4
                func next() -> Int? {
                    guard q + 8 <= p + 4 + size else { return nil }
                    defer { q += 8 }
                    let v = u64(q)
                    return v <= UInt64(Int.max) ? Int(v) : nil
                }
                if entry.uncompressedSize == 0xFFFF_FFFF, let v = next() { entry.uncompressedSize = v }
                if entry.compressedSize == 0xFFFF_FFFF, let v = next() { entry.compressedSize = v }
                if entry.localHeaderOffset == 0xFFFF_FFFF, let v = next() { entry.localHeaderOffset = v }
                return
            }
            p += 4 + size
        }
    }

    private func u16(_ p: Int) -> UInt16 { Self.reader(bytes).u16(p) }
    private func u32(_ p: Int) -> UInt32 { Self.reader(bytes).u32(p) }
    private func u64(_ p: Int) -> UInt64 { Self.reader(bytes).u64(p) }

    /// Little-endian reads at offsets the caller has checked.
    private static func reader(_ b: [UInt8]) -> LittleEndianBytes { LittleEndianBytes(bytes: b) }
}

/// Little-endian integers read from a byte array at checked offsets.
private struct LittleEndianBytes {
    let bytes: [UInt8]
    func u16(_ p: Int) -> UInt16 { UInt16(bytes[p]) | UInt16(bytes[p + 1]) << 8 }
    func u32(_ p: Int) -> UInt32 { UInt32(u16(p)) | UInt32(u16(p + 2)) << 16 }
    func u64(_ p: Int) -> UInt64 { UInt64(u32(p)) | UInt64(u32(p + 4)) << 32 }
}
