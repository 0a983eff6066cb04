/// The typed, contiguous buffer behind a column.
///
/// Slots under a null keep a placeholder value (0, or code 0) that operators must ignore.
public enum ColumnStorage: Sendable {
    case int([Int64])
    case double([Double])
    /// Scaled units, all at one scale (0…18): up to 38 significant digits, stored in 64 bits a value when
    /// every value fits (see ``DecimalUnits``).
    case decimal(DecimalUnits, scale: Int)
    /// Dictionary-encoded text: `dictionary[codes[i]]`. Dictionary entries are distinct.
    case text(codes: [UInt32], dictionary: [String])
    /// Days since 1970-01-01.
    case date([Int32])
    /// `year * 12 + month - 1`.
    case period([Int32])
    case bool([Bool])

    /// Decimal storage from 128-bit units, narrowed to 64 bits a value when every value fits.
    public static func decimal(_ units: [Int128], scale: Int) -> ColumnStorage { .decimal(DecimalUnits(units), scale: scale) }
}

/// A named, typed column of values with an optional validity bitmap (nil when it holds no nulls).
///
/// Columns are values: copying one is cheap (the buffers are copy-on-write).
public struct Column: Sendable {
    public var name: String
    public var storage: ColumnStorage
    /// Bit set where the row holds a value; nil means no nulls.
    public var validity: Bitmap?
    /// How renderers for people would like the column shown; nil for the type's default. Never
    /// affects the values (see ``DisplayHint``).
    public var display: DisplayHint?

    public init(name: String, storage: ColumnStorage, validity: Bitmap? = nil, display: DisplayHint? = nil) {
        self.name = name
        self.storage = storage
        self.validity = validity
        self.display = display
        if let v = validity, v.popCount == v.count { self.validity = nil }
    }

    /// The column's logical type.
    public var type: DataType {
        switch storage {
        case .int: .int
        case .double: .double
        case .decimal: .decimal
        case .text: .text
        case .date: .date
        case .period: .period
        case .bool: .bool
        }
    }

    /// Number of rows.
    public var count: Int {
        switch storage {
        case .int(let a): a.count
        case .double(let a): a.count
        case .decimal(let a, _): a.count
        case .text(let c, _): c.count
        case .date(let a): a.count
        case .period(let a): a.count
        case .bool(let a): a.count
        }
    }

    /// Number of nulls.
    public var nullCount: Int { validity.map { $0.count - $0.popCount } ?? 0 }

    public func isNull(_ row: Int) -> Bool { validity.map { !$0[row] } ?? false }

    /// The value at `row`, boxed. For display and tests; operators read the buffers directly.
    public func value(at row: Int) -> Value {
        if isNull(row) { return .null }
        switch storage {
        case .int(let a): return .int(a[row])
        case .double(let a): return .double(a[row])
        case .decimal(let a, let s): return .decimal(FixedDecimal(units: a[row], scale: s))
        case .text(let c, let d): return .text(d[Int(c[row])])
        case .date(let a): return .date(a[row])
        case .period(let a): return .period(a[row])
        case .bool(let a): return .bool(a[row])
        }
    }

    /// A copy shown with `hint` (values unchanged).
    public func displayed(_ hint: DisplayHint?) -> Column {
        var c = self
        c.display = hint
        return c
    }

    /// A copy with another name.
    public func renamed(_ newName: String) -> Column {
        var c = self
        c.name = newName
        return c
    }

    /// The rows at `indices`, in that order (a selection vector applied). An index of -1 gives a null
    /// (used by outer joins and by aggregates over empty groups).
    public func gather(_ indices: [Int]) -> Column { gather(indices, shouldStop: { false }) }

    /// ``gather(_:)`` that asks `shouldStop` every million rows; once it says yes the rest is filled with
    /// placeholders at once, and the caller must drop the column (it checks its token right after).
    ///
    /// A gather in sorted order reads at random: over 10M rows of a decimal column that is about half a
    /// second, too long to wait for after Ctrl-C (bench/safety.py).
    public func gather(_ indices: [Int], shouldStop: () -> Bool) -> Column {
        let n = indices.count
        var validityOut: Bitmap? = nil
        var anyMissing = false
        for i in indices where i < 0 { anyMissing = true; break }
        if validity != nil || anyMissing {
            // Word by word over raw buffers: a row is valid when its index is not -1 and its source bit is set.
            var b = Bitmap(count: n, value: false)
            let source = validity?.words ?? []
            b.words.withUnsafeMutableBufferPointer { out in
                source.withUnsafeBufferPointer { src in
                    indices.withUnsafeBufferPointer { idx in
                        for k in 0..<n {
                            let i = idx[k]
                            guard i >= 0, src.isEmpty || src[i >> 6] & (1 << UInt64(i & 63)) != 0 else { continue }
                            out[k >> 6] |= 1 << UInt64(k & 63)
                        }
                    }
                }
            }
            validityOut = b
        }
        let s: ColumnStorage
        switch storage {
        case .int(let a): s = .int(Column.take(a, indices, 0, shouldStop))
        case .double(let a): s = .double(Column.take(a, indices, 0, shouldStop))
        case .decimal(let a, let sc):
            switch a.storage {
            case .narrow(let x): s = .decimal(DecimalUnits(narrow: Column.take(x, indices, 0, shouldStop)), scale: sc)
            case .wide(let x): s = .decimal(DecimalUnits(wide: Column.take(x, indices, 0, shouldStop)), scale: sc)
            }
        case .text(let c, let d): s = .text(codes: Column.take(c, indices, 0, shouldStop), dictionary: d)
        case .date(let a): s = .date(Column.take(a, indices, 0, shouldStop))
        case .period(let a): s = .period(Column.take(a, indices, 0, shouldStop))
        case .bool(let a): s = .bool(Column.take(a, indices, false, shouldStop))
        }
        return Column(name: name, storage: s, validity: validityOut, display: display)
    }

    /// `a[indices]` over raw buffers, `fill` where an index is negative; `shouldStop` is asked every
    /// million rows, and once it says yes the rest is `fill`.
    @inline(__always)
    static func take<T>(_ a: [T], _ indices: [Int], _ fill: T, _ shouldStop: () -> Bool = { false }) -> [T] {
        [T](unsafeUninitializedCapacity: indices.count) { out, count in
            a.withUnsafeBufferPointer { src in
                indices.withUnsafeBufferPointer { idx in
                    var k = 0
                    while k < idx.count {
                        let end = min(idx.count, k + (1 << 20))
                        while k < end {
                            let i = idx[k]
                            (out.baseAddress! + k).initialize(to: i >= 0 ? src[i] : fill)
                            k += 1
                        }
                        if k < idx.count && shouldStop() {
                            (out.baseAddress! + k).initialize(repeating: fill, count: idx.count - k)
                            k = idx.count
                        }
                    }
                }
            }
            count = indices.count
        }
    }

    /// The first `n` rows.
    public func prefix(_ n: Int) -> Column { gather(Array(0..<min(n, count))) }

    /// Checks the column's internal invariants; returns a description of the first violation.
    public func invariantViolation() -> String? {
        if let v = validity, v.count != count { return "column \(name): validity has \(v.count) bits for \(count) rows" }
        if case .text(let codes, let dict) = storage {
            if Set(dict).count != dict.count { return "column \(name): dictionary holds duplicates" }
            for (i, c) in codes.enumerated() where !isNull(i) && Int(c) >= dict.count {
                return "column \(name): code \(c) at row \(i) outside dictionary of \(dict.count)"
            }
        }
        if case .decimal(_, let s) = storage, !(0...18).contains(s) { return "column \(name): decimal scale \(s)" }
        return nil
    }
}

extension Column {
    /// Builds a column from boxed values of one type (nulls allowed). For tests, literals and small results.
    ///
    /// - Parameter type: the column type; values of another numeric type are converted, others must match.
    public init(name: String, type: DataType, values: [Value]) {
        var b = ColumnBuilder(name: name, type: type)
        for v in values { b.append(v) }
        self = b.finish()
    }
}
