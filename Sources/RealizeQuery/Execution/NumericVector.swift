import RealizeStore

/// A numeric column's values in one of three representations, for arithmetic and comparison loops.
enum NumericVector {
    case int([Int64])
    case decimal(DecimalUnits, scale: Int)
    case double([Double])

    init(_ c: Column) {
        switch c.storage {
        case .int(let a): self = .int(a)
        case .decimal(let a, let s): self = .decimal(a, scale: s)
        case .double(let a): self = .double(a)
        case .date(let a), .period(let a): self = .int(a.map(Int64.init))
        case .bool(let a): self = .int(a.map { $0 ? 1 : 0 })
        case .text(let codes, _): self = .int(codes.map(Int64.init))
        }
    }

    var doubles: [Double] {
        switch self {
        case .int(let a): return a.map(Double.init)
        case .decimal(let a, let s):
            guard let x = a.narrow else { return a.map { FixedDecimal.double($0, scale: s) } }
            // As `FixedDecimal.double`: below 2^53 the units and 10^s convert exactly, and one division rounds once.
            let p = Double(Int64(FixedDecimal.pow10[s]))
            return x.map { $0.magnitude < 1 << 53 ? Double($0) / p : FixedDecimal.double(Int128($0), scale: s) }
        case .double(let a): return a
        }
    }

    /// The units at this vector's own scale (an int's values) when they are 64-bit, else nil.
    var units64: [Int64]? {
        switch self {
        case .int(let a): return a
        case .decimal(let a, _): return a.narrow
        case .double: return nil
        }
    }

    /// Int values as 64-bit integers (decimals rounded half away from zero to whole units, doubles truncated;
    /// non-finite doubles, which are null, give 0); for int results.
    ///
    /// - Throws: ``NumericOverflow`` when a value does not fit 64 bits, never a clamped value.
    func ints() throws(NumericOverflow) -> [Int64] {
        switch self {
        case .int(let a): return a
        case .decimal(let a, let s):
            var out = [Int64](repeating: 0, count: a.count)
            for i in a.indices {
                guard let r = FixedDecimal.rescale(a[i], from: s, to: 0), let v = Int64(exactly: r) else {
                    throw NumericOverflow("converting a decimal to a 64-bit integer")
                }
                out[i] = v
            }
            return out
        case .double(let a):
            var out = [Int64](repeating: 0, count: a.count)
            for i in a.indices where a[i].isFinite {
                guard let v = Int64(exactly: a[i].rounded(.towardZero)) else { throw NumericOverflow("converting a double to a 64-bit integer") }
                out[i] = v
            }
            return out
        }
    }

    /// 128-bit scaled units at `scale` (at least this vector's scale), exact.
    ///
    /// - Throws: ``NumericOverflow`` when a value does not fit at that scale.
    func units(at scale: Int) throws(NumericOverflow) -> [Int128] {
        switch self {
        case .int(let a):
            let f = FixedDecimal.pow10[scale]
            // |Int64| × 10^18 < 2^127: never overflows.
            return a.map { Int128($0) * f }
        case .decimal(let a, let s):
            if s == scale { return a.widened }
            var out = [Int128](repeating: 0, count: a.count)
            for i in a.indices {
                guard let r = FixedDecimal.rescale(a[i], from: s, to: scale) else {
                    throw NumericOverflow("aligning decimals to \(scale) places")
                }
                out[i] = r
            }
            return out
        case .double(let a):
            let f = Double(FixedDecimal.pow10[scale])
            var out = [Int128](repeating: 0, count: a.count)
            for i in a.indices {
                let v = (a[i] * f).rounded()
                if !v.isFinite { continue }
                guard let u = Int128(exactly: v) else { throw NumericOverflow("converting a double to a decimal") }
                out[i] = u
            }
            return out
        }
    }

    var scale: Int { if case .decimal(_, let s) = self { s } else { 0 } }
}

extension Bitmap {
    /// Rows valid in both (nil = all valid).
    static func and(_ a: Bitmap?, _ b: Bitmap?) -> Bitmap? {
        guard var x = a else { return b }
        guard let y = b else { return x }
        for i in x.words.indices { x.words[i] &= y.words[i] }
        return x
    }

    /// Marks rows invalid.
    static func clearing(_ rows: [Int], in v: Bitmap?, count: Int) -> Bitmap? {
        if rows.isEmpty { return v }
        var b = v ?? Bitmap(count: count, value: true)
        for r in rows { b[r] = false }
        return b
    }
}
