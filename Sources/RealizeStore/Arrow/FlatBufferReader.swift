/// Reads FlatBuffers tables inside a byte region, checking every offset and length against it.
///
/// A corrupt or foreign file gives an ``ArrowError`` saying what was out of place, never a read
/// outside the region.
struct FlatBufferReader {
    /// The whole buffer (a mapped file); offsets are from its start.
    let base: UnsafeRawBufferPointer
    /// The region holding this flatbuffer: `range.lowerBound` is its first byte.
    let range: Range<Int>
    /// What the region is, for messages ("the footer", "message 2").
    let what: String

    /// A reader over `range`, which must lie inside `base`.
    init(_ base: UnsafeRawBufferPointer, range: Range<Int>, what: String) throws(ArrowError) {
        guard range.lowerBound >= 0, range.upperBound <= base.count, range.count >= 8 else {
            throw ArrowError("\(what) is too short or lies outside the file")
        }
        self.base = base
        self.range = range
        self.what = what
    }

    func fail(_ message: String) -> ArrowError { ArrowError("\(what) is corrupt: \(message)") }

    /// The integer of type `T` at absolute position `at`, checked to lie in the region.
    func load<T: FixedWidthInteger>(_: T.Type, at: Int) throws(ArrowError) -> T {
        guard at >= range.lowerBound, at <= range.upperBound - MemoryLayout<T>.size else {
            throw fail("a read at byte \(at - range.lowerBound) falls outside its \(range.count) bytes")
        }
        return T(littleEndian: base.loadUnaligned(fromByteOffset: at, as: T.self))
    }

    /// The table the region's root offset points to.
    func root() throws(ArrowError) -> FlatBufferTableReader {
        try table(at: range.lowerBound + Int(load(UInt32.self, at: range.lowerBound)))
    }

    /// The table at absolute position `position`.
    func table(at position: Int) throws(ArrowError) -> FlatBufferTableReader {
        let vtable = position - Int(try load(Int32.self, at: position))
        let vsize = Int(try load(UInt16.self, at: vtable))
        guard vsize >= 4, vsize % 2 == 0, vtable + vsize <= range.upperBound else { throw fail("a vtable of \(vsize) bytes") }
        let tsize = Int(try load(UInt16.self, at: vtable + 2))
        guard tsize >= 4, position + tsize <= range.upperBound else { throw fail("a table of \(tsize) bytes runs past the end") }
        return FlatBufferTableReader(reader: self, position: position, vtable: vtable, slots: (vsize - 4) / 2, size: tsize)
    }
}

/// One table inside a ``FlatBufferReader``'s region.
struct FlatBufferTableReader {
    let reader: FlatBufferReader
    let position: Int
    let vtable: Int
    let slots: Int
    let size: Int

    /// The field's absolute position, or nil when absent.
    private func field(_ slot: Int, width: Int) throws(ArrowError) -> Int? {
        guard slot < slots else { return nil }
        let offset = Int(try reader.load(UInt16.self, at: vtable + 4 + 2 * slot))
        if offset == 0 { return nil }
        guard offset + width <= size else { throw reader.fail("field \(slot) lies outside its table") }
        return position + offset
    }

    func int<T: FixedWidthInteger>(_ slot: Int, _: T.Type, default value: T = 0) throws(ArrowError) -> T {
        guard let at = try field(slot, width: MemoryLayout<T>.size) else { return value }
        return try reader.load(T.self, at: at)
    }

    func bool(_ slot: Int) throws(ArrowError) -> Bool { try int(slot, UInt8.self) != 0 }

    /// Follows the offset in `slot`; nil when absent.
    private func target(_ slot: Int) throws(ArrowError) -> Int? {
        guard let at = try field(slot, width: 4) else { return nil }
        let t = at + Int(try reader.load(UInt32.self, at: at))
        guard t < reader.range.upperBound else { throw reader.fail("an offset points past the end") }
        return t
    }

    func table(_ slot: Int) throws(ArrowError) -> FlatBufferTableReader? {
        guard let t = try target(slot) else { return nil }
        return try reader.table(at: t)
    }

    /// A vector's first element position and length, checked for `stride`-byte elements.
    func vector(_ slot: Int, stride: Int) throws(ArrowError) -> (start: Int, count: Int)? {
        guard let t = try target(slot) else { return nil }
        let n = Int(try reader.load(UInt32.self, at: t))
        guard n <= (reader.range.upperBound - t - 4) / stride else { throw reader.fail("a vector of \(n) elements runs past the end") }
        return (t + 4, n)
    }

    func string(_ slot: Int) throws(ArrowError) -> String? {
        guard let (start, n) = try vector(slot, stride: 1) else { return nil }
        return String(decoding: UnsafeRawBufferPointer(rebasing: reader.base[start..<start + n]), as: UTF8.self)
    }

    /// The tables of a vector of tables.
    func tables(_ slot: Int) throws(ArrowError) -> [FlatBufferTableReader] {
        guard let (start, n) = try vector(slot, stride: 4) else { return [] }
        var out: [FlatBufferTableReader] = []
        out.reserveCapacity(n)
        for k in 0..<n {
            let at = start + 4 * k
            out.append(try reader.table(at: at + Int(try reader.load(UInt32.self, at: at))))
        }
        return out
    }
}
