/// Formats a table's rows as CSV bytes, column buffers read directly (no boxing per cell).
///
/// Each column is unpacked once; each distinct text value is encoded (neutralised, quoted) once,
/// into an arena that rows then copy from.
struct CSVRowEncoder {
    private enum Cells {
        case int([Int64])
        case double([Double])
        case decimal(DecimalUnits, scale: Int)
        case text(codes: [UInt32], arena: [UInt8], starts: [Int])
        case date([Int32])
        case period([Int32])
        case bool([Bool])
    }

    private let cells: [Cells]
    private let validity: [Bitmap?]
    private let headerNames: [String]
    private let options: CSVWriteOptions
    private let newline: [UInt8]

    init(table: Table, options: CSVWriteOptions) {
        self.options = options
        newline = options.lineEnding.bytes
        headerNames = table.columnNames
        validity = table.columns.map(\.validity)
        cells = table.columns.map { column in
            switch column.storage {
            case .int(let a): return .int(a)
            case .double(let a): return .double(a)
            case .decimal(let a, let s): return .decimal(a, scale: s)
            case .date(let a): return .date(a)
            case .period(let a): return .period(a)
            case .bool(let a): return .bool(a)
            case .text(let codes, let dictionary):
                var arena: [UInt8] = []
                var starts = [0]
                starts.reserveCapacity(dictionary.count + 1)
                for entry in dictionary {
                    arena += CSVWriter.encodeText(entry, neutralise: options.neutraliseFormulas)
                    starts.append(arena.count)
                }
                return .text(codes: codes, arena: arena, starts: starts)
            }
        }
    }

    /// The byte-order mark, if asked for, and the header row, if asked for.
    func writePrologue(into out: inout [UInt8]) {
        if options.bom { out += [0xEF, 0xBB, 0xBF] }
        guard options.header, !headerNames.isEmpty else { return }
        for (c, name) in headerNames.enumerated() {
            if c > 0 { out.append(0x2C) }
            out += CSVWriter.encodeText(name, neutralise: options.neutraliseFormulas)
        }
        out += newline
    }

    /// One data row, with its line ending.
    func writeRow(_ row: Int, into out: inout [UInt8]) {
        for c in cells.indices {
            if c > 0 { out.append(0x2C) }
            if let v = validity[c], !v[row] { continue }
            switch cells[c] {
            case .int(let a): Self.appendInt(a[row], &out)
            case .decimal(let a, let scale): Self.appendDecimal(a[row], scale: scale, &out)
            case .double(let a): out += Value.formatDouble(a[row]).utf8
            case .text(let codes, let arena, let starts):
                let code = Int(codes[row])
                out += arena[starts[code]..<starts[code + 1]]
            case .date(let a): Self.appendDate(a[row], &out)
            case .period(let a): Self.appendPeriod(a[row], &out)
            case .bool(let a): out += a[row] ? Self.trueBytes : Self.falseBytes
            }
        }
        out += newline
    }

    private static let trueBytes = Array("true".utf8), falseBytes = Array("false".utf8)

    /// Decimal digits of a magnitude, at least `width` of them (zero-padded).
    @inline(__always)
    static func appendDigits(_ magnitude: UInt64, width: Int = 1, _ out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buf in
            var k = 24, m = magnitude
            repeat {
                k -= 1
                buf[k] = 0x30 + UInt8(m % 10)
                m /= 10
            } while m > 0 || 24 - k < width
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buf[k..<24]))
        }
    }

    static func appendInt(_ v: Int64, _ out: inout [UInt8]) {
        if v < 0 { out.append(0x2D) }
        appendDigits(v.magnitude, &out)
    }

    /// `units × 10^-scale` written exactly at `scale` digits, as ``FixedDecimal/description``.
    static func appendDecimal(_ units: Int128, scale: Int, _ out: inout [UInt8]) {
        if units < 0 { out.append(0x2D) }
        let mag = units.magnitude
        // Values of up to 19 digits (nearly all) take the 64-bit path.
        if mag <= UInt128(UInt64.max) {
            let m = UInt64(mag)
            guard scale > 0 else { return appendDigits(m, &out) }
            let f = UInt64(FixedDecimal.pow10[scale])
            appendDigits(m / f, &out)
            out.append(0x2E)
            appendDigits(m % f, width: scale, &out)
            return
        }
        let (whole, frac) = mag.quotientAndRemainder(dividingBy: UInt128(FixedDecimal.pow10[scale]))
        out += String(whole).utf8
        guard scale > 0 else { return }
        out.append(0x2E)
        appendDigits(UInt64(frac), width: scale, &out)
    }

    static func appendDate(_ days: Int32, _ out: inout [UInt8]) {
        let (y, m, d) = CivilCalendar.civil(days: days)
        guard (0...9999).contains(y) else { return out += CivilCalendar.formatDate(days).utf8 }
        appendDigits(UInt64(y), width: 4, &out)
        out.append(0x2D)
        appendDigits(UInt64(m), width: 2, &out)
        out.append(0x2D)
        appendDigits(UInt64(d), width: 2, &out)
    }

    static func appendPeriod(_ period: Int32, _ out: inout [UInt8]) {
        let (y, m) = CivilCalendar.yearMonth(period: period)
        guard (0...9999).contains(y) else { return out += CivilCalendar.formatPeriod(period).utf8 }
        appendDigits(UInt64(y), width: 4, &out)
        out.append(0x2D)
        appendDigits(UInt64(m), width: 2, &out)
    }
}
