/// Pass 2 of the reader: parses one column's fields straight into its typed buffer.
///
/// No value is boxed: each type has a loop over the column's spans that writes `Int64`,
/// `Double`, `Int32` or `Bool` slots, or dictionary codes for text. A null leaves a zero slot
/// and a cleared validity bit.
struct ColumnDecoder {
    let p: UnsafePointer<UInt8>
    let index: FieldIndex
    let column: Int
    /// The years a period may fall in (``CSVReadOptions/periodYears``).
    var periodYears: ClosedRange<Int> = CSVReadOptions.defaultPeriodYears
    /// Asked every 64K rows; true abandons the column with a ``BadRow`` marked `cancelled`.
    var shouldStop: () -> Bool = { false }

    /// The decoded storage and validity, or the data row (0-based) of the first value that does not parse.
    typealias Outcome = Result<(storage: ColumnStorage, validity: Bitmap?), BadRow>

    /// The row that failed to parse, or (`cancelled`) the row where ``shouldStop`` stopped the decoding.
    struct BadRow: Error {
        var row: Int
        var cancelled = false
    }

    /// Decodes the column by its plan: a number or date format, or the plain parsers for its type.
    func decode(_ plan: ColumnPlan) -> Outcome {
        if let number = plan.number {
            let scale = plan.scale
            if plan.type == .decimal && !(plan.wholeNumbers && scale == 0) {
                return decimals(scale: scale) { p, s, e in number.units(p, s, e, scale: scale) }
            }
            let decoded = fixed(Int128(0)) { p, s, e in number.units(p, s, e, scale: scale) }
            guard case .success(let (values, validity)) = decoded else { return decoded.map { (.decimal($0.values, scale: scale), $0.validity) } }
            if plan.type == .double {  // asked for by a type override
                return .success((.double(values.map { FixedDecimal.double($0, scale: scale) }), validity))
            }
            if plan.wholeNumbers && scale == 0 {
                var ints: [Int64] = []
                ints.reserveCapacity(values.count)
                for v in values {
                    guard let i = Int64(exactly: v) else { return .success((.decimal(values, scale: 0), validity)) }
                    ints.append(i)
                }
                return .success((.int(ints), validity))
            }
            return .success((.decimal(values, scale: scale), validity))
        }
        if let date = plan.date {
            return fixed(Int32(0), date.days).map { (.date($0.values), $0.validity) }
        }
        return decode(as: plan.type, scale: plan.scale)
    }

    /// Decodes the column as `type` (with `scale` for decimals).
    func decode(as type: DataType, scale: Int) -> Outcome {
        switch type {
        case .int:
            return fixed(Int64(0), FieldParsers.int).map { (.int($0.values), $0.validity) }
        case .decimal:
            return decimals(scale: scale) { p, s, e in FieldParsers.decimalUnits(p, s, e, scale: scale) }
        case .double:
            // NaN and ±Inf are refused: they have no place in an order or a sum (README, "Loading data").
            return fixed(0.0) { p, s, e in FieldParsers.double(p, s, e).flatMap { $0.isFinite ? $0 : nil } }
                .map { (.double($0.values), $0.validity) }
        case .date:
            return fixed(Int32(0), FieldParsers.date).map { (.date($0.values), $0.validity) }
        case .period:
            let lo = CivilCalendar.period(year: periodYears.lowerBound, month: 1)
            let hi = CivilCalendar.period(year: periodYears.upperBound, month: 12)
            return fixed(Int32(0)) { p, s, e in FieldParsers.period(p, s, e).flatMap { lo...hi ~= $0 ? $0 : nil } }
                .map { (.period($0.values), $0.validity) }
        case .bool:
            return fixed(false, FieldParsers.bool).map { (.bool($0.values), $0.validity) }
        case .text:
            return text()
        }
    }

    /// A decimal column, in 64-bit slots (8 bytes a value) when every value fits; the first value that does not
    /// fit, or does not parse, decodes the column again in 128-bit slots (which reports a bad row as before).
    private func decimals(scale: Int, _ parse: (UnsafePointer<UInt8>, Int, Int) -> Int128?) -> Outcome {
        switch fixed(Int64(0), { p, s, e in parse(p, s, e).flatMap { Int64(exactly: $0) } }) {
        case .success(let (values, validity)):
            return .success((.decimal(DecimalUnits(narrow: values), scale: scale), validity))
        case .failure(let bad) where bad.cancelled:
            return .failure(bad)
        case .failure:
            return fixed(Int128(0), parse).map { (.decimal(DecimalUnits(wide: $0.values), scale: scale), $0.validity) }
        }
    }

    /// A fixed-width column: an unquoted empty field and a quoted empty field (`""`) are null.
    @inline(__always)
    private func fixed<T>(
        _ zero: T, _ parse: (UnsafePointer<UInt8>, Int, Int) -> T?
    ) -> Result<(values: [T], validity: Bitmap?), BadRow> {
        let rows = index.rowCount
        var validity: Bitmap? = nil
        var bad = -1
        var stopped = false
        let values = [T](unsafeUninitializedCapacity: rows) { out, initialized in
            for r in 0..<rows {
                index.passed(row: r + 1)
                if r & 0xFFFF == 0xFFFF, shouldStop() {
                    stopped = true
                    bad = r
                    break
                }
                let (s, e) = FieldContent.unquoted(p, index.span(row: r + 1, column: column))
                if s == e {
                    out.initializeElement(at: r, to: zero)
                    if validity == nil { validity = Bitmap(count: rows, value: true) }
                    validity![r] = false
                } else if let v = parse(p, s, e) {
                    out.initializeElement(at: r, to: v)
                } else {
                    bad = r
                    break
                }
            }
            if bad >= 0 {
                // Keep the array well-formed: fill the rest with zeros before failing.
                for r in bad..<rows { out.initializeElement(at: r, to: zero) }
            }
            initialized = rows
        }
        if bad >= 0 { return .failure(BadRow(row: bad, cancelled: stopped)) }
        return .success((values, validity))
    }

    /// A text column, dictionary-encoded by the bytes. An unquoted empty field is null; a quoted
    /// empty field is the empty string. Doubled quotes inside quoted fields are undone.
    private func text() -> Outcome {
        let rows = index.rowCount
        var interner = ByteInterner()
        var validity: Bitmap? = nil
        var scratch: [UInt8] = []
        var stopped = false
        // The last field interned straight from the buffer: a key repeated on consecutive rows (a project's
        // months) is matched against its bytes without a call to the interner, which would give the same code.
        var previous = (start: 0, length: -1, code: UInt32(0))
        let codes = [UInt32](unsafeUninitializedCapacity: rows) { out, initialized in
            for r in 0..<rows {
                index.passed(row: r + 1)
                if r & 0xFFFF == 0xFFFF, shouldStop() {
                    // Keep the array well-formed before giving up.
                    for k in r..<rows { out.initializeElement(at: k, to: 0) }
                    stopped = true
                    break
                }
                let span = index.span(row: r + 1, column: column)
                if span.start == span.end {
                    out.initializeElement(at: r, to: 0)
                    if validity == nil { validity = Bitmap(count: rows, value: true) }
                    validity![r] = false
                    continue
                }
                guard FieldContent.isQuoted(p, span) else {
                    let length = span.end &- span.start
                    if length == previous.length && memoryEqual(p + previous.start, p + span.start, length) {
                        out.initializeElement(at: r, to: previous.code)
                        continue
                    }
                    let code = interner.intern(p + span.start, length)
                    previous = (span.start, length, code)
                    out.initializeElement(at: r, to: code)
                    continue
                }
                let s = span.start + 1, e = span.end - 1
                var k = s
                while k < e && p[k] != CSVTokenizer.quote { k += 1 }
                if k == e {
                    out.initializeElement(at: r, to: interner.intern(p + s, e - s))
                    continue
                }
                // Undo doubled quotes into a scratch buffer.
                scratch.removeAll(keepingCapacity: true)
                scratch.append(contentsOf: UnsafeBufferPointer(start: p + s, count: k - s))
                while k < e {
                    let c = p[k]
                    scratch.append(c)
                    k += c == CSVTokenizer.quote ? 2 : 1
                }
                let code = scratch.withUnsafeBufferPointer { interner.intern($0.baseAddress!, $0.count) }
                out.initializeElement(at: r, to: code)
            }
            initialized = rows
        }
        if stopped { return .failure(BadRow(row: 0, cancelled: true)) }
        return .success((.text(codes: codes, dictionary: interner.strings()), validity))
    }
}
