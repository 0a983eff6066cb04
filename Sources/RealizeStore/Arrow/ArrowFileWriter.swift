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
        let plan = try ArrowFilePlan(table)
        var file: [UInt8] = []
        file.reserveCapacity(plan.estimatedSize)
        plan.write(to: &file)
        return file
    }

    /// Writes `table` to `path` atomically (the file there, if any, is replaced only on success).
    ///
    /// The file is streamed message by message and buffer by buffer from the columns' arrays: its
    /// bytes are never all in memory. They are the bytes ``encode(_:)`` returns.
    ///
    /// - Parameter shouldStop: polled between megabytes; when it says so, nothing is replaced.
    public static func write(_ table: Table, to path: String, shouldStop: () -> Bool = { false }) throws(ArrowError) {
        let plan = try ArrowFilePlan(table)
        do throws(AtomicFileError) {
            try AtomicFile.write(to: path, shouldStop: shouldStop) { plan.write(to: &$0) }
        } catch {
            throw ArrowError(path: path, error.message, write: error)
        }
    }

    /// Writes an encapsulated message (continuation, metadata length, flatbuffer), then its body
    /// through `body`; returns its block.
    @discardableResult
    static func writeMessage<S: ArrowSink>(
        _ message: FlatBufferTable, bodyLength: Int, to out: inout S, body: (inout S) -> Void = { _ in }
    ) -> (offset: Int, metadata: Int, body: Int) {
        let offset = out.count
        let metadata = FlatBufferEncoder.encode(message)  // a multiple of 8 bytes long
        var prefix: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF]
        ArrowMetadata.append(Int32(metadata.count), to: &prefix)
        out.write(prefix)
        out.write(metadata)
        body(&out)
        return (offset, 8 + metadata.count, bodyLength)
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
