import RealizeStore

extension ScalarFunction {
    /// `to_double`, `to_int` and `to_decimal` of a number column, a column at a time over typed buffers; nil when
    /// some value does not convert (the row-by-row path then nulls it and counts it), or for other inputs.
    ///
    /// The column is the one the row-by-row path builds: a decimal at the scale asked for, else at the input's
    /// (scale 0 when no row has a value, as an empty ``ColumnBuilder``).
    func convertNumbers(_ c: Column, scale: Int?) -> Column? {
        let v = c.validity
        func hasValue() -> Bool { v.map { $0.popCount > 0 } ?? (c.count > 0) }
        func isValid(_ i: Int) -> Bool { v.map { $0[i] } ?? true }
        let storage: ColumnStorage
        switch (self, c.storage) {
        case (.toDouble, .int), (.toDouble, .double), (.toDouble, .decimal):
            storage = .double(NumericVector(c).doubles)
        case (.toInt, .int(let a)): storage = .int(a)
        case (.toInt, .bool(let a)): storage = .int(a.map { $0 ? 1 : 0 })
        case (.toInt, .decimal(let a, let s)):
            // Whole numbers only: `to_int(2.5)` does not convert.
            let f = FixedDecimal.pow10[s]
            var out = [Int64](repeating: 0, count: a.count)
            for i in a.indices where isValid(i) {
                let (q, r) = a[i].quotientAndRemainder(dividingBy: f)
                guard r == 0, let x = Int64(exactly: q) else { return nil }
                out[i] = x
            }
            storage = .int(out)
        case (.toInt, .double(let a)):
            var out = [Int64](repeating: 0, count: a.count)
            for i in a.indices where isValid(i) {
                let x = a[i]
                guard x.isFinite, x.rounded() == x, Swift.abs(x) < 9.2e18 else { return nil }
                out[i] = Int64(x)
            }
            storage = .int(out)
        case (.toDecimal, .int(let a)):
            let s = scale ?? 0
            let f = Int128(FixedDecimal.pow10[s])
            // An int times 10^18 still fits 128 bits.
            storage = .decimal(a.map { Int128($0) * f }, scale: hasValue() ? s : 0)
        case (.toDecimal, .decimal(let a, let s)):
            let target = scale ?? s
            var out = [Int128](repeating: 0, count: a.count)
            for i in a.indices where isValid(i) {
                // Widening is exact (or overflows); narrowing converts only a value without the extra digits.
                guard let r = FixedDecimal.rescale(a[i], from: s, to: target) else { return nil }
                if target < s {
                    let (back, o) = r.multipliedReportingOverflow(by: FixedDecimal.pow10[s - target])
                    guard !o, back == a[i] else { return nil }
                }
                out[i] = r
            }
            storage = .decimal(out, scale: hasValue() ? target : 0)
        default: return nil
        }
        return Column(name: "", storage: storage, validity: v)
    }
}
