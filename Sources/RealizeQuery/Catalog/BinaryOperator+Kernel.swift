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

    /// `+ - * / %`. Money stays exact: decimals align their scales; `/` gives a double; division by zero gives null.
    func arithmetic(_ a: Column, _ b: Column, type t: DataType, rows n: Int) -> Column {
        let valid = Bitmap.and(a.validity, b.validity)
        let va = NumericVector(a)
        let vb = NumericVector(b)
        var bad: [Int] = []
        if t == .double {
            let x = va.doubles
            let y = vb.doubles
            var out = [Double](repeating: 0, count: n)
            switch self {
            case .add: for i in 0..<n { out[i] = x[i] + y[i] }
            case .subtract: for i in 0..<n { out[i] = x[i] - y[i] }
            case .multiply: for i in 0..<n { out[i] = x[i] * y[i] }
            case .divide: for i in 0..<n { if y[i] == 0 { bad.append(i) } else { out[i] = x[i] / y[i] } }
            default:
                for i in 0..<n { if y[i] == 0 { bad.append(i) } else { out[i] = x[i].truncatingRemainder(dividingBy: y[i]) } }
            }
            for i in 0..<n where !out[i].isFinite { bad.append(i) }
            return Column(name: "", storage: .double(out), validity: Bitmap.clearing(bad, in: valid, count: n))
        }
        // int or decimal: exact, with overflow giving null rather than a crash.
        let scale: Int
        var x: [Int64]
        var y: [Int64]
        if self == .multiply {
            (x, _) = va.units(at: va.scale)
            (y, _) = vb.units(at: vb.scale)
            scale = va.scale + vb.scale
        } else {
            scale = max(va.scale, vb.scale)
            var o1: [Int]
            var o2: [Int]
            (x, o1) = va.units(at: scale)
            (y, o2) = vb.units(at: scale)
            bad = o1 + o2
        }
        var out = [Int64](repeating: 0, count: n)
        switch self {
        case .add:
            for i in 0..<n {
                let (r, o) = x[i].addingReportingOverflow(y[i])
                out[i] = r
                if o { bad.append(i) }
            }
        case .subtract:
            for i in 0..<n {
                let (r, o) = x[i].subtractingReportingOverflow(y[i])
                out[i] = r
                if o { bad.append(i) }
            }
        case .multiply:
            for i in 0..<n {
                let (r, o) = x[i].multipliedReportingOverflow(by: y[i])
                out[i] = r
                if o { bad.append(i) }
            }
        default:
            for i in 0..<n { if y[i] == 0 || (x[i] == .min && y[i] == -1) { bad.append(i) } else { out[i] = x[i] % y[i] } }
        }
        let v = Bitmap.clearing(bad, in: valid, count: n)
        if t == .int { return Column(name: "", storage: .int(out), validity: v) }
        // Keep products at a readable scale: at most 8 decimals, rounded half away from zero.
        if scale > 8 {
            let narrowed = out.map { FixedDecimal(units: $0, scale: scale).rescaled(to: 8)!.units }
            return Column(name: "", storage: .decimal(narrowed, scale: 8), validity: v)
        }
        return Column(name: "", storage: .decimal(out, scale: scale), validity: v)
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
        default:
            let va = NumericVector(a)
            let vb = NumericVector(b)
            let s = max(va.scale, vb.scale)
            let (x, o1) = va.units(at: s)
            let (y, o2) = vb.units(at: s)
            compareLoop(x, y, &out)
            return Column(name: "", storage: .bool(out), validity: Bitmap.clearing(o1 + o2, in: valid, count: n))
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
