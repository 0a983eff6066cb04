import RealizeStore

/// Writes a table as Excel and ERP systems write CSV in Europe (or the US), for tests of the sniffer:
/// a chosen delimiter, decimal comma or point, a thousands separator, day/month dates and an encoding.
public struct EuropeanCSV: Sendable {
    public var delimiter: Character = ";"
    public var decimalComma = true
    /// The thousands separator put into decimal amounts (`.`, `'`, `,`, U+00A0…), or nil for none.
    public var thousands: String? = "."
    /// `dmy` writes `31.12.2025` (with ``dateSeparator``), `mdy` writes `12/31/2025`, `ymd` writes ISO.
    public var dateOrder: DateOrder = .dmy
    public var dateSeparator: Character = "."
    public var encoding: CSVEncoding = .cp1252
    /// CRLF line ends, as Excel writes them.
    public var crlf = true

    public init() {}

    /// The table as bytes in this style.
    public func render(_ table: Table) -> [UInt8] {
        let eol = crlf ? "\r\n" : "\n"
        var text = table.columnNames.map(field).joined(separator: String(delimiter)) + eol
        for row in 0..<table.rowCount {
            text += table.columns.map { cell($0.value(at: row)) }.joined(separator: String(delimiter)) + eol
        }
        return encode(text)
    }

    /// Whether `text` survives ``encoding`` (Windows-1252 lacks, for example, `ł` and `ś`).
    public func canEncode(_ text: String) -> Bool {
        encoding != .cp1252 || text.unicodeScalars.allSatisfy { Self.cp1252Byte($0) != nil }
    }

    private func cell(_ value: Value) -> String {
        switch value {
        case .null: return ""
        case .int(let v): return String(v)
        case .double(let v): return String(v)
        case .decimal(let d): return amount(d.description)
        case .text(let s): return field(s)
        case .bool(let b): return b ? "true" : "false"
        case .period(let p): return CivilCalendar.formatPeriod(p)
        case .date(let days):
            let (y, m, d) = CivilCalendar.civil(days: days)
            func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
            let year = String(y), sep = String(dateSeparator)
            switch dateOrder {
            case .ymd: return CivilCalendar.formatDate(days)
            case .dmy: return two(d) + sep + two(m) + sep + year
            case .mdy: return two(m) + sep + two(d) + sep + year
            }
        }
    }

    /// `-1234567.50` as `-1.234.567,50` (with this style's separators).
    private func amount(_ plain: String) -> String {
        var sign = "", digits = Substring(plain)
        if digits.hasPrefix("-") { sign = "-"; digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        var whole = String(parts[0])
        if let thousands {
            var grouped = ""
            for (k, ch) in whole.reversed().enumerated() {
                if k > 0 && k % 3 == 0 { grouped = thousands + grouped }
                grouped = String(ch) + grouped
            }
            whole = grouped
        }
        let text = sign + whole + (parts.count > 1 ? (decimalComma ? "," : ".") + parts[1] : "")
        return field(text)
    }

    /// A field, quoted when it holds the delimiter, a quote or a line break.
    private func field(_ s: String) -> String {
        guard s.contains(delimiter) || s.contains("\"") || s.contains("\n") || s.contains("\r") else { return s }
        return "\"" + s.replacing("\"", with: "\"\"") + "\""
    }

    private func encode(_ text: String) -> [UInt8] {
        switch encoding {
        case .utf8: return Array(text.utf8)
        case .cp1252: return text.unicodeScalars.map { Self.cp1252Byte($0) ?? UInt8(ascii: "?") }
        case .utf16le, .utf16be:
            var out: [UInt8] = encoding == .utf16le ? [0xFF, 0xFE] : [0xFE, 0xFF]
            for u in text.utf16 {
                let (hi, lo) = (UInt8(u >> 8), UInt8(u & 0xFF))
                out += encoding == .utf16le ? [lo, hi] : [hi, lo]
            }
            return out
        }
    }

    private static let cp1252Specials: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87, 0x02C6: 0x88,
        0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91, 0x2019: 0x92, 0x201C: 0x93,
        0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98, 0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B,
        0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]

    /// The Windows-1252 byte of a scalar, or nil.
    static func cp1252Byte(_ s: Unicode.Scalar) -> UInt8? {
        if s.value < 0x80 || (s.value >= 0xA0 && s.value <= 0xFF) { return UInt8(s.value) }
        return cp1252Specials[s.value]
    }
}
