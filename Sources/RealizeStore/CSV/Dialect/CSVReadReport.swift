/// What a sniffing read chose for one file: its dialect and each column's type and format.
public struct CSVReadReport: Sendable {
    /// One column's choice, or why there is none.
    public struct Column: Sendable {
        /// The header name.
        public var name: String
        var plan: ColumnPlan?
        /// Why the column cannot be read as it is (only from ``CSVReader/sniff(bytes:sourceName:options:)``).
        public var problem: String?

        /// The type the column gets, or nil when it has a problem.
        public var type: DataType? { plan.map { $0.wholeNumbers ? .int : $0.type } }
        /// The format of its values as a sample or pattern: `1.234,56`, `(1'234.50)`, `dd.mm.yyyy`; empty for plain ones.
        public var format: String { plan?.formatDescription ?? "" }
        /// The non-ISO date pattern, if the column holds such dates.
        var datePattern: String? { plan?.date?.pattern }
    }

    /// The file as named by the caller.
    public var file: String
    /// Delimiter, encoding and decimal separator.
    public var dialect: CSVDialect
    /// Data rows.
    public var rowCount: Int
    /// The columns, in order.
    public var columns: [Column] = []

    /// The thousands separators the columns use, as shown to a user (`'.'`, `'''`, `no-break space`).
    public var thousandsSeparators: [String] {
        var out: [String] = []
        for c in columns {
            guard let g = c.plan?.number?.grouping, !g.isEmpty else { continue }
            let name: String
            switch g {
            case [0x20]: name = "space"
            case [0xC2, 0xA0]: name = "no-break space"
            case [0xE2, 0x80, 0xAF]: name = "narrow no-break space"
            default: name = "'" + String(decoding: g, as: UTF8.self) + "'"
            }
            if !out.contains(name) { out.append(name) }
        }
        return out
    }

    /// The one-line report of a load, or nil when the file is plain (comma, UTF-8, decimal point, ISO dates):
    /// `financials.csv: ';'-separated, decimal comma, Windows-1252, dates dd.mm.yyyy`.
    public var note: String? {
        var parts: [String] = []
        if dialect.delimiter != UInt8(ascii: ",") { parts.append("\(dialect.delimiterName)-separated") }
        if dialect.decimalSeparator == UInt8(ascii: ",") { parts.append("decimal comma") }
        if dialect.encoding != .utf8 { parts.append(dialect.encoding.displayName) }
        var patterns: [String] = []
        for c in columns { if let d = c.datePattern, !patterns.contains(d) { patterns.append(d) } }
        if !patterns.isEmpty { parts.append("dates " + patterns.joined(separator: ", ")) }
        return parts.isEmpty ? nil : "\(file): " + parts.joined(separator: ", ")
    }
}
