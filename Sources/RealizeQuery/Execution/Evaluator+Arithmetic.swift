import RealizeStore

extension Evaluator {
    /// `+ - * / %`. Money stays exact: decimals align their scales; `/` gives a double; division by zero gives null.
    func arithmetic(_ op: String, _ a: Column, _ b: Column, _ t: DataType) -> Column {
        let valid = Bitmap.and(a.validity, b.validity)
        let va = NumericVector(a), vb = NumericVector(b)
        var bad: [Int] = []
        switch t {
        case .double:
            let x = va.doubles, y = vb.doubles
            var out = [Double](repeating: 0, count: n)
            switch op {
            case "+": for i in 0..<n { out[i] = x[i] + y[i] }
            case "-": for i in 0..<n { out[i] = x[i] - y[i] }
            case "*": for i in 0..<n { out[i] = x[i] * y[i] }
            case "/": for i in 0..<n { if y[i] == 0 { bad.append(i) } else { out[i] = x[i] / y[i] } }
            default: for i in 0..<n { if y[i] == 0 { bad.append(i) } else { out[i] = x[i].truncatingRemainder(dividingBy: y[i]) } }
            }
            for i in 0..<n where !out[i].isFinite { bad.append(i) }
            return Column(name: "", storage: .double(out), validity: Bitmap.clearing(bad, in: valid, count: n))
        default:
            // int or decimal: exact, with overflow giving null rather than a crash.
            let scale: Int
            var x: [Int64], y: [Int64]
            if op == "*" {
                (x, _) = va.units(at: va.scale); (y, _) = vb.units(at: vb.scale)
                scale = va.scale + vb.scale
            } else {
                scale = max(va.scale, vb.scale)
                var o1: [Int], o2: [Int]
                (x, o1) = va.units(at: scale); (y, o2) = vb.units(at: scale)
                bad = o1 + o2
            }
            var out = [Int64](repeating: 0, count: n)
            switch op {
            case "+": for i in 0..<n { let (r, o) = x[i].addingReportingOverflow(y[i]); out[i] = r; if o { bad.append(i) } }
            case "-": for i in 0..<n { let (r, o) = x[i].subtractingReportingOverflow(y[i]); out[i] = r; if o { bad.append(i) } }
            case "*": for i in 0..<n { let (r, o) = x[i].multipliedReportingOverflow(by: y[i]); out[i] = r; if o { bad.append(i) } }
            default: for i in 0..<n { if y[i] == 0 || (x[i] == .min && y[i] == -1) { bad.append(i) } else { out[i] = x[i] % y[i] } }
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
    }

    /// Comparison of two operands of one type (numbers already unified by the checker).
    func compare(_ op: String, _ l: BoundExpr, _ r: BoundExpr) -> Column {
        let a = eval(l)
        // Text against a literal: decide once per dictionary entry, then map the codes.
        if case .literal(let v, _) = r, case .text(let codes, let dict) = a.storage, case .text(let s) = v {
            let perEntry = dict.map { Evaluator.test(op, $0 < s ? -1 : ($0 == s ? 0 : 1)) }
            var out = [Bool](repeating: false, count: n)
            for i in 0..<n where Int(codes[i]) < perEntry.count { out[i] = perEntry[Int(codes[i])] }
            return Column(name: "", storage: .bool(out), validity: a.validity)
        }
        let b = eval(r)
        let valid = Bitmap.and(a.validity, b.validity)
        var out = [Bool](repeating: false, count: n)
        switch (a.storage, b.storage) {
        case (.text(let c1, let d1), .text(let c2, let d2)):
            for i in 0..<n {
                let s1 = d1.isEmpty ? "" : d1[Int(c1[i])], s2 = d2.isEmpty ? "" : d2[Int(c2[i])]
                out[i] = Evaluator.test(op, s1 < s2 ? -1 : (s1 == s2 ? 0 : 1))
            }
        case (.bool(let x), .bool(let y)):
            for i in 0..<n { out[i] = Evaluator.test(op, x[i] == y[i] ? 0 : (!x[i] ? -1 : 1)) }
        case (.double, _), (_, .double):
            let x = NumericVector(a).doubles, y = NumericVector(b).doubles
            Evaluator.compareLoop(op, x, y, &out)
        case (.date(let x), .date(let y)), (.period(let x), .period(let y)):
            Evaluator.compareLoop(op, x, y, &out)
        default:
            let va = NumericVector(a), vb = NumericVector(b)
            let s = max(va.scale, vb.scale)
            let (x, o1) = va.units(at: s), (y, o2) = vb.units(at: s)
            Evaluator.compareLoop(op, x, y, &out)
            return Column(name: "", storage: .bool(out), validity: Bitmap.clearing(o1 + o2, in: valid, count: n))
        }
        return Column(name: "", storage: .bool(out), validity: valid)
    }

    @inline(__always) static func test(_ op: String, _ c: Int) -> Bool {
        switch op {
        case "=": c == 0
        case "!=": c != 0
        case "<": c < 0
        case "<=": c <= 0
        case ">": c > 0
        default: c >= 0
        }
    }

    static func compareLoop<T: Comparable>(_ op: String, _ x: [T], _ y: [T], _ out: inout [Bool]) {
        let n = out.count
        x.withUnsafeBufferPointer { x in
            y.withUnsafeBufferPointer { y in
                out.withUnsafeMutableBufferPointer { o in
                    switch op {
                    case "=": for i in 0..<n { o[i] = x[i] == y[i] }
                    case "!=": for i in 0..<n { o[i] = x[i] != y[i] }
                    case "<": for i in 0..<n { o[i] = x[i] < y[i] }
                    case "<=": for i in 0..<n { o[i] = x[i] <= y[i] }
                    case ">": for i in 0..<n { o[i] = x[i] > y[i] }
                    default: for i in 0..<n { o[i] = x[i] >= y[i] }
                    }
                }
            }
        }
    }
}
