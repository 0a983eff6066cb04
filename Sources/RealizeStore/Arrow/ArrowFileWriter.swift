/// Writes a ``Table`` in the Apache Arrow IPC file format (`ARROW1`, schema, dictionary batches, one
/// record batch, footer), which pyarrow, Polars and DuckDB read.
///
/// Type mapping: int → Int64; double → Float64; decimal → Decimal128(38, scale); text →
/// dictionary-encoded Utf8 with Int32 indices; date → Date32; period → Int32 with field metadata
/// `realize.type=period` (`year * 12 + month - 1`); bool → Boolean. A column with nulls has a
/// validity bitmap, one without has none. A display hint goes into the field metadata `realize.display`.
public enum ArrowFileWriter {
    /// The magic at both ends of an Arrow file.
    static let magic: [UInt8] = Array("ARROW1".utf8)

    /// The bytes of an Arrow file holding `table`.
    ///
    /// - Throws: ``ArrowError`` when the text of a column is too large for 32-bit offsets (2 GiB).
    public static func encode(_ table: Table) throws(ArrowError) -> [UInt8] {
        var file = magic + [0, 0]
        var fields: [FlatBufferTable] = []
        var batch = ArrowBody()
        var dictionaries: [(values: [String], id: Int64)] = []
        for (index, column) in table.columns.enumerated() {
            fields.append(field(column, dictionaryID: Int64(index)))
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
        file += magic
        return file
    }

    /// Writes `table` to `path` atomically (the file there, if any, is replaced only on success).
    public static func write(_ table: Table, to path: String) throws(ArrowError) {
        let bytes = try encode(table)
        do throws(AtomicFileError) {
            try AtomicFile.write(bytes, to: path)
        } catch {
            throw ArrowError(path: path, error.message)
        }
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
        var body = ArrowBody()
        body.nodes = [(dictionary.count, 0)]
        body.addEmpty()
        body.add(offsets)
        body.add(data)
        let record = ArrowMetadata.recordBatch(length: dictionary.count, nodes: body.nodes, buffers: body.buffers)
        let message = FlatBufferTable([(0, .int64(id)), (1, .table(record)), (2, .bool(false))])
        return writeMessage(ArrowMetadata.message(.dictionaryBatch, message, bodyLength: body.bytes.count), body: body.bytes, to: &file)
    }

    /// The schema field for `column`.
    static func field(_ column: Column, dictionaryID: Int64) -> FlatBufferTable {
        var metadata: [(String, String)] = []
        if let hint = column.display { metadata.append((ArrowMetadata.displayKey, hint.arrowText)) }
        let nullable = column.validity != nil
        switch column.storage {
        case .int:
            return ArrowMetadata.field(
                name: column.name, nullable: nullable, type: .int, typeTable: ArrowMetadata.intType(bits: 64, signed: true), dictionaryID: nil,
                metadata: metadata)
        case .double:
            return ArrowMetadata.field(
                name: column.name, nullable: nullable, type: .floatingPoint, typeTable: FlatBufferTable([(0, .int16(2))]), dictionaryID: nil,
                metadata: metadata)
        case .decimal(_, let scale):
            let type = FlatBufferTable([(0, .int32(38)), (1, .int32(Int32(scale))), (2, .int32(128))])
            return ArrowMetadata.field(name: column.name, nullable: nullable, type: .decimal, typeTable: type, dictionaryID: nil, metadata: metadata)
        case .text:
            return ArrowMetadata.field(
                name: column.name, nullable: nullable, type: .utf8, typeTable: FlatBufferTable(), dictionaryID: dictionaryID, metadata: metadata)
        case .date:
            return ArrowMetadata.field(
                name: column.name, nullable: nullable, type: .date, typeTable: FlatBufferTable([(0, .int16(0))]), dictionaryID: nil, metadata: metadata)
        case .period:
            return ArrowMetadata.field(
                name: column.name, nullable: nullable, type: .int, typeTable: ArrowMetadata.intType(bits: 32, signed: true), dictionaryID: nil,
                metadata: [(ArrowMetadata.typeKey, "period")] + metadata)
        case .bool:
            return ArrowMetadata.field(name: column.name, nullable: nullable, type: .bool, typeTable: FlatBufferTable(), dictionaryID: nil, metadata: metadata)
        }
    }
}
