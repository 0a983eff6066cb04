@testable import RealizeStore

/// The Arrow writer as it was before it streamed (the whole file built in one array), kept as the
/// reference the streamed bytes must equal.
enum LegacyArrowEncoder {
    static func encode(_ table: Table) throws(ArrowError) -> [UInt8] {
        var file = ArrowFileWriter.magic + [0, 0]
        var fields: [FlatBufferTable] = []
        var batch = LegacyArrowBody()
        var dictionaries: [(values: [String], id: Int64)] = []
        for (index, column) in table.columns.enumerated() {
            fields.append(ArrowFileWriter.field(column, dictionaryID: Int64(index)))
            batch.nodes.append((column.count, column.nullCount))
            batch.addValidity(column.validity, count: column.count)
            switch column.storage {
            case .int(let a): batch.add(a)
            case .double(let a): batch.add(a)
            case .decimal(let a, _): batch.add(a.widened)  // Decimal128 on disk, whatever the width in memory
            case .date(let a), .period(let a): batch.add(a)
            case .bool(let a): batch.addBits(a)
            case .text(let codes, let dictionary):
                batch.add(codes)  // UInt32 codes below 2^31 are the same bytes as Int32 indices
                dictionaries.append((dictionary, Int64(index)))
            }
        }
        let schema = ArrowMetadata.schema(fields)
        // The schema message opens the stream part of the file.
        _ = writeMessage(ArrowMetadata.message(.schema, schema, bodyLength: 0), body: [], to: &file)
        let record = ArrowMetadata.recordBatch(length: table.rowCount, nodes: batch.nodes, buffers: batch.buffers)
        var dictionaryBlocks: [(offset: Int, metadata: Int, body: Int)] = []
        for (values, id) in dictionaries { dictionaryBlocks.append(try writeDictionary(values, id: id, to: &file)) }
        var blocks: [(offset: Int, metadata: Int, body: Int)] = []
        blocks.append(writeMessage(ArrowMetadata.message(.recordBatch, record, bodyLength: batch.bytes.count), body: batch.bytes, to: &file))
        file += [0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0]  // end-of-stream marker
        let footer = FlatBufferEncoder.encode(ArrowMetadata.footer(schema: schema, dictionaries: dictionaryBlocks, batches: blocks))
        file += footer
        ArrowMetadata.append(Int32(footer.count), to: &file)
        file += ArrowFileWriter.magic
        return file
    }

    /// Appends an encapsulated message (continuation, metadata length, flatbuffer, body); returns its block.
    @discardableResult
    static func writeMessage(_ message: FlatBufferTable, body: [UInt8], to file: inout [UInt8]) -> (offset: Int, metadata: Int, body: Int) {
        let offset = file.count
        let metadata = FlatBufferEncoder.encode(message)  // a multiple of 8 bytes long
        file += [0xFF, 0xFF, 0xFF, 0xFF]
        ArrowMetadata.append(Int32(metadata.count), to: &file)
        file += metadata
        file += body
        return (offset, 8 + metadata.count, body.count)
    }

    /// Writes a dictionary batch of Utf8 values.
    static func writeDictionary(_ dictionary: [String], id: Int64, to file: inout [UInt8]) throws(ArrowError) -> (offset: Int, metadata: Int, body: Int) {
        var offsets: [Int32] = [0]
        offsets.reserveCapacity(dictionary.count + 1)
        var data: [UInt8] = []
        for s in dictionary {
            data.append(contentsOf: s.utf8)
            guard data.count <= Int(Int32.max) else { throw ArrowError("a text column holds more than 2 GiB of distinct text") }
            offsets.append(Int32(data.count))
        }
        var body = LegacyArrowBody()
        body.nodes = [(dictionary.count, 0)]
        body.addEmpty()
        body.add(offsets)
        body.add(data)
        let record = ArrowMetadata.recordBatch(length: dictionary.count, nodes: body.nodes, buffers: body.buffers)
        let message = FlatBufferTable([(0, .int64(id)), (1, .table(record)), (2, .bool(false))])
        return writeMessage(ArrowMetadata.message(.dictionaryBatch, message, bodyLength: body.bytes.count), body: body.bytes, to: &file)
    }

}

/// The old `ArrowBody`: the body of one IPC message being written: buffers at 64-byte aligned offsets, with their
/// (offset, length) pairs and the (length, null count) node of each array.
struct LegacyArrowBody {
    var bytes: [UInt8] = []
    var buffers: [(Int, Int)] = []
    var nodes: [(Int, Int)] = []

    /// Appends a buffer from raw memory.
    mutating func add(_ raw: UnsafeRawBufferPointer) {
        let start = bytes.count
        bytes.append(contentsOf: raw)
        buffers.append((start, raw.count))
        while bytes.count % 64 != 0 { bytes.append(0) }
    }

    /// Appends the bytes of an array of fixed-width values.
    mutating func add<T>(_ values: [T]) {
        values.withUnsafeBytes { add($0) }
    }

    /// Appends an empty buffer (an absent validity bitmap).
    mutating func addEmpty() { buffers.append((bytes.count, 0)) }

    /// Appends a validity buffer (LSB first, 1 = valid), or an empty one when there are no nulls.
    mutating func addValidity(_ bitmap: Bitmap?, count: Int) {
        guard let bitmap, bitmap.popCount != bitmap.count else { return addEmpty() }
        bitmap.words.withUnsafeBytes { add(UnsafeRawBufferPointer(rebasing: $0[0..<(count + 7) / 8])) }
    }

    /// Appends the bit-packed values of a boolean array.
    mutating func addBits(_ values: [Bool]) {
        var packed = [UInt8](repeating: 0, count: (values.count + 7) / 8)
        for (i, v) in values.enumerated() where v { packed[i >> 3] |= 1 << UInt8(i & 7) }
        add(packed)
    }
}
