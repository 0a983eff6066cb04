import CODBC
import RealizeStore

/// The bound buffers of one result column: `rows` elements of the plan's width, and their length
/// indicators, filled by each SQLFetch.
struct ODBCColumnBlock {
    let plan: ODBCColumnPlan
    let buffer: UnsafeMutableRawPointer
    let lengths: UnsafeMutablePointer<SQLLEN>

    init(plan: ODBCColumnPlan, rows: Int) {
        self.plan = plan
        buffer = .allocate(byteCount: plan.width * rows, alignment: 8)
        lengths = .allocate(capacity: rows)
    }

    func deallocate() {
        buffer.deallocate()
        lengths.deallocate()
    }

    /// Appends the first `rows` fetched values to `sink`, exactly.
    ///
    /// - Throws: ``ODBCError`` `fetch` for a text too long for its buffer, or a value that does not
    ///   parse as its type (a decimal over 38 digits, a date out of range).
    func append(rows: Int, into sink: inout ODBCColumnSink, firstRow: Int) throws(ODBCError) {
        let null = realize_odbc_null_data()
        for r in 0..<rows {
            let length = Int(lengths[r])
            if length == null {
                sink.appendNull()
                continue
            }
            switch plan.fetch {
            case .int: sink.builder.append(.int(buffer.load(fromByteOffset: r * 8, as: Int64.self)))
            case .double: sink.builder.append(.double(buffer.load(fromByteOffset: r * 8, as: Double.self)))
            case .bit: sink.builder.append(.bool(buffer.load(fromByteOffset: r, as: UInt8.self) != 0))
            case .date: try appendDate(at: r, row: firstRow + r, into: &sink.builder)
            case .text:
                guard length >= 0, length < plan.width else {
                    throw ODBCError(
                        .fetch, row: firstRow + r + 1,
                        message: "a value in column `\(plan.name)` (row \(firstRow + r + 1)) is longer than \(plan.width - 1) bytes")
                }
                let bytes = UnsafeRawBufferPointer(start: buffer + r * plan.width, count: length)
                if plan.type == .text {
                    sink.text.append(bytes)
                } else if plan.type == .decimal {
                    try appendDecimal(bytes, row: firstRow + r, into: &sink.decimal)
                } else {
                    try appendText(bytes, row: firstRow + r, into: &sink.builder)
                }
            }
        }
    }

    /// Appends element `r` of a bound SQL_DATE_STRUCT array, checked as strictly as a `YYYY-MM-DD` text.
    private func appendDate(at r: Int, row: Int, into builder: inout ColumnBuilder) throws(ODBCError) {
        var year: Int32 = 0
        var month: Int32 = 0
        var day: Int32 = 0
        realize_odbc_date_at(buffer, r, &year, &month, &day)
        let (y, m, d) = (Int(year), Int(month), Int(day))
        guard (0...9999).contains(y), (1...12).contains(m), d >= 1, d <= CivilCalendar.daysInMonth(year: y, month: m) else {
            throw ODBCError(.fetch, row: row + 1, message: "`\(y)-\(m)-\(d)` in column `\(plan.name)` (row \(row + 1)) is not a date Realize can hold")
        }
        builder.append(.date(CivilCalendar.days(year: y, month: m, day: d)))
    }

    /// Appends a decimal's text, exactly: plain digits straight from the bytes, anything else
    /// (an exponent, a currency amount) through ``FixedDecimal``'s parser.
    @inline(__always)
    private func appendDecimal(_ bytes: UnsafeRawBufferPointer, row: Int, into column: inout ODBCDecimalColumn) throws(ODBCError) {
        if !plan.isMoney, let d = Self.plainDecimal(bytes) {
            column.append(d)
            return
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if plan.isMoney { text = Self.moneyDigits(text) }
        guard let d = FixedDecimal(parsing: Substring(text)) else {
            throw ODBCError(.fetch, row: row + 1, message: "`\(text)` in column `\(plan.name)` (row \(row + 1)) is not a decimal Realize can hold exactly")
        }
        column.append(d)
    }

    private func appendText(_ bytes: UnsafeRawBufferPointer, row: Int, into builder: inout ColumnBuilder) throws(ODBCError) {
        switch plan.type {
        case .date:
            let day = bytes.prefix(10)
            guard let d = CivilCalendar.parseDate(day) else {
                throw ODBCError(
                    .fetch, row: row + 1,
                    message: "`\(String(decoding: bytes, as: UTF8.self))` in column `\(plan.name)` (row \(row + 1)) is not a date Realize can hold")
            }
            builder.append(.date(d))
        case .bool:
            let text = String(decoding: bytes, as: UTF8.self).lowercased()
            switch text {
            case "1", "t", "true", "y", "yes": builder.append(.bool(true))
            case "0", "f", "false", "n", "no": builder.append(.bool(false))
            default: throw ODBCError(.fetch, row: row + 1, message: "`\(text)` in column `\(plan.name)` (row \(row + 1)) is not a boolean")
            }
        default:
            builder.appendText(String(decoding: bytes, as: UTF8.self))  // not reached: text goes to ODBCTextColumn
        }
    }

    /// A currency amount's text as a plain number: `-$1,234.56` and `($1,234.56)` become `-1234.56`.
    static func moneyDigits(_ text: String) -> String {
        let negative = text.contains("-") || text.hasPrefix("(")
        let digits = text.filter { $0.isASCII && ($0.isNumber || $0 == ".") }
        return negative ? "-" + digits : digits
    }

    /// `-123.45` as exact units and scale, read straight from the bytes (the common case, without a
    /// String); nil for anything else (an exponent, more than 38 digits), which ``FixedDecimal`` then parses.
    ///
    /// Up to 18 digits accumulate in 64 bits, one multiply-add a digit; longer numbers take the
    /// 128-bit loop.
    static func plainDecimal(_ bytes: UnsafeRawBufferPointer) -> FixedDecimal? {
        guard let base = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), !bytes.isEmpty else { return nil }
        let count = bytes.count
        let negative = base[0] == UInt8(ascii: "-")
        var i = negative || base[0] == UInt8(ascii: "+") ? 1 : 0
        var units: UInt64 = 0
        var digits = 0
        var scale = -1
        while i < count {
            let c = base[i]
            let d = c &- UInt8(ascii: "0")
            if d < 10 {
                guard digits < 18 else { return wideDecimal(bytes) }
                units = units &* 10 &+ UInt64(d)
                digits += 1
                if scale >= 0 { scale += 1 }
            } else if c == UInt8(ascii: "."), scale < 0 {
                scale = 0
            } else {
                return nil
            }
            i += 1
        }
        guard digits > 0, scale <= FixedDecimal.maxScale else { return nil }
        let value = Int128(units)
        return FixedDecimal(units: negative ? -value : value, scale: max(scale, 0))
    }

    /// ``plainDecimal(_:)`` for numbers of more than 18 digits: 128-bit units, up to 38 digits.
    static func wideDecimal(_ bytes: UnsafeRawBufferPointer) -> FixedDecimal? {
        var i = 0
        let negative = bytes.first == UInt8(ascii: "-")
        if negative || bytes.first == UInt8(ascii: "+") { i = 1 }
        var units: Int128 = 0
        var digits = 0
        var scale = -1
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "."), scale < 0 {
                scale = 0
            } else if c &- UInt8(ascii: "0") < 10 {
                digits += 1
                guard digits <= 38 else { return nil }
                units = units &* 10 &+ Int128(c &- UInt8(ascii: "0"))
                if scale >= 0 { scale += 1 }
            } else {
                return nil
            }
            i += 1
        }
        guard digits > 0, scale <= FixedDecimal.maxScale else { return nil }
        return FixedDecimal(units: negative ? -units : units, scale: max(scale, 0))
    }
}
