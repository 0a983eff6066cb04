import RealizeStore

/// A numeric column's values in one of three representations, for arithmetic and comparison loops.
enum NumericVector {
    case int([Int64])
    case decimal([Int64], scale: Int)
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
            let f = Double(FixedDecimal.pow10[s])
            return a.map { Double($0) / f }
        case .double(let a): return a
        }
    }

    /// Scaled units at `scale`, with a validity mask of values that overflowed.
    func units(at scale: Int) -> ([Int64], overflow: [Int]) {
        switch self {
        case .int(let a):
            if scale == 0 { return (a, []) }
            return rescale(a, from: 0, to: scale)
        case .decimal(let a, let s):
            if s == scale { return (a, []) }
            return rescale(a, from: s, to: scale)
        case .double(let a):
            let f = Double(FixedDecimal.pow10[scale])
            return (a.map { Int64(exactly: ($0 * f).rounded()) ?? 0 }, [])
        }
    }

    var scale: Int { if case .decimal(_, let s) = self { s } else { 0 } }

    private func rescale(_ a: [Int64], from: Int, to: Int) -> ([Int64], overflow: [Int]) {
        var out = [Int64](repeating: 0, count: a.count)
        var bad: [Int] = []
        if to > from {
            let f = FixedDecimal.pow10[to - from]
            for i in a.indices {
                let (r, o) = a[i].multipliedReportingOverflow(by: f)
                out[i] = r
                if o { bad.append(i) }
            }
        } else {
            for i in a.indices { out[i] = FixedDecimal(units: a[i], scale: from).rescaled(to: to)!.units }
        }
        return (out, bad)
    }
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
