/// Writes the buffers of a message body straight from the columns' arrays, in the order and with the
/// padding of ``ArrowBodyLayout``; conversions (narrow decimals to Decimal128, bools to bits) go a
/// chunk at a time, so nothing the size of a column is allocated.
enum ArrowBodyWriter {
    /// Values converted per chunk.
    static let chunk = 1 << 16

    /// Writes the record batch body of `table`, laid out as ``ArrowBodyLayout/init(_:)`` says.
    static func writeRecord<S: ArrowSink>(_ table: Table, to out: inout S) {
        for column in table.columns {
            if ArrowBodyLayout.hasValidity(column), let bitmap = column.validity {
                bitmap.words.withUnsafeBytes { out.writeBuffer(UnsafeRawBufferPointer(rebasing: $0[0..<(column.count + 7) / 8])) }
            }
            switch column.storage {
            case .int(let a): a.withUnsafeBytes { out.writeBuffer($0) }
            case .double(let a): a.withUnsafeBytes { out.writeBuffer($0) }
            case .decimal(let units, _):
                switch units.storage {
                case .wide(let a): a.withUnsafeBytes { out.writeBuffer($0) }
                case .narrow(let a): writeWidened(a, to: &out)
                }
            case .date(let a), .period(let a): a.withUnsafeBytes { out.writeBuffer($0) }
            case .text(let codes, _): codes.withUnsafeBytes { out.writeBuffer($0) }  // UInt32 codes below 2^31 are Int32 indices
            case .bool(let a): writeBits(a, to: &out)
            }
        }
    }

    /// Writes 64-bit decimal units as Decimal128, then the padding.
    static func writeWidened<S: ArrowSink>(_ values: [Int64], to out: inout S) {
        var wide = [Int128](repeating: 0, count: min(chunk, values.count))
        values.withUnsafeBufferPointer { v in
            var start = 0
            while start < v.count {
                let n = min(chunk, v.count - start)
                for i in 0..<n { wide[i] = Int128(v[start + i]) }
                wide.withUnsafeBytes { out.write(UnsafeRawBufferPointer(rebasing: $0[0..<n * 16])) }
                start += n
            }
        }
        out.writeZeros(ArrowBodyLayout.padded(values.count * 16) - values.count * 16)
    }

    /// Writes booleans bit-packed (LSB first), then the padding.
    static func writeBits<S: ArrowSink>(_ values: [Bool], to out: inout S) {
        var packed = [UInt8](repeating: 0, count: min(chunk, values.count) / 8 + 1)
        values.withUnsafeBufferPointer { v in
            var start = 0
            while start < v.count {
                let n = min(chunk, v.count - start)  // a multiple of 8 except at the end
                let bytes = (n + 7) / 8
                for j in 0..<bytes { packed[j] = 0 }
                for i in 0..<n where v[start + i] { packed[i >> 3] |= 1 << UInt8(i & 7) }
                packed.withUnsafeBytes { out.write(UnsafeRawBufferPointer(rebasing: $0[0..<bytes])) }
                start += n
            }
        }
        let length = (values.count + 7) / 8
        out.writeZeros(ArrowBodyLayout.padded(length) - length)
    }

    /// Writes a dictionary batch body of Utf8 values: an empty validity, the Int32 offsets, the text.
    static func writeDictionary<S: ArrowSink>(_ dictionary: [String], to out: inout S) {
        var offsets: [Int32] = [0]
        offsets.reserveCapacity(min(chunk, dictionary.count + 1))
        var end = 0
        for s in dictionary {
            if offsets.count == chunk {
                out.write(offsets)
                offsets.removeAll(keepingCapacity: true)
            }
            end += s.utf8.count
            offsets.append(Int32(end))
        }
        out.write(offsets)
        let offsetBytes = (dictionary.count + 1) * 4
        out.writeZeros(ArrowBodyLayout.padded(offsetBytes) - offsetBytes)
        for var s in dictionary { s.withUTF8 { out.write(UnsafeRawBufferPointer($0)) } }
        out.writeZeros(ArrowBodyLayout.padded(end) - end)
    }
}
