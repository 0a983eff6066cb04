/// Where one array of a record batch lies in the file: its length, null count and buffers, all
/// checked to lie inside the message's body and to be long enough for the array.
struct ArrowArrayLayout: Sendable {
    var length: Int
    var nullCount: Int
    /// The validity bitmap's bytes; nil when there are no nulls.
    var validity: Range<Int>?
    /// The data buffers (values; or offsets then bytes for Utf8), as absolute byte ranges.
    var buffers: [Range<Int>]
}

/// One record batch: its row count and an array per column.
struct ArrowBatchLayout: Sendable {
    var length: Int
    var arrays: [ArrowArrayLayout]
}

extension ArrowBatchLayout {
    /// Reads a `RecordBatch` table whose body starts at `body` and is `bodyLength` bytes long, with
    /// one array per field of `kinds` (a field's index type when it is dictionary-encoded).
    static func read(
        _ batch: FlatBufferTableReader, body: Int, bodyLength: Int, kinds: [(kind: ArrowField.Kind, width: Int)]
    ) throws(ArrowError) -> ArrowBatchLayout {
        let r = batch.reader
        let length = try batch.int(0, Int64.self)
        guard length >= 0, length <= Int64(Int32.max) * 64 else { throw r.fail("a record batch of \(length) rows") }
        if try batch.table(3) != nil { throw ArrowError("the file's buffers are compressed, which Realize does not read") }
        let nodes = try batch.vector(1, stride: 16) ?? (0, 0)
        let buffers = try batch.vector(2, stride: 16) ?? (0, 0)
        var nodeIndex = 0
        var bufferIndex = 0
        var arrays: [ArrowArrayLayout] = []
        for (kind, width) in kinds {
            guard nodeIndex < nodes.count else { throw r.fail("the record batch has \(nodes.count) arrays for \(kinds.count) columns") }
            let n = Int(try r.load(Int64.self, at: nodes.start + 16 * nodeIndex))
            let nulls = Int(try r.load(Int64.self, at: nodes.start + 16 * nodeIndex + 8))
            nodeIndex += 1
            guard n == Int(length), nulls >= 0, nulls <= n else { throw r.fail("an array of \(n) rows with \(nulls) nulls in a batch of \(length)") }
            let wanted = 1 + kind.dataBuffers
            guard bufferIndex + wanted <= buffers.count else { throw r.fail("the record batch lists too few buffers") }
            var ranges: [Range<Int>] = []
            for k in 0..<wanted {
                let at = buffers.start + 16 * (bufferIndex + k)
                let offset = try r.load(Int64.self, at: at)
                let size = try r.load(Int64.self, at: at + 8)
                guard offset >= 0, size >= 0, offset <= Int64(bodyLength), size <= Int64(bodyLength) - offset else {
                    throw r.fail("buffer \(bufferIndex + k) (offset \(offset), length \(size)) lies outside the body of \(bodyLength) bytes")
                }
                ranges.append(body + Int(offset)..<body + Int(offset) + Int(size))
            }
            bufferIndex += wanted
            let validity = nulls > 0 ? ranges[0] : nil
            if let validity, validity.count < (n + 7) / 8 { throw r.fail("a validity bitmap too short for \(n) rows") }
            let data = Array(ranges.dropFirst())
            let needed: Int
            switch kind {
            case .utf8 where width == 0: needed = n == 0 ? 0 : (n + 1) * 4
            case .bool: needed = (n + 7) / 8
            default: needed = n * width
            }
            guard data[0].count >= needed else { throw r.fail("a buffer of \(data[0].count) bytes is too short for \(n) rows") }
            arrays.append(ArrowArrayLayout(length: n, nullCount: nulls, validity: validity, buffers: data))
        }
        return ArrowBatchLayout(length: Int(length), arrays: arrays)
    }
}
