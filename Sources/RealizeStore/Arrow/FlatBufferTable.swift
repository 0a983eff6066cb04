/// A FlatBuffers table to encode: its fields by slot (the field's position in the schema, from 0).
///
/// Only what Arrow's metadata needs: scalars, strings, nested tables, vectors of tables and
/// vectors of structs (given as raw little-endian bytes). Encoded by ``FlatBufferEncoder``.
struct FlatBufferTable: Sendable {
    var fields: [(slot: Int, value: FlatBufferValue)] = []

    init(_ fields: [(slot: Int, value: FlatBufferValue)] = []) { self.fields = fields }

    /// Adds a field (nil adds nothing: the field is absent).
    mutating func add(_ slot: Int, _ value: FlatBufferValue?) {
        if let value { fields.append((slot, value)) }
    }
}

/// One field's value in a ``FlatBufferTable``.
indirect enum FlatBufferValue: Sendable {
    case uint8(UInt8)
    case bool(Bool)
    case int16(Int16)
    case int32(Int32)
    case int64(Int64)
    case table(FlatBufferTable)
    case string(String)
    case tables([FlatBufferTable])
    /// A vector of `count` structs of `stride` bytes each, aligned to `alignment`.
    case structs(bytes: [UInt8], count: Int, alignment: Int)

    /// Bytes the value takes inside its table (an offset is 4).
    var inlineSize: Int {
        switch self {
        case .uint8, .bool: 1
        case .int16: 2
        case .int32, .table, .string, .tables, .structs: 4
        case .int64: 8
        }
    }
}
