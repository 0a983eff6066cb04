import RealizeStore

/// The kernel of `if`/`case` and `coalesce`: each row takes its value from one of several columns, chosen per
/// row, gathered a column at a time over typed buffers (no per-row ``Value``).
///
/// The result is the column a ``ColumnBuilder`` of the result type would build from the chosen values: decimals
/// at the widest scale among the chosen values (ints at scale 0), text with its dictionary in order of first
/// appearance, null slots holding zero, and a validity only when some row is null. Where the builder would
/// convert or narrow (a decimal that does not fit the widest scale, a type it converts through values), the
/// kernel declines and the caller builds the column row by row.
enum ChosenValues {
    /// The value of row `i` is row `i` of `columns[chosen[i]]`; a negative choice gives null. Nil when the
    /// columns' types need the row-by-row builder.
    static func gather(_ columns: [Column], chosen: [Int32], type t: DataType) -> Column? {
        let n = chosen.count
        guard columns.allSatisfy({ $0.count == n }) else { return nil }
        // Row i is null when nothing is chosen or the chosen value is null.
        var valid = Bitmap(count: n, value: true)
        var hasNull = false
        let words = columns.map { $0.validity?.words ?? [] }
        chosen.withUnsafeBufferPointer { ch in
            valid.words.withUnsafeMutableBufferPointer { out in
                for i in 0..<n {
                    let k = Int(ch[i])
                    guard k < 0 || !words[k].isEmpty && words[k][i >> 6] & (1 << UInt64(i & 63)) == 0 else { continue }
                    out[i >> 6] &= ~(1 << UInt64(i & 63))
                    hasNull = true
                }
            }
        }
        let validity = hasNull ? valid : nil
        let storage: ColumnStorage?
        switch t {
        case .int: storage = pick(columns.map { if case .int(let a) = $0.storage { a } else { nil } }, chosen, validity, zero: 0).map { .int($0) }
        case .double:
            storage = pick(columns.map(doubles), chosen, validity, zero: 0).map { .double($0) }
        case .date: storage = pick(columns.map { if case .date(let a) = $0.storage { a } else { nil } }, chosen, validity, zero: 0).map { .date($0) }
        case .period:
            storage = pick(columns.map { if case .period(let a) = $0.storage { a } else { nil } }, chosen, validity, zero: 0).map { .period($0) }
        case .bool:
            storage = pick(columns.map { if case .bool(let a) = $0.storage { a } else { nil } }, chosen, validity, zero: false).map { .bool($0) }
        case .decimal: storage = decimals(columns, chosen, validity)
        case .text: storage = text(columns, chosen, validity)
        }
        return storage.map { Column(name: "", storage: $0, validity: validity) }
    }

    /// Row `i` of `arrays[chosen[i]]` (zero where null); nil when some chosen column has no buffer of this type.
    private static func pick<T>(_ arrays: [[T]?], _ chosen: [Int32], _ validity: Bitmap?, zero: T) -> [T]? {
        let used = Set(chosen.lazy.filter { $0 >= 0 }.map(Int.init))
        guard used.allSatisfy({ arrays[$0] != nil }) else { return nil }
        let buffers = arrays.map { $0 ?? [] }
        var out = [T](repeating: zero, count: chosen.count)
        let words = validity?.words ?? []
        out.withUnsafeMutableBufferPointer { o in
            chosen.withUnsafeBufferPointer { ch in
                for i in 0..<ch.count where words.isEmpty || words[i >> 6] & (1 << UInt64(i & 63)) != 0 { o[i] = buffers[Int(ch[i])][i] }
            }
        }
        return out
    }

    /// Doubles of a double column, or of an int column (as the builder converts them); nil for other types.
    private static func doubles(_ c: Column) -> [Double]? {
        switch c.storage {
        case .double(let a): return a
        case .int(let a): return a.map(Double.init)
        default: return nil
        }
    }

    /// Decimals at the widest scale among the chosen values (ints at scale 0), or nil when one of them does not
    /// fit at that scale (the builder then narrows).
    private static func decimals(_ columns: [Column], _ chosen: [Int32], _ validity: Bitmap?) -> ColumnStorage? {
        var units: [DecimalUnits?] = []
        var scales: [Int] = []
        for c in columns {
            switch c.storage {
            case .decimal(let a, let s): units.append(a); scales.append(s)
            case .int(let a): units.append(DecimalUnits(narrow: a)); scales.append(0)
            default: units.append(nil); scales.append(0)
            }
        }
        var used = [Bool](repeating: false, count: columns.count)
        for i in 0..<chosen.count where validity?[i] ?? true { used[Int(chosen[i])] = true }
        guard used.indices.allSatisfy({ !used[$0] || units[$0] != nil }) else { return nil }
        let scale = used.indices.filter { used[$0] }.map { scales[$0] }.max() ?? 0
        let factors = scales.map { FixedDecimal.pow10[scale - min(scale, $0)] }
        let buffers = units.map { $0 ?? DecimalUnits(narrow: []) }
        var out = [Int128](repeating: 0, count: chosen.count)
        for i in 0..<chosen.count where validity?[i] ?? true {
            let k = Int(chosen[i])
            let (r, o) = buffers[k][i].multipliedReportingOverflow(by: factors[k])
            if o { return nil }
            out[i] = r
        }
        return .decimal(out, scale: scale)
    }

    /// Text codes into one dictionary of the chosen values, in order of first appearance.
    private static func text(_ columns: [Column], _ chosen: [Int32], _ validity: Bitmap?) -> ColumnStorage? {
        var sources: [(codes: [UInt32], dictionary: [String])?] = []
        for c in columns {
            if case .text(let codes, let dict) = c.storage { sources.append((codes, dict)) } else { sources.append(nil) }
        }
        var remap = sources.map { [Int32](repeating: -1, count: $0?.dictionary.count ?? 0) }
        var dictionary: [String] = []
        var lookup: [String: UInt32] = [:]
        var out = [UInt32](repeating: 0, count: chosen.count)
        for i in 0..<chosen.count where validity?[i] ?? true {
            let k = Int(chosen[i])
            guard let source = sources[k] else { return nil }
            let code = Int(source.codes[i])
            if remap[k][code] < 0 {
                let s = source.dictionary[code]
                if let known = lookup[s] {
                    remap[k][code] = Int32(known)
                } else {
                    remap[k][code] = Int32(dictionary.count)
                    lookup[s] = UInt32(dictionary.count)
                    dictionary.append(s)
                }
            }
            out[i] = UInt32(remap[k][code])
        }
        return .text(codes: out, dictionary: dictionary)
    }
}
