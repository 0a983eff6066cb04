import RealizeStore

/// The column kernels of the binary operators: each runs over whole typed buffers, with the operator decided
/// once per call, never per row.
extension BinaryOperator {
    /// `and`, `or` with SQL's three-valued logic.
    func logic(_ a: Column, _ b: Column, rows n: Int) -> Column {
        guard case .bool(let x) = a.storage, case .bool(let y) = b.storage else { return a }
        var out = [Bool](repeating: false, count: n)
        var valid = Bitmap(count: n, value: true)
        var anyNull = false
        if self == .and {
            for i in 0..<n {
                let an = a.isNull(i)
                let bn = b.isNull(i)
                // false and anything = false; true and null = null.
                if (!an && !x[i]) || (!bn && !y[i]) {
                    out[i] = false
                } else if an || bn {
                    valid[i] = false
                    anyNull = true
                } else {
                    out[i] = true
                }
            }
        } else {
            for i in 0..<n {
                let an = a.isNull(i)
                let bn = b.isNull(i)
                if (!an && x[i]) || (!bn && y[i]) {
                    out[i] = true
                } else if an || bn {
                    valid[i] = false
                    anyNull = true
                } else {
                    out[i] = false
                }
            }
        }
        return Column(name: "", storage: .bool(out), validity: anyNull ? valid : nil)
    }

    /// `+ - * / %`. Money stays exact: decimals align their scales; `/` gives a double; division by zero,
    /// and any double result that is NaN or ±∞, gives null.
    ///
    /// - Throws: ``NumericOverflow`` when an exact (int or decimal) result does not fit: never a wrap.
    func arithmetic(_ a: Column, _ b: Column, type t: DataType, rows n: Int) throws(NumericOverflow) -> Column {
        let valid = Bitmap.and(a.validity, b.validity)
        let va = NumericVector(a)
        let vb = NumericVector(b)
        if t == .double {
            let x = va.doubles
            let y = vb.doubles
            var out = [Double](repeating: 0, count: n)
            var bad: [Int] = []
            switch self {
            case .add: for i in 0..<n { out[i] = x[i] + y[i] }
            case .subtract: for i in 0..<n { out[i] = x[i] - y[i] }
            case .multiply: for i in 0..<n { out[i] = x[i] * y[i] }
            case .divide: for i in 0..<n { if y[i] == 0 { bad.append(i) } else { out[i] = x[i] / y[i] } }
            default:
                for i in 0..<n { if y[i] == 0 { bad.append(i) } else { out[i] = x[i].truncatingRemainder(dividingBy: y[i]) } }
            }
            for i in 0..<n where !out[i].isFinite {
                out[i] = 0
                bad.append(i)
            }
            return Column(name: "", storage: .double(out), validity: Bitmap.clearing(bad, in: valid, count: n))
        }
        if t == .int {
            let (out, bad) = try exactLoop(va.ints(), vb.ints(), valid: valid, rows: n, what: "ints")
            return Column(name: "", storage: .int(out), validity: Bitmap.clearing(bad, in: valid, count: n))
        }
        if self == .add || self == .subtract, case .decimal(let x, let s) = va, case .decimal(let y, let t) = vb, s == t,
            let x = x.narrow, let y = y.narrow
        {
            // 64-bit units at one scale (`earned_value - actual_cost`): checked at 64 bits, the result already
            // narrow; when a valid row leaves 64 bits (it never leaves 128), the general path below gives it wide.
            var out: [Int64] = []
            let spill =
                self == .add
                ? Self.checkedLoop(x, y, &out, rows: n, valid: valid) { $0.addingReportingOverflow($1) }
                : Self.checkedLoop(x, y, &out, rows: n, valid: valid) { $0.subtractingReportingOverflow($1) }
            if !spill { return Column(name: "", storage: .decimal(DecimalUnits(narrow: out), scale: s), validity: valid) }
        }
        if self == .multiply { return try DecimalProduct.multiply(va, vb, valid: valid, rows: n) }
        let scale = max(va.scale, vb.scale)
        let (out, bad) = try exactLoop(va.units(at: scale), vb.units(at: scale), valid: valid, rows: n, what: "decimals")
        return Column(name: "", storage: .decimal(out, scale: scale), validity: Bitmap.clearing(bad, in: valid, count: n))
    }

    /// `+ - * %` over two integer buffers, checked; returns the rows that became null (remainder by zero).
    private func exactLoop<T: FixedWidthInteger>(
        _ x: [T], _ y: [T], valid: Bitmap?, rows n: Int, what: String
    ) throws(NumericOverflow) -> ([T], [Int]) {
        var bad: [Int] = []
        var overflow = false
        // + - * write every row (their buffer is not zeroed first); % leaves 0 where it gives null.
        var out: [T] = []
        switch self {
        case .add: overflow = Self.checkedLoop(x, y, &out, rows: n, valid: valid) { $0.addingReportingOverflow($1) }
        case .subtract: overflow = Self.checkedLoop(x, y, &out, rows: n, valid: valid) { $0.subtractingReportingOverflow($1) }
        case .multiply: overflow = Self.checkedLoop(x, y, &out, rows: n, valid: valid) { $0.multipliedReportingOverflow(by: $1) }
        default:
            out = [T](repeating: 0, count: n)
            // x % -1 is 0 even for the minimum value (whose quotient would not fit).
            for i in 0..<n { if y[i] == 0 { bad.append(i) } else if y[i] != -1 { out[i] = x[i] % y[i] } }
        }
        if overflow { throw NumericOverflow("`\(symbol)` on \(what)") }
        return (out, bad)
    }

    /// `out[i] = op(x[i], y[i])` over raw buffers; whether a valid row overflowed (rows under a null may hold
    /// any placeholder and do not count).
    @inline(__always)
    static func checkedLoop<T: FixedWidthInteger>(
        _ x: [T], _ y: [T], _ out: inout [T], rows n: Int, valid: Bitmap?, _ op: (T, T) -> (partialValue: T, overflow: Bool)
    ) -> Bool {
        var overflow = false
        out = [T](unsafeUninitializedCapacity: n) { o, count in
            count = n
            x.withUnsafeBufferPointer { x in
                y.withUnsafeBufferPointer { y in
                    if let v = valid {
                        v.words.withUnsafeBufferPointer { w in
                            for i in 0..<n {
                                let (r, f) = op(x[i], y[i])
                                o[i] = r
                                overflow = overflow || (f && w[i >> 6] & (1 << UInt64(i & 63)) != 0)
                            }
                        }
                    } else {
                        for i in 0..<n {
                            let (r, f) = op(x[i], y[i])
                            o[i] = r
                            overflow = overflow || f
                        }
                    }
                }
            }
        }
        return overflow
    }

    /// A comparison of a text column with a text constant: decided once per dictionary entry, then mapped
    /// over the codes.
    func compare(text a: Column, with s: String, rows n: Int) -> Column? {
        guard case .text(let codes, let dict) = a.storage else { return nil }
        let perEntry = dict.map { test($0 < s ? -1 : ($0 == s ? 0 : 1)) }
        var out = [Bool](repeating: false, count: n)
        for i in 0..<n where Int(codes[i]) < perEntry.count { out[i] = perEntry[Int(codes[i])] }
        return Column(name: "", storage: .bool(out), validity: a.validity)
    }

    /// Comparison of two columns of one type (numbers already unified by the checker).
    func compare(_ a: Column, _ b: Column, rows n: Int) -> Column {
        let valid = Bitmap.and(a.validity, b.validity)
        var out = [Bool](repeating: false, count: n)
        switch (a.storage, b.storage) {
        case (.text(let c1, let d1), .text(let c2, let d2)):
            for i in 0..<n {
                let s1 = d1.isEmpty ? "" : d1[Int(c1[i])]
                let s2 = d2.isEmpty ? "" : d2[Int(c2[i])]
                out[i] = test(s1 < s2 ? -1 : (s1 == s2 ? 0 : 1))
            }
        case (.bool(let x), .bool(let y)):
            for i in 0..<n { out[i] = test(x[i] == y[i] ? 0 : (!x[i] ? -1 : 1)) }
        case (.double, _), (_, .double):
            compareLoop(NumericVector(a).doubles, NumericVector(b).doubles, &out)
        case (.date(let x), .date(let y)), (.period(let x), .period(let y)):
            compareLoop(x, y, &out)
        case (.decimal(let x, let s), .decimal(let y, let t)) where s == t && x.narrow != nil && y.narrow != nil:
            // 64-bit units at one scale compare as they are (`actual_cost > earned_value`).
            compareLoop(x.narrow ?? [], y.narrow ?? [], &out)
        default:
            let va = NumericVector(a)
            let vb = NumericVector(b)
            if case .int(let x) = va, case .int(let y) = vb {
                compareLoop(x, y, &out)
            } else if let x = try? va.units(at: va.scale), let y = try? vb.units(at: vb.scale) {
                if va.scale == vb.scale {
                    compareLoop(x, y, &out)
                } else {
                    // Aligning could overflow 128 bits: compare exactly, value by value.
                    for i in 0..<n { out[i] = test(FixedDecimal.compare(x[i], va.scale, y[i], vb.scale)) }
                }
            }
        }
        return Column(name: "", storage: .bool(out), validity: valid)
    }

    /// Whether a three-way comparison result (-1, 0, 1) satisfies this comparison.
    @inline(__always) func test(_ c: Int) -> Bool {
        switch self {
        case .equal: c == 0
        case .notEqual: c != 0
        case .less: c < 0
        case .lessOrEqual: c <= 0
        case .greater: c > 0
        default: c >= 0
        }
    }

    /// The comparison over two buffers of one element type, one tight loop per operator.
    func compareLoop<T: Comparable>(_ x: [T], _ y: [T], _ out: inout [Bool]) {
        let n = out.count
        x.withUnsafeBufferPointer { x in
            y.withUnsafeBufferPointer { y in
                out.withUnsafeMutableBufferPointer { o in
                    switch self {
                    case .equal: for i in 0..<n { o[i] = x[i] == y[i] }
                    case .notEqual: for i in 0..<n { o[i] = x[i] != y[i] }
                    case .less: for i in 0..<n { o[i] = x[i] < y[i] }
                    case .lessOrEqual: for i in 0..<n { o[i] = x[i] <= y[i] }
                    case .greater: for i in 0..<n { o[i] = x[i] > y[i] }
                    default: for i in 0..<n { o[i] = x[i] >= y[i] }
                    }
                }
            }
        }
    }
}
