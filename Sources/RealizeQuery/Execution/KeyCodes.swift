import RealizeStore

/// One grouping key's per-row codes in `0..<domain`, for ``Grouping/packed(_:rows:shouldStop:)``: the value minus
/// its minimum for ints, dates and periods, the dictionary code for text, 0/1 for booleans, or a date part
/// (`period.year`) read from a table over its source's range; a null takes the last code.
struct KeyCodes {
    /// The column read: the key itself, or the source of a date part.
    var column: Column
    /// Subtracted from ints, dates and periods before they are used as codes (or as an index into `lookup`).
    var lo: Int64
    /// The number of codes, the null code included when the column has nulls.
    var domain: Int
    /// A date part's code for each value of its source from `lo`.
    var lookup: [UInt32]? = nil

    /// The codes of a key column, or nil when its values span too wide a range to pack.
    init?(_ c: Column) {
        column = c
        lo = 0
        let nulls = c.validity == nil ? 0 : 1
        switch c.storage {
        case .text(_, let dict): domain = dict.count + nulls
        case .bool: domain = 2 + nulls
        case .int(let a):
            guard let (l, h) = Self.range(a, limit: 1 << 20) else { return nil }
            lo = l
            domain = Int(h - l) + 1 + nulls
        case .date(let a), .period(let a):
            guard let (l, h) = Self.range(a, limit: 1 << 20) else { return nil }
            lo = l
            domain = Int(h - l) + 1 + nulls
        case .decimal, .double: return nil
        }
        // An empty dictionary (no rows) still has one code.
        domain = max(domain, 1)
    }

    /// The codes of `part` of a date or period column, read from a table over its range (no column of parts);
    /// nil for another type or a range too wide for a table.
    init?(part: DatePart, of source: Column, fiscalStart fs: Int) {
        let isDate: Bool
        let range: (Int64, Int64)?
        switch source.storage {
        case .period(let a): isDate = false; range = Self.range(a, limit: 1 << 16)
        case .date(let a): isDate = true; range = Self.range(a, limit: 1 << 16)
        default: return nil
        }
        guard let (l, h) = range else { return nil }
        // The part of each value of the range, as DatePart.evaluate computes it.
        let values: [Int64] = (l...h).map { v in
            if isDate {
                let (y, m, d) = CivilCalendar.civil(days: Int32(v))
                return part == .day ? Int64(d) : part.value(year: y, month: m, fiscalStart: fs)
            }
            let (y, m) = CivilCalendar.yearMonth(period: Int32(v))
            return part.value(year: y, month: m, fiscalStart: fs)
        }
        let low = values.min() ?? 0
        let high = values.max() ?? 0
        column = source
        lo = l
        domain = Int(high - low) + 1 + (source.validity == nil ? 0 : 1)
        lookup = values.map { UInt32($0 - low) }
    }

    /// The smallest and largest value (null slots included: they only widen the range), when the range is
    /// below `limit`.
    static func range<T: FixedWidthInteger>(_ a: [T], limit: Int64) -> (Int64, Int64)? {
        guard var lo = a.first else { return (0, 0) }
        var hi = lo
        a.withUnsafeBufferPointer { x in
            for v in x {
                lo = Swift.min(lo, v)
                hi = Swift.max(hi, v)
            }
        }
        let (range, wide) = Int64(hi).subtractingReportingOverflow(Int64(lo))
        return !wide && range < limit ? (Int64(lo), Int64(hi)) : nil
    }

    /// ``range(_:limit:)`` of dates and periods, in a loop the compiler turns into vector min/max.
    static func range(_ a: [Int32], limit: Int64) -> (Int64, Int64)? {
        guard var l = a.first else { return (0, 0) }
        var h = l
        a.withUnsafeBufferPointer { x in
            for v in x {
                l = v < l ? v : l
                h = v > h ? v : h
            }
        }
        let (range, wide) = Int64(h).subtractingReportingOverflow(Int64(l))
        return !wide && range < limit ? (Int64(l), Int64(h)) : nil
    }

    /// `packed[i] = packed[i] * domain + code(i)` for every row.
    func fold<P: FixedWidthInteger & UnsignedInteger>(into packed: inout [P]) {
        switch column.storage {
        case .text(let codes, _): fold(codes, into: &packed) { P(truncatingIfNeeded: $0) }
        case .bool(let a): fold(a, into: &packed) { $0 ? 1 : 0 }
        case .int(let a):
            let l = lo
            fold(a, into: &packed) { P(truncatingIfNeeded: $0 &- l) }
        case .date(let a), .period(let a):
            let l = Int32(truncatingIfNeeded: lo)
            if let lookup {
                lookup.withUnsafeBufferPointer { t in fold(a, into: &packed) { P(truncatingIfNeeded: t[Int($0 &- l)]) } }
            } else {
                fold(a, into: &packed) { P(truncatingIfNeeded: UInt32(bitPattern: $0 &- l)) }
            }
        case .decimal, .double: break
        }
    }

    /// The loop of ``fold(into:)`` over one buffer; a null row takes the last code, whatever its slot holds.
    @inline(__always) private func fold<T, P: FixedWidthInteger & UnsignedInteger>(_ a: [T], into packed: inout [P], code: (T) -> P) {
        let d = P(domain)
        let nullCode = P(domain - 1)
        let words = column.validity?.words
        packed.withUnsafeMutableBufferPointer { p in
            a.withUnsafeBufferPointer { x in
                guard let words else {
                    for i in 0..<p.count { p[i] = p[i] &* d &+ code(x[i]) }
                    return
                }
                words.withUnsafeBufferPointer { w in
                    for i in 0..<p.count {
                        let valid = w[i >> 6] & (1 << UInt64(i & 63)) != 0
                        p[i] = p[i] &* d &+ (valid ? code(x[i]) : nullCode)
                    }
                }
            }
        }
    }
}
