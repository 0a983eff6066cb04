/// Stacks tables by column name, column at a time: typed buffers are appended, text dictionaries
/// merged by remapping codes (no row is boxed).
///
/// Columns come in first-seen order; a column a table lacks is null for that table's rows. A column
/// of one table that holds only nulls takes the type of the others. The only widening is the exact
/// one from int to decimal (and between decimal scales, to the largest); any other pair of types is
/// a ``StackConflict``.
public enum TableStacker {
    /// The stacked table.
    /// - Parameter types: types already decided for some columns (a query's checked schema): a column whose
    ///   values leave its type open (all null) or would make it int takes the declared type instead.
    /// - Throws: ``StackConflict`` naming the column and the two parts (by index) that disagree.
    public static func stack(_ parts: [Table], types: [String: DataType] = [:]) throws(StackConflict) -> Table {
        guard parts.count > 1 || !types.isEmpty else { return parts.first ?? .empty }
        let plan = try resolve(parts).map { (name, type, scale, open) in
            guard let declared = types[name], declared != type, open || (declared == .decimal && type == .int) else {
                return (name, type, scale)
            }
            return (name, declared, 0)
        }
        let rows = parts.reduce(0) { $0 + $1.rowCount }
        var columns: [Column] = []
        columns.reserveCapacity(plan.count)
        for (name, type, scale) in plan {
            columns.append(try build(name: name, type: type, scale: scale, parts: parts))
        }
        return Table(columns: columns, rowCount: rows)
    }

    /// The name, type and decimal scale of each output column, and whether no value decided the type.
    static func resolve(_ parts: [Table]) throws(StackConflict) -> [(String, DataType, Int, Bool)] {
        var order: [String] = []
        var typed: [String: (type: DataType, scale: Int, part: Int)] = [:]
        var fallback: [String: DataType] = [:]
        for (p, table) in parts.enumerated() {
            for column in table.columns {
                if fallback[column.name] == nil {
                    order.append(column.name)
                    fallback[column.name] = column.type
                }
                guard column.count > 0, column.nullCount < column.count else { continue }
                let scale: Int
                if case .decimal(_, let s) = column.storage { scale = s } else { scale = 0 }
                guard let seen = typed[column.name] else {
                    typed[column.name] = (column.type, scale, p)
                    continue
                }
                switch (seen.type, column.type) {
                case (let a, let b) where a == b:
                    typed[column.name]!.scale = max(seen.scale, scale)
                case (.int, .decimal), (.decimal, .int):
                    typed[column.name] = (.decimal, max(seen.scale, scale), seen.part)
                default:
                    throw StackConflict(
                        column: column.name, firstPart: seen.part, firstType: seen.type, part: p, type: column.type,
                        reason: "`\(column.name)` is \(seen.type) in one and \(column.type) in the other")
                }
            }
        }
        return order.map { name in
            let t = typed[name]
            return (name, t?.type ?? fallback[name]!, t?.scale ?? 0, t == nil)
        }
    }

    private static func build(name: String, type: DataType, scale: Int, parts: [Table]) throws(StackConflict) -> Column {
        var validity: [Bitmap] = []
        var display: DisplayHint? = nil
        var ints: [Int64] = [], doubles: [Double] = [], decimals: [Int128] = [], smalls: [Int32] = [], bools: [Bool] = []
        var codes: [UInt32] = []
        var dictionary: [String] = []
        var lookup: [String: UInt32] = [:]
        for (p, table) in parts.enumerated() {
            let n = table.rowCount
            guard let c = table.column(named: name), c.count > 0, c.nullCount < c.count else {
                validity.append(Bitmap(count: n, value: false))
                switch type {
                case .int: ints.append(contentsOf: repeatElement(0, count: n))
                case .double: doubles.append(contentsOf: repeatElement(0, count: n))
                case .decimal: decimals.append(contentsOf: repeatElement(0, count: n))
                case .text: codes.append(contentsOf: repeatElement(0, count: n))
                case .date, .period: smalls.append(contentsOf: repeatElement(0, count: n))
                case .bool: bools.append(contentsOf: repeatElement(false, count: n))
                }
                continue
            }
            display = display ?? c.display
            validity.append(c.validity ?? Bitmap(count: n, value: true))
            switch c.storage {
            case .int(let a) where type == .decimal:
                for v in a {
                    guard let u = FixedDecimal.rescale(Int128(v), from: 0, to: scale) else { throw overflow(name, p) }
                    decimals.append(u)
                }
            case .int(let a): ints.append(contentsOf: a)
            case .double(let a): doubles.append(contentsOf: a)
            case .decimal(let a, let s) where s == scale: decimals.append(contentsOf: a)
            case .decimal(let a, let s):
                for v in a {
                    guard let u = FixedDecimal.rescale(v, from: s, to: scale) else { throw overflow(name, p) }
                    decimals.append(u)
                }
            case .text(let partCodes, let partDictionary):
                var remap = [UInt32](repeating: 0, count: partDictionary.count)
                for (k, word) in partDictionary.enumerated() {
                    if let code = lookup[word] {
                        remap[k] = code
                    } else {
                        let code = UInt32(dictionary.count)
                        dictionary.append(word)
                        lookup[word] = code
                        remap[k] = code
                    }
                }
                codes.reserveCapacity(codes.count + partCodes.count)
                for code in partCodes { codes.append(Int(code) < remap.count ? remap[Int(code)] : 0) }
            case .date(let a), .period(let a): smalls.append(contentsOf: a)
            case .bool(let a): bools.append(contentsOf: a)
            }
        }
        let storage: ColumnStorage
        switch type {
        case .int: storage = .int(ints)
        case .double: storage = .double(doubles)
        case .decimal: storage = .decimal(decimals, scale: scale)
        case .text: storage = .text(codes: codes, dictionary: dictionary)
        case .date: storage = .date(smalls)
        case .period: storage = .period(smalls)
        case .bool: storage = .bool(bools)
        }
        return Column(name: name, storage: storage, validity: concatenate(validity), display: display)
    }

    private static func overflow(_ name: String, _ part: Int) -> StackConflict {
        StackConflict(
            column: name, firstPart: part, firstType: .int, part: part, type: .decimal,
            reason: "`\(name)` does not fit 38 digits once its int and decimal values share one scale")
    }

    /// The bitmaps one after the other; nil when every bit is set.
    static func concatenate(_ maps: [Bitmap]) -> Bitmap? {
        guard maps.contains(where: { $0.popCount != $0.count }) else { return nil }
        var out = Bitmap(count: 0, value: true)
        for m in maps {
            for i in 0..<m.count { out.append(m[i]) }
        }
        return out
    }
}
