/// Builders for the Arrow IPC metadata tables (Schema.fbs, Message.fbs, File.fbs), by slot number.
enum ArrowMetadata {
    /// `MetadataVersion.V5`.
    static let version: Int16 = 4
    /// The `MessageHeader` union's tags.
    enum Header: UInt8 {
        case schema = 1
        case dictionaryBatch = 2
        case recordBatch = 3
    }
    /// The `Type` union's tags that Realize reads or writes.
    enum TypeTag: UInt8 {
        case int = 2
        case floatingPoint = 3
        case utf8 = 5
        case bool = 6
        case decimal = 7
        case date = 8
        case largeUtf8 = 20
    }

    /// The field key that marks an Int32 column as a Realize period.
    static let typeKey = "realize.type"
    /// The field key holding a column's display hint.
    static let displayKey = "realize.display"

    static func intType(bits: Int32, signed: Bool) -> FlatBufferTable {
        FlatBufferTable([(0, .int32(bits)), (1, .bool(signed))])
    }

    /// One `Field` of the schema: the value type, its dictionary encoding if any, and key-value metadata.
    static func field(name: String, nullable: Bool, type: TypeTag, typeTable: FlatBufferTable, dictionaryID: Int64?, metadata: [(String, String)])
        -> FlatBufferTable
    {
        var f = FlatBufferTable()
        f.add(0, .string(name))
        f.add(1, .bool(nullable))
        f.add(2, .uint8(type.rawValue))
        f.add(3, .table(typeTable))
        if let id = dictionaryID {
            f.add(4, .table(FlatBufferTable([(0, .int64(id)), (1, .table(intType(bits: 32, signed: true))), (2, .bool(false))])))
        }
        f.add(5, .tables([]))  // Arrow's C++ reader wants the children vector even when it is empty
        if !metadata.isEmpty { f.add(6, .tables(metadata.map { keyValue($0.0, $0.1) })) }
        return f
    }

    static func keyValue(_ key: String, _ value: String) -> FlatBufferTable {
        FlatBufferTable([(0, .string(key)), (1, .string(value))])
    }

    static func schema(_ fields: [FlatBufferTable]) -> FlatBufferTable {
        FlatBufferTable([(0, .int16(0)), (1, .tables(fields))])
    }

    static func message(_ header: Header, _ table: FlatBufferTable, bodyLength: Int) -> FlatBufferTable {
        FlatBufferTable([(0, .int16(version)), (1, .uint8(header.rawValue)), (2, .table(table)), (3, .int64(Int64(bodyLength)))])
    }

    /// A `RecordBatch`: its length, a (length, null count) node per array and an (offset, length) per buffer.
    static func recordBatch(length: Int, nodes: [(Int, Int)], buffers: [(Int, Int)]) -> FlatBufferTable {
        FlatBufferTable([
            (0, .int64(Int64(length))),
            (1, .structs(bytes: pairs(nodes), count: nodes.count, alignment: 8)),
            (2, .structs(bytes: pairs(buffers), count: buffers.count, alignment: 8)),
        ])
    }

    /// A `File.fbs` `Block`: offset, metadata length (with its 4 bytes of padding) and body length.
    static func blocks(_ blocks: [(offset: Int, metadata: Int, body: Int)]) -> FlatBufferValue {
        var raw: [UInt8] = []
        for b in blocks {
            append(Int64(b.offset), to: &raw)
            append(Int32(b.metadata), to: &raw)
            append(Int32(0), to: &raw)
            append(Int64(b.body), to: &raw)
        }
        return .structs(bytes: raw, count: blocks.count, alignment: 8)
    }

    static func footer(schema: FlatBufferTable, dictionaries: [(offset: Int, metadata: Int, body: Int)], batches: [(offset: Int, metadata: Int, body: Int)])
        -> FlatBufferTable
    {
        FlatBufferTable([(0, .int16(version)), (1, .table(schema)), (2, blocks(dictionaries)), (3, blocks(batches))])
    }

    private static func pairs(_ items: [(Int, Int)]) -> [UInt8] {
        var raw: [UInt8] = []
        raw.reserveCapacity(items.count * 16)
        for (a, b) in items {
            append(Int64(a), to: &raw)
            append(Int64(b), to: &raw)
        }
        return raw
    }

    static func append<T: FixedWidthInteger>(_ v: T, to raw: inout [UInt8]) {
        withUnsafeBytes(of: v.littleEndian) { raw.append(contentsOf: $0) }
    }
}
