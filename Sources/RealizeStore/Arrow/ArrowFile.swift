/// An Arrow IPC file opened for reading: mapped into memory, its metadata read and checked.
///
/// Opening reads only the footer, the schema and each message's metadata, and checks that every
/// buffer lies inside the file and is long enough; the values are copied into columns by
/// ``table()``, when wanted. Any offset or length out of place is an ``ArrowError`` naming the file.
public struct ArrowFile: Sendable {
    let mapping: MappedFile
    let fields: [ArrowField]
    let batches: [ArrowBatchLayout]
    /// Each dictionary's Utf8 array, by id.
    let dictionaries: [Int64: ArrowArrayLayout]
    /// The number of rows, over all record batches.
    public let rowCount: Int

    /// The path the file was opened from.
    public var path: String { mapping.path }
    /// The column names, in order.
    public var columnNames: [String] { fields.map(\.name) }

    /// Maps and checks the Arrow file at `path`.
    ///
    /// - Throws: ``ArrowError`` naming the file: missing, not an Arrow file, truncated, corrupt, or
    ///   holding a type Realize does not read.
    public static func open(_ path: String) throws(ArrowError) -> ArrowFile {
        let mapping = try MappedFile.map(path)
        do throws(ArrowError) {
            return try ArrowFile(mapping)
        } catch {
            throw error.at(path)
        }
    }

    /// Reads an Arrow file from memory (a ``MappedFile/init(copying:path:)`` copy, or a mapping).
    public static func read(_ mapping: MappedFile) throws(ArrowError) -> ArrowFile {
        do throws(ArrowError) {
            return try ArrowFile(mapping)
        } catch {
            throw error.at(mapping.path)
        }
    }

    init(_ mapping: MappedFile) throws(ArrowError) {
        self.mapping = mapping
        let bytes = mapping.bytes
        let magic = ArrowFileWriter.magic
        guard bytes.count >= 6, bytes.prefix(6).elementsEqual(magic) else {
            throw ArrowError("is not an Arrow IPC file: it does not start with ARROW1")
        }
        guard bytes.count >= 8 + 4 + 6 + 8, bytes.suffix(6).elementsEqual(magic) else {
            throw ArrowError("is truncated: it does not end with ARROW1 (\(bytes.count) bytes)")
        }
        let footerLength = Int(Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: bytes.count - 10, as: Int32.self)))
        let end = bytes.count - 10
        guard footerLength > 0, footerLength <= end - 8 else {
            throw ArrowError("is corrupt: its footer length \(footerLength) does not fit in \(bytes.count) bytes")
        }
        let footer = try FlatBufferReader(bytes, range: end - footerLength..<end, what: "the footer").root()
        guard let schema = try footer.table(1) else { throw ArrowError("is corrupt: the footer has no schema") }
        fields = try schema.tables(1).map { (f) throws(ArrowError) in try ArrowField(f) }
        var seen = Set<String>()
        for f in fields where !seen.insert(f.name).inserted {
            throw ArrowError("has two columns named `\(f.name)`; a table's column names are distinct")
        }
        let dataEnd = end - footerLength
        // Dictionaries: a Utf8 array each.
        var dictionaries: [Int64: ArrowArrayLayout] = [:]
        for (k, block) in try Self.blocks(footer, slot: 2).enumerated() {
            let (message, body, bodyLength) = try Self.message(bytes, block, dataEnd: dataEnd, what: "dictionary batch \(k + 1)")
            guard try message.int(1, UInt8.self) == ArrowMetadata.Header.dictionaryBatch.rawValue, let d = try message.table(2),
                let data = try d.table(1)
            else { throw ArrowError("is corrupt: dictionary batch \(k + 1) is not a dictionary batch") }
            if try d.bool(2) { throw ArrowError("holds a delta dictionary, which Realize does not read") }
            let layout = try ArrowBatchLayout.read(data, body: body, bodyLength: bodyLength, kinds: [(.utf8, 0)])
            dictionaries[try d.int(0, Int64.self)] = layout.arrays[0]
        }
        self.dictionaries = dictionaries
        var kinds: [(kind: ArrowField.Kind, width: Int)] = []
        for f in fields {
            if let d = f.dictionary {
                guard dictionaries[d.id] != nil else { throw ArrowError("is corrupt: column `\(f.name)` has no dictionary batch") }
                kinds.append((.int(bits: d.bits, signed: d.signed), d.bits / 8))
            } else {
                kinds.append((f.kind, Self.width(f.kind)))
            }
        }
        var batches: [ArrowBatchLayout] = []
        for (k, block) in try Self.blocks(footer, slot: 3).enumerated() {
            let (message, body, bodyLength) = try Self.message(bytes, block, dataEnd: dataEnd, what: "record batch \(k + 1)")
            guard try message.int(1, UInt8.self) == ArrowMetadata.Header.recordBatch.rawValue, let batch = try message.table(2) else {
                throw ArrowError("is corrupt: record batch \(k + 1) is not a record batch")
            }
            batches.append(try ArrowBatchLayout.read(batch, body: body, bodyLength: bodyLength, kinds: kinds))
        }
        self.batches = batches
        rowCount = batches.reduce(0) { $0 + $1.length }
    }

    /// Bytes per value of a fixed-width kind (0 for Utf8, whose offsets are checked apart).
    static func width(_ kind: ArrowField.Kind) -> Int {
        switch kind {
        case .int(let bits, _), .float(let bits): bits / 8
        case .decimal: 16
        case .date32, .period: 4
        case .utf8, .bool: 0
        }
    }

    /// The `Block`s of the footer's vector in `slot`: offset, metadata length, body length.
    static func blocks(_ footer: FlatBufferTableReader, slot: Int) throws(ArrowError) -> [(offset: Int, metadata: Int, body: Int)] {
        guard let (start, n) = try footer.vector(slot, stride: 24) else { return [] }
        var out: [(offset: Int, metadata: Int, body: Int)] = []
        let r = footer.reader
        for k in 0..<n {
            let at = start + 24 * k
            out.append((Int(try r.load(Int64.self, at: at)), Int(try r.load(Int32.self, at: at + 8)), Int(try r.load(Int64.self, at: at + 16))))
        }
        return out
    }

    /// The `Message` of a block, and where its body starts and how long it is.
    static func message(
        _ bytes: UnsafeRawBufferPointer, _ block: (offset: Int, metadata: Int, body: Int), dataEnd: Int, what: String
    ) throws(ArrowError) -> (FlatBufferTableReader, Int, Int) {
        guard block.offset >= 8, block.metadata >= 8, block.body >= 0, block.offset <= dataEnd, block.metadata <= dataEnd - block.offset,
            block.body <= dataEnd - block.offset - block.metadata
        else {
            throw ArrowError("is corrupt: \(what) (offset \(block.offset), \(block.metadata) + \(block.body) bytes) lies outside the file")
        }
        var start = block.offset
        let prefix = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: start, as: UInt32.self))
        if prefix == 0xFFFF_FFFF { start += 4 }
        let length = Int(Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: start, as: Int32.self)))
        start += 4
        guard length >= 8, length <= block.offset + block.metadata - start else {
            throw ArrowError("is corrupt: \(what) has metadata of \(length) bytes in a block of \(block.metadata)")
        }
        let message = try FlatBufferReader(bytes, range: start..<start + length, what: what).root()
        return (message, block.offset + block.metadata, block.body)
    }
}
