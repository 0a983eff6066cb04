import RealizeStore

/// Comparisons of a column with a constant: the constant stays one value (no column of `n` copies), and the
/// loop runs over the column's own buffer.
extension BinaryOperator {
    /// `a op v` per row, for a number, date or period column against a non-null literal of a kind the kernel
    /// compares exactly as ``compare(_:_:rows:)`` would; nil for any other pair (the caller then broadcasts).
    func compare(_ a: Column, scalar v: Value) -> Column? {
        var out = [Bool](repeating: false, count: a.count)
        switch (a.storage, v) {
        case (.int(let x), .int(let y)):
            compareScalarLoop(x, y, &out)
        case (.double(let x), .int(let y)):
            compareScalarLoop(x, Double(y), &out)
        case (.double(let x), .double(let y)):
            compareScalarLoop(x, y, &out)
        case (.double(let x), .decimal(let d)):
            compareScalarLoop(x, FixedDecimal.double(d.units, scale: d.scale), &out)
        case (.decimal(let x, let s), .int(let y)):
            // |Int64| × 10^18 < 2^127: the literal at the column's scale always fits.
            compareScalarLoop(x, Int128(y) * FixedDecimal.pow10[s], &out)
        case (.decimal(let x, let s), .decimal(let d)):
            // Only when the literal is exact at the column's scale (no rounding, no overflow).
            guard d.scale <= s, let y = FixedDecimal.rescale(d.units, from: d.scale, to: s) else { return nil }
            compareScalarLoop(x, y, &out)
        case (.date(let x), .date(let y)), (.period(let x), .period(let y)):
            compareScalarLoop(x, y, &out)
        default:
            return nil
        }
        return Column(name: "", storage: .bool(out), validity: a.validity)
    }

    /// The comparison of decimal units with a constant at their scale: over the 64-bit buffer when both fit it.
    func compareScalarLoop(_ x: DecimalUnits, _ y: Int128, _ out: inout [Bool]) {
        if let narrow = x.narrow, let y = Int64(exactly: y) {
            compareScalarLoop(narrow, y, &out)
        } else {
            compareScalarLoop(x.widened, y, &out)
        }
    }

    /// The comparison of a buffer with one value, one tight loop per operator.
    func compareScalarLoop<T: Comparable>(_ x: [T], _ y: T, _ out: inout [Bool]) {
        let n = out.count
        x.withUnsafeBufferPointer { x in
            out.withUnsafeMutableBufferPointer { o in
                switch self {
                case .equal: for i in 0..<n { o[i] = x[i] == y }
                case .notEqual: for i in 0..<n { o[i] = x[i] != y }
                case .less: for i in 0..<n { o[i] = x[i] < y }
                case .lessOrEqual: for i in 0..<n { o[i] = x[i] <= y }
                case .greater: for i in 0..<n { o[i] = x[i] > y }
                default: for i in 0..<n { o[i] = x[i] >= y }
                }
            }
        }
    }
}
