/// Everything about an Arrow file of a table but its buffers' bytes: the schema, the record batch's
/// layout and each dictionary's size. Made first (it is where a too-large text column is refused), so
/// that writing the file can stream without failing half-way for a reason of its own.
struct ArrowFilePlan {
    let table: Table
    let schema: FlatBufferTable
    let record: ArrowBodyLayout
    /// The text columns' dictionaries with their ids and the layout of their batches.
    let dictionaries: [(values: [String], id: Int64, layout: ArrowBodyLayout)]

    /// - Throws: ``ArrowError`` when the text of a column is too large for 32-bit offsets (2 GiB).
    init(_ table: Table) throws(ArrowError) {
        self.table = table
        var fields: [FlatBufferTable] = []
        var dictionaries: [(values: [String], id: Int64, layout: ArrowBodyLayout)] = []
        for (index, column) in table.columns.enumerated() {
            fields.append(ArrowFileWriter.field(column, dictionaryID: Int64(index)))
            if case .text(_, let dictionary) = column.storage {
                var bytes = 0
                for s in dictionary {
                    bytes += s.utf8.count
                    guard bytes <= Int(Int32.max) else { throw ArrowError("a text column holds more than 2 GiB of distinct text") }
                }
                dictionaries.append((dictionary, Int64(index), ArrowBodyLayout(dictionary: dictionary.count, bytes: bytes)))
            }
        }
        schema = ArrowMetadata.schema(fields)
        record = ArrowBodyLayout(table)
        self.dictionaries = dictionaries
    }

    /// About the file's size: its bodies (for reserving an array).
    var estimatedSize: Int { dictionaries.reduce(record.length) { $0 + $1.layout.length } + 4096 }

    /// Writes the file: magic, schema, dictionary batches, the record batch, end-of-stream, footer, magic.
    func write<S: ArrowSink>(to out: inout S) {
        out.write(ArrowFileWriter.magic + [0, 0])
        // The schema message opens the stream part of the file.
        ArrowFileWriter.writeMessage(ArrowMetadata.message(.schema, schema, bodyLength: 0), bodyLength: 0, to: &out)
        var dictionaryBlocks: [(offset: Int, metadata: Int, body: Int)] = []
        for (values, id, layout) in dictionaries {
            let batch = ArrowMetadata.recordBatch(length: values.count, nodes: layout.nodes, buffers: layout.buffers)
            let message = FlatBufferTable([(0, .int64(id)), (1, .table(batch)), (2, .bool(false))])
            dictionaryBlocks.append(
                ArrowFileWriter.writeMessage(ArrowMetadata.message(.dictionaryBatch, message, bodyLength: layout.length), bodyLength: layout.length, to: &out) {
                    ArrowBodyWriter.writeDictionary(values, to: &$0)
                })
        }
        let batch = ArrowMetadata.recordBatch(length: table.rowCount, nodes: record.nodes, buffers: record.buffers)
        let block = ArrowFileWriter.writeMessage(ArrowMetadata.message(.recordBatch, batch, bodyLength: record.length), bodyLength: record.length, to: &out) {
            ArrowBodyWriter.writeRecord(table, to: &$0)
        }
        out.write([0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0] as [UInt8])  // end-of-stream marker
        let footer = FlatBufferEncoder.encode(ArrowMetadata.footer(schema: schema, dictionaries: dictionaryBlocks, batches: [block]))
        out.write(footer)
        var tail: [UInt8] = []
        ArrowMetadata.append(Int32(footer.count), to: &tail)
        out.write(tail + ArrowFileWriter.magic)
    }
}
