import Dispatch
import Synchronization

extension ArrowFile {
    /// The table the file holds, its values copied out of the mapping.
    ///
    /// - Throws: ``ArrowError`` for values Realize cannot keep: text offsets out of order or not
    ///   UTF-8 boundaries, dictionary indices outside the dictionary, an unsigned 64-bit value past Int64.
    /// - Complexity: O(rows × columns), mostly `memcpy`.
    public func table() throws(ArrowError) -> Table {
        var columns: [Column] = []
        if fields.count > 1 && rowCount >= 100_000 {
            // Large tables: the columns are copied in parallel, one per task.
            let results = ColumnResults(count: fields.count)
            DispatchQueue.concurrentPerform(iterations: fields.count) { k in
                let result: Result<Column, ArrowError>
                do throws(ArrowError) { result = .success(try column(k)) } catch { result = .failure(error) }
                results.set(k, result)
            }
            for result in results.all() { columns.append(try result.get()) }
        } else {
            for k in fields.indices { columns.append(try column(k)) }
        }
        return Table(columns: columns, rowCount: rowCount)
    }

    /// Column `k`, all batches concatenated.
    func column(_ k: Int) throws(ArrowError) -> Column {
        let field = fields[k]
        let arrays = batches.map { $0.arrays[k] }
        let decoder = ArrowColumnDecoder(bytes: mapping.bytes, name: field.name)
        let storage: ColumnStorage
        do throws(ArrowError) {
            if let d = field.dictionary, let dictionary = dictionaries[d.id] {
                storage = try decoder.dictionaryText(arrays, dictionary: dictionary, bits: d.bits, signed: d.signed)
            } else {
                switch field.kind {
                case .int(64, true): storage = .int(decoder.copy(arrays, as: Int64.self))
                case .int(let bits, let signed): storage = .int(try decoder.widened(arrays, bits: bits, signed: signed))
                case .float(64): storage = .double(decoder.copy(arrays, as: Double.self))
                case .float: storage = .double(decoder.copy(arrays, as: Float.self).map(Double.init))
                case .decimal(let scale): storage = .decimal(decoder.copy(arrays, as: Int128.self), scale: scale)
                case .date32: storage = .date(decoder.copy(arrays, as: Int32.self))
                case .period: storage = .period(decoder.copy(arrays, as: Int32.self))
                case .bool: storage = .bool(decoder.bits(arrays))
                case .utf8: storage = try decoder.plainText(arrays)
                }
            }
        } catch {
            throw error.at(path)
        }
        return Column(name: field.name, storage: storage, validity: decoder.validity(arrays), display: field.display)
    }
}

/// The columns of ``ArrowFile/table()`` as parallel tasks finish them.
private final class ColumnResults: Sendable {
    private let slots: Mutex<[Result<Column, ArrowError>?]>

    init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }

    func set(_ k: Int, _ result: Result<Column, ArrowError>) { slots.withLock { $0[k] = result } }

    /// Every result, in column order (each task has set its own).
    func all() -> [Result<Column, ArrowError>] {
        slots.withLock { $0.map { $0 ?? .failure(ArrowError("a column was not read")) } }
    }
}
