/// Reads a column in one pass when its first value shows a plain type: a number of at most 18 digits
/// (`int`, or `decimal` with a point), a `YYYY-MM` period or a `YYYY-MM-DD` date.
///
/// The plain reader infers a column's type from all of its values (``TypeInference``) and then decodes
/// them in a second pass (``ColumnDecoder``), so each value of a number column is parsed twice. This
/// decoder guesses the type from the first value and decodes every value as that type, checking on the
/// way that each value is one for which inference keeps that type:
/// - a number `[+-]?` digits with at most one `.` and 1 to 18 digits: inference gives `int` when no
///   value has a point, else `decimal` at the most fractional digits seen, and no date, period or bool
///   reads such a value; decoding gives the same units (kept in 64 bits, as ``ColumnDecoder`` keeps
///   them when they fit);
/// - a strict `YYYY-MM` (within the period years) or `YYYY-MM-DD`: no number or other type reads it.
///
/// At the first value that does not fit (a longer number, an exponent, a text, a units overflow, a
/// period out of range) it gives up: the caller then takes the two passes, which find the type and
/// the values, or the first error, as ever. The table is therefore the same either way.
struct SpeculativeDecoder {
    let p: UnsafePointer<UInt8>
    let index: FieldIndex
    let column: Int
    /// The years a period may fall in (``CSVReadOptions/periodYears``).
    var periodYears: ClosedRange<Int>
    /// Whether a value may hold a decimal point: false when the file's decimal separator is a comma,
    /// whose decimals the format inference reads.
    var pointAllowed: Bool
    /// Asked every 64K rows; true abandons the column with a ``ColumnDecoder/BadRow`` marked `cancelled`.
    var shouldStop: () -> Bool

    /// The column's plan and values, or nil when the two passes must read it.
    func decode() -> ColumnWork.Outcome? {
        var first = 1
        while first < index.rowCountWithHeader {
            let (s, e) = FieldContent.unquoted(p, index.span(row: first, column: column))
            if s != e {
                if FieldParsers.period(p, s, e) != nil { return days(.period) }
                if FieldParsers.date(p, s, e) != nil { return days(.date) }
                return Self.plainNumber(p, s, e, pointAllowed) == nil ? nil : numbers()
            }
            first += 1
        }
        return nil  // no value: the column is text
    }

    /// Whether the column's first value is a plain number (and neither a period nor a date): a column
    /// ``decode()`` would read as numbers, the costliest per value. Reads only up to the first value.
    var startsWithNumber: Bool {
        var first = 1
        while first < index.rowCountWithHeader {
            let (s, e) = FieldContent.unquoted(p, index.span(row: first, column: column))
            if s != e {
                if FieldParsers.period(p, s, e) != nil || FieldParsers.date(p, s, e) != nil { return false }
                return Self.plainNumber(p, s, e, pointAllowed) != nil
            }
            first += 1
        }
        return false
    }

    /// The end of the last field: the buffer holds at least this many bytes, so a load of eight bytes at
    /// `i` stays within it when `i + 8 <= lastByte`.
    private var lastByte: Int {
        index.rowCountWithHeader == 0 ? 0 : index.span(row: index.rowCountWithHeader - 1, column: index.columnCount - 1).end
    }

    /// The end of the block of rows that starts at `first`: just before the next row `r` with
    /// `r & 0xFFFF == 0xFFFF`, or `rows`. The loops ask ``shouldStop`` and drop the pages behind them
    /// (``FieldIndex/passed(row:)``, which acts only on those rows) once a block, at its first row,
    /// instead of testing every row.
    @inline(__always)
    static func blockEnd(_ first: Int, _ rows: Int) -> Int { min(rows, (first &+ 1) | 0xFFFF) }

    /// At the first row of every block but the first (see ``blockEnd(_:_:)``): drops the pages behind it and
    /// says whether ``shouldStop`` asks the loop to stop there.
    @inline(__always)
    private func stopsAtBlock(_ first: Int) -> Bool {
        guard first & 0xFFFF == 0xFFFF else { return false }
        index.passed(row: first + 1)
        return shouldStop()
    }

    /// Powers of ten that fit `Int64`.
    private static let pow10: [Int64] = (0...18).map { n in (0..<n).reduce(Int64(1)) { acc, _ in acc * 10 } }

    /// A number `[+-]?` digits with at most one point (at most 18 digits, at least one) as its digits
    /// with the sign, its fractional digits and whether it has a point; nil for anything else.
    @inline(__always)
    static func plainNumber(
        _ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int, _ pointAllowed: Bool
    ) -> (mantissa: Int64, frac: Int, point: Bool)? {
        var i = s
        let negative = p[i] == FieldParsers.minus
        if negative || p[i] == FieldParsers.plus { i &+= 1 }
        let intStart = i
        var v: Int64 = 0
        while i < e, case let d = p[i] &- FieldParsers.digit0, d < 10 {
            v = v &* 10 &+ Int64(d)
            i &+= 1
        }
        var digits = i &- intStart, frac = 0
        if i < e {
            guard p[i] == FieldParsers.dot, pointAllowed else { return nil }
            i &+= 1
            let fracStart = i
            while i < e, case let d = p[i] &- FieldParsers.digit0, d < 10 {
                v = v &* 10 &+ Int64(d)
                i &+= 1
            }
            guard i == e else { return nil }
            frac = e &- fracStart
            digits &+= frac
            guard digits > 0, digits <= 18 else { return nil }
            return (negative ? 0 &- v : v, frac, true)
        }
        guard digits > 0, digits <= 18 else { return nil }
        return (negative ? 0 &- v : v, 0, false)
    }

    /// An `int` or `decimal` column: each value is kept at the most fractional digits seen so far, and the
    /// values before are scaled up when a value has more.
    private func numbers() -> ColumnWork.Outcome? {
        let rows = index.rowCount
        var validity: Bitmap? = nil
        var scale = 0, sawPoint = false
        // The shape of a value that changes nothing but its own slot: as many fractional digits as the scale
        // (with the point, once one was seen). Any other shape takes the checks below.
        var plainShape = 0
        var stop = -1, stopped = false
        let limit = lastByte
        let values = [Int64](unsafeUninitializedCapacity: rows) { out, initialized in
            var first = 0
            rowLoop: while first < rows {
                if stopsAtBlock(first) {
                    (stop, stopped) = (first, true)
                    break
                }
                for r in first..<Self.blockEnd(first, rows) {
                    let (s, e) = FieldContent.unquoted(p, index.span(row: r + 1, column: column))
                    if s == e {
                        out.initializeElement(at: r, to: 0)
                        if validity == nil { validity = Bitmap(count: rows, value: true) }
                        validity![r] = false
                        continue
                    }
                    // SWARNumber.plainNumber, its one-word case written out (a call is not inlined here).
                    let negative = p[s] == FieldParsers.minus
                    let i = negative || p[s] == FieldParsers.plus ? s &+ 1 : s
                    let length = e &- i
                    var units: Int64 = 0, shape = -1
                    if UInt(bitPattern: length &- 1) < 8, i &+ 8 <= limit {
                        let x = SWARNumber.word(p, i, length)
                        let bad = SWARNumber.nonDigits(x)
                        if bad == 0 {
                            (units, shape) = (Int64(truncatingIfNeeded: SWARNumber.eightDigits(x)), 0)
                        } else if pointAllowed, bad & (bad &- 1) == 0, length > 1, case let j = bad.trailingZeroBitCount &>> 3, SWARNumber.isPoint(x, j) {
                            (units, shape) = (Int64(truncatingIfNeeded: SWARNumber.eightDigits(SWARNumber.dropping(x, j))), 8 &- j)
                        }
                        if negative { units = 0 &- units }
                    } else {
                        (units, shape) = SWARNumber.plainNumber(p, s, e, limit: limit, pointAllowed)
                    }
                    if shape < 0 {
                        guard let n = Self.plainNumber(p, s, e, pointAllowed) else {
                            stop = r
                            break rowLoop
                        }
                        (units, shape) = (n.mantissa, n.point ? n.frac + 1 : 0)
                    }
                    if shape == plainShape {
                        out.initializeElement(at: r, to: units)
                        continue
                    }
                    sawPoint = sawPoint || shape > 0
                    let frac = shape > 0 ? shape - 1 : 0
                    if frac > scale {
                        let f = Self.pow10[frac - scale]
                        for k in 0..<r {
                            let (scaled, overflow) = out[k].multipliedReportingOverflow(by: f)
                            if overflow {
                                stop = r
                                break rowLoop
                            }
                            out[k] = scaled
                        }
                        scale = frac
                    } else if frac < scale {
                        let (scaled, overflow) = units.multipliedReportingOverflow(by: Self.pow10[scale - frac])
                        if overflow {
                            stop = r
                            break rowLoop
                        }
                        units = scaled
                    }
                    plainShape = sawPoint ? scale + 1 : 0
                    out.initializeElement(at: r, to: units)
                }
                first = Self.blockEnd(first, rows)
            }
            if stop >= 0 {
                // Keep the array well-formed before giving up.
                for r in stop..<rows { out.initializeElement(at: r, to: 0) }
            }
            initialized = rows
        }
        let plan = sawPoint ? ColumnPlan(type: .decimal, scale: scale) : ColumnPlan(type: .int)
        if stopped { return .decodeFailed(plan, ColumnDecoder.BadRow(row: stop, cancelled: true)) }
        if stop >= 0 { return nil }
        return .decoded(plan, sawPoint ? .decimal(DecimalUnits(narrow: values), scale: scale) : .int(values), validity)
    }

    /// A `period` (within the period years) or `date` column. (The parsers are called directly, not through
    /// a closure, so that they are inlined in the loop.)
    private func days(_ type: DataType) -> ColumnWork.Outcome? {
        let lo = CivilCalendar.period(year: periodYears.lowerBound, month: 1)
        let hi = CivilCalendar.period(year: periodYears.upperBound, month: 12)
        let periods = type == .period
        let rows = index.rowCount
        var validity: Bitmap? = nil
        var stop = -1, stopped = false
        let limit = lastByte
        let values = [Int32](unsafeUninitializedCapacity: rows) { out, initialized in
            var first = 0
            rowLoop: while first < rows {
                if stopsAtBlock(first) {
                    (stop, stopped) = (first, true)
                    break
                }
                for r in first..<Self.blockEnd(first, rows) {
                    let (s, e) = FieldContent.unquoted(p, index.span(row: r + 1, column: column))
                    if s == e {
                        out.initializeElement(at: r, to: 0)
                        if validity == nil { validity = Bitmap(count: rows, value: true) }
                        validity![r] = false
                    } else if let v = periods
                        ? SWARDays.period(p, s, e, limit: limit) ?? FieldParsers.period(p, s, e)
                        : SWARDays.date(p, s, e, limit: limit) ?? FieldParsers.date(p, s, e),
                        !periods || (lo...hi ~= v)
                    {
                        out.initializeElement(at: r, to: v)
                    } else {
                        stop = r
                        break rowLoop
                    }
                }
                first = Self.blockEnd(first, rows)
            }
            if stop >= 0 {
                for r in stop..<rows { out.initializeElement(at: r, to: 0) }
            }
            initialized = rows
        }
        let plan = ColumnPlan(type: type)
        if stopped { return .decodeFailed(plan, ColumnDecoder.BadRow(row: stop, cancelled: true)) }
        if stop >= 0 { return nil }
        return .decoded(plan, type == .date ? .date(values) : .period(values), validity)
    }
}
