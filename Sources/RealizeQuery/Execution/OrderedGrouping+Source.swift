import RealizeStore

extension OrderedGrouping {
    /// A column that grouping keys read, indexed per row in `0..<size`: the dictionary code for text, 0/1 for
    /// booleans, the value minus the minimum for ints, dates and periods; a null row takes the last index.
    struct SourceIndex: Sendable {
        let column: Column
        /// Subtracted from ints, dates and periods to give their index.
        var lo: Int64 = 0
        /// The indices of values (`0..<values`); the null slot is `values`.
        var values: Int
        /// `values` plus the null slot.
        var size: Int { values + 1 }

        /// The index of a column, or nil for a type without one (decimals, doubles) or a range wider than
        /// ``OrderedGrouping/sourceLimit``.
        init?(_ c: Column) {
            column = c
            switch c.storage {
            case .text(_, let dictionary):
                // Without nulls every row's code must name an entry.
                guard !dictionary.isEmpty || c.validity != nil else { return nil }
                values = dictionary.count
            case .bool: values = 2
            case .int(let a):
                guard let (l, h) = KeyCodes.range(a, limit: Int64(OrderedGrouping.sourceLimit)) else { return nil }
                (lo, values) = (l, Int(h - l) + 1)
            case .date(let a), .period(let a):
                guard let (l, h) = KeyCodes.range(a, limit: Int64(OrderedGrouping.sourceLimit)) else { return nil }
                (lo, values) = (l, Int(h - l) + 1)
            case .decimal, .double: return nil
            }
        }

        /// For each index, the code of a key read from this column (its rank among the key's values in the sort's
        /// order, the null code last), and the key's domain; nil when the part does not apply or spans too wide.
        func codes(part: DatePart?, descending: Bool, fiscalStart fs: Int) -> ([UInt32], Int)? {
            let order: [Int64]
            switch column.storage {
            case .text(_, let dictionary) where part == nil: order = SortKeys.ranks(dictionary)
            case .bool where part == nil, .int where part == nil: order = (0..<Int64(values)).map { $0 }
            case .date where part != nil:
                order = (0..<Int64(values)).map { v in
                    let (y, m, d) = CivilCalendar.civil(days: Int32(truncatingIfNeeded: lo + v))
                    return part == .day ? Int64(d) : part!.value(year: y, month: m, fiscalStart: fs)
                }
            case .period where part != nil:
                order = (0..<Int64(values)).map { v in
                    let (y, m) = CivilCalendar.yearMonth(period: Int32(truncatingIfNeeded: lo + v))
                    return part!.value(year: y, month: m, fiscalStart: fs)
                }
            case .date, .period: order = (0..<Int64(values)).map { $0 }
            default: return nil
            }
            let low = order.min() ?? 0
            let high = order.max() ?? 0
            guard high - low < Int64(OrderedGrouping.sourceLimit) else { return nil }
            let span = UInt32(high - low) + 1
            var codes = order.map { descending ? span - 1 - UInt32($0 - low) : UInt32($0 - low) }
            let hasNull = column.validity != nil
            codes.append(hasNull ? span : 0)
            return (codes, Int(span) + (hasNull ? 1 : 0))
        }

        /// `packed[i - rows.lowerBound] += table[index(i)]` for each row of `rows` (`=` for the `first` source).
        func add(_ table: [UInt32], rows: Range<Int>, into packed: UnsafeMutableBufferPointer<UInt32>, first: Bool) {
            switch column.storage {
            case .text(let codes, _): add(codes, table, rows, packed, first) { Int($0) }
            case .bool(let a): add(a, table, rows, packed, first) { $0 ? 1 : 0 }
            case .int(let a):
                let l = lo
                add(a, table, rows, packed, first) { Int($0 &- l) }
            case .date(let a), .period(let a):
                let l = lo
                add(a, table, rows, packed, first) { Int(Int64($0) &- l) }
            case .decimal, .double: break
            }
        }

        @inline(__always) private func add<T>(
            _ a: [T], _ table: [UInt32], _ rows: Range<Int>, _ p: UnsafeMutableBufferPointer<UInt32>, _ first: Bool, index: (T) -> Int
        ) {
            let nullSlot = values
            let words = column.validity?.words
            let base = rows.lowerBound
            a.withUnsafeBufferPointer { x in
                table.withUnsafeBufferPointer { t in
                    guard let words else {
                        if first {
                            for i in rows { p[i &- base] = t[index(x[i])] }
                        } else {
                            for i in rows { p[i &- base] &+= t[index(x[i])] }
                        }
                        return
                    }
                    words.withUnsafeBufferPointer { w in
                        for i in rows {
                            let valid = w[i >> 6] & (1 << UInt64(i & 63)) != 0
                            let v = t[valid ? index(x[i]) : nullSlot]
                            p[i &- base] = first ? v : p[i &- base] &+ v
                        }
                    }
                }
            }
        }
    }
}
