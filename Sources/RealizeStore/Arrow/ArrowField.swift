/// A column of an Arrow file as Realize reads it: name, value kind, dictionary encoding, hint.
struct ArrowField: Sendable {
    /// The value types Realize reads.
    enum Kind: Sendable, Equatable {
        case int(bits: Int, signed: Bool)
        case float(bits: Int)
        case decimal(scale: Int)
        case utf8
        case bool
        case date32
        /// Int32 marked `realize.type=period`.
        case period

        /// The Realize type the column becomes.
        var dataType: DataType {
            switch self {
            case .int: .int
            case .float: .double
            case .decimal: .decimal
            case .utf8: .text
            case .bool: .bool
            case .date32: .date
            case .period: .period
            }
        }

        /// Buffers after the validity bitmap: one, or two (offsets and data) for Utf8.
        var dataBuffers: Int { self == .utf8 ? 2 : 1 }
    }

    var name: String
    var kind: Kind
    /// The dictionary's id and its index type when the field is dictionary-encoded.
    var dictionary: (id: Int64, bits: Int, signed: Bool)?
    var display: DisplayHint?

    /// Reads a schema `Field`.
    ///
    /// - Throws: ``ArrowError`` for a type Realize does not read, naming the field.
    init(_ f: FlatBufferTableReader) throws(ArrowError) {
        let name = try f.string(0) ?? ""
        self.name = name
        self.kind = .bool
        let tag = try f.int(2, UInt8.self)
        let type = try f.table(3)
        var metadata: [String: String] = [:]
        for kv in try f.tables(6) { metadata[try kv.string(0) ?? ""] = try kv.string(1) ?? "" }
        display = metadata[ArrowMetadata.displayKey].flatMap(DisplayHint.init(arrowText:))
        func unsupported(_ what: String) -> ArrowError { ArrowError("column `\(name)` has the Arrow type \(what), which Realize does not read") }
        switch ArrowMetadata.TypeTag(rawValue: tag) {
        case .int:
            let bits = Int(try type?.int(0, Int32.self) ?? 0)
            let signed = try type?.bool(1) ?? false
            guard [8, 16, 32, 64].contains(bits) else { throw unsupported("Int\(bits)") }
            kind = metadata[ArrowMetadata.typeKey] == "period" && bits == 32 && signed ? .period : .int(bits: bits, signed: signed)
        case .floatingPoint:
            switch try type?.int(0, Int16.self) ?? 0 {
            case 1: kind = .float(bits: 32)
            case 2: kind = .float(bits: 64)
            default: throw unsupported("Float16")
            }
        case .decimal:
            let scale = Int(try type?.int(1, Int32.self) ?? 0)
            let width = try type?.int(2, Int32.self, default: 128) ?? 128
            guard width == 128 else { throw unsupported("Decimal\(width)") }
            guard (0...18).contains(scale) else {
                throw ArrowError("column `\(name)` is a decimal of scale \(scale); Realize keeps decimals of scale 0 to 18")
            }
            kind = .decimal(scale: scale)
        case .utf8: kind = .utf8
        case .bool: kind = .bool
        case .date:
            guard try type?.int(0, Int16.self, default: 1) == 0 else { throw unsupported("Date64") }
            kind = .date32
        case .largeUtf8: throw unsupported("LargeUtf8")
        case nil: throw unsupported("number \(tag)")
        }
        if let d = try f.table(4) {
            guard kind == .utf8 else { throw unsupported("dictionary of other values than Utf8") }
            let index = try d.table(1)
            let bits = Int(try index?.int(0, Int32.self) ?? 32)
            guard [8, 16, 32, 64].contains(bits) else { throw unsupported("dictionary index Int\(bits)") }
            dictionary = (try d.int(0, Int64.self), bits, try index?.bool(1) ?? true)
        }
    }
}
