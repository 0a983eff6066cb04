/// Copies the arrays of one column out of a mapped Arrow file into Realize's buffers.
///
/// The layouts were checked when the file was opened (every buffer inside the file and long enough),
/// so the copies here stay in bounds; what is checked here is the values themselves.
struct ArrowColumnDecoder {
    let bytes: UnsafeRawBufferPointer
    let name: String

    /// The values of fixed-width arrays, concatenated (a `memcpy` per batch).
    func copy<T>(_ arrays: [ArrowArrayLayout], as: T.Type) -> [T] {
        let total = arrays.reduce(0) { $0 + $1.length }
        return [T](unsafeUninitializedCapacity: total) { out, count in
            var at = 0
            for a in arrays where a.length > 0 {
                let src = UnsafeRawBufferPointer(rebasing: bytes[a.buffers[0].lowerBound..<a.buffers[0].lowerBound + a.length * MemoryLayout<T>.stride])
                let whole = UnsafeMutableRawBufferPointer(out)
                UnsafeMutableRawBufferPointer(rebasing: whole[(at * MemoryLayout<T>.stride)...]).copyMemory(from: src)
                at += a.length
            }
            count = total
        }
    }

    /// Integers of another width as Int64.
    func widened(_ arrays: [ArrowArrayLayout], bits: Int, signed: Bool) throws(ArrowError) -> [Int64] {
        switch (bits, signed) {
        case (8, true): return copy(arrays, as: Int8.self).map(Int64.init)
        case (16, true): return copy(arrays, as: Int16.self).map(Int64.init)
        case (32, true): return copy(arrays, as: Int32.self).map(Int64.init)
        case (8, false): return copy(arrays, as: UInt8.self).map(Int64.init)
        case (16, false): return copy(arrays, as: UInt16.self).map(Int64.init)
        case (32, false): return copy(arrays, as: UInt32.self).map(Int64.init)
        default:
            let raw = copy(arrays, as: UInt64.self)
            let valid = validity(arrays)
            var out = [Int64](repeating: 0, count: raw.count)
            for (i, v) in raw.enumerated() where valid?[i] ?? true {
                guard let x = Int64(exactly: v) else { throw ArrowError("column `\(name)`: the value \(v) at row \(i + 1) is past the largest int") }
                out[i] = x
            }
            return out
        }
    }

    /// The validity bitmap of the arrays concatenated; nil when none has nulls.
    func validity(_ arrays: [ArrowArrayLayout]) -> Bitmap? {
        guard arrays.contains(where: { $0.nullCount > 0 }) else { return nil }
        let total = arrays.reduce(0) { $0 + $1.length }
        if arrays.count == 1, let v = arrays[0].validity {
            var b = Bitmap(count: total, value: false)
            let n = (total + 7) / 8
            b.words.withUnsafeMutableBytes { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[v.lowerBound..<v.lowerBound + n])) }
            if total & 63 != 0 { b.words[b.words.count - 1] &= (1 << UInt64(total & 63)) - 1 }
            return b
        }
        var b = Bitmap(count: total, value: true)
        var row = 0
        for a in arrays {
            if let v = a.validity {
                for i in 0..<a.length where bytes[v.lowerBound + i >> 3] & (1 << UInt8(i & 7)) == 0 { b[row + i] = false }
            }
            row += a.length
        }
        return b
    }

    /// Bit-packed booleans.
    func bits(_ arrays: [ArrowArrayLayout]) -> [Bool] {
        var out: [Bool] = []
        out.reserveCapacity(arrays.reduce(0) { $0 + $1.length })
        for a in arrays {
            let start = a.buffers[0].lowerBound
            for i in 0..<a.length { out.append(bytes[start + i >> 3] & (1 << UInt8(i & 7)) != 0) }
        }
        return out
    }

    /// Plain Utf8 arrays as dictionary-encoded text. Values are told apart by their bytes, as the CSV reader does.
    func plainText(_ arrays: [ArrowArrayLayout]) throws(ArrowError) -> ColumnStorage {
        var codes: [UInt32] = []
        var interner = ByteInterner()
        for a in arrays {
            try checkText(a)
            codes.reserveCapacity(codes.count + a.length)
            for i in 0..<a.length {
                if let v = a.validity, bytes[v.lowerBound + i >> 3] & (1 << UInt8(i & 7)) == 0 {
                    codes.append(0)
                    continue
                }
                codes.append(intern(a, i, into: &interner))
            }
        }
        return .text(codes: codes, dictionary: interner.strings())
    }

    /// Dictionary-encoded Utf8: the indices checked against the dictionary (duplicates in it merged).
    func dictionaryText(_ arrays: [ArrowArrayLayout], dictionary layout: ArrowArrayLayout, bits: Int, signed: Bool) throws(ArrowError) -> ColumnStorage {
        try checkText(layout)
        var codes: [UInt32]
        if bits == 32 {
            codes = copy(arrays, as: UInt32.self)  // Int32 indices: negative ones become huge and fail the check below
        } else {
            codes = try widened(arrays, bits: bits, signed: signed).map {
                UInt32(truncatingIfNeeded: $0 < 0 || $0 > Int64(UInt32.max) ? Int64(UInt32.max) : $0)
            }
        }
        let valid = validity(arrays)
        let n = UInt32(layout.length)
        try codes.withUnsafeMutableBufferPointer { (c) throws(ArrowError) in
            for i in 0..<c.count where c[i] >= n {
                if let valid, !valid[i] {
                    c[i] = 0
                } else {
                    throw ArrowError("column `\(name)`: the dictionary index \(Int32(bitPattern: c[i])) at row \(i + 1) is outside its \(n) entries")
                }
            }
        }
        // Interning the entries' bytes finds duplicates without hashing a `String` per entry (a `Set` of
        // the 3.75M respondent ids of the large portfolio took about a second); Realize and pyarrow write
        // distinct entries, and then the codes stand as they are.
        var interner = ByteInterner()
        let remap = (0..<layout.length).map { intern(layout, $0, into: &interner) }
        if interner.count != layout.length {
            codes = codes.map { remap[Int($0)] }
        }
        return .text(codes: codes, dictionary: interner.strings())
    }

    /// Checks that the offsets of a Utf8 array are in order and inside its data, and that every value is UTF-8.
    private func checkText(_ a: ArrowArrayLayout) throws(ArrowError) {
        guard a.length > 0 else { return }
        let offsets = a.buffers[0].lowerBound
        let data = a.buffers[1]
        var previous = Int(Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: offsets, as: Int32.self)))
        for i in 0..<a.length {
            let next = Int(Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: offsets + 4 * (i + 1), as: Int32.self)))
            guard previous >= 0, previous <= next, next <= data.count else {
                throw ArrowError("column `\(name)`: the text offsets at row \(i + 1) (\(previous)…\(next)) are out of order or past the data")
            }
            let slice = UnsafeRawBufferPointer(rebasing: bytes[data.lowerBound + previous..<data.lowerBound + next])
            guard UTF8Check.isValid(slice) else { throw ArrowError("column `\(name)`: the text at row \(i + 1) is not UTF-8") }
            previous = next
        }
    }

    /// The code of value `i` of a Utf8 array that ``checkText(_:)`` passed.
    @inline(__always)
    private func intern(_ a: ArrowArrayLayout, _ i: Int, into interner: inout ByteInterner) -> UInt32 {
        let offsets = a.buffers[0].lowerBound, data = a.buffers[1].lowerBound
        let start = Int(Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: offsets + 4 * i, as: Int32.self)))
        let end = Int(Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: offsets + 4 * (i + 1), as: Int32.self)))
        let base = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self) + data + start
        return interner.intern(base, end - start)
    }
}
