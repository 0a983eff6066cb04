/// The text encoding of a CSV file.
public enum CSVEncoding: String, Sendable, Hashable, CaseIterable {
    /// UTF-8, with or without a byte-order mark.
    case utf8
    /// UTF-16 little-endian (byte-order mark `FF FE`).
    case utf16le
    /// UTF-16 big-endian (byte-order mark `FE FF`).
    case utf16be
    /// Windows-1252 (Western European), as older Excel and ERP exports write it.
    case cp1252

    /// The name shown in reports: `UTF-8`, `UTF-16LE`, `UTF-16BE`, `Windows-1252`.
    public var displayName: String {
        switch self {
        case .utf8: "UTF-8"
        case .utf16le: "UTF-16LE"
        case .utf16be: "UTF-16BE"
        case .cp1252: "Windows-1252"
        }
    }
}

/// The order of day, month and year in a date written with numbers only.
public enum DateOrder: String, Sendable, Hashable, CaseIterable {
    /// Year, month, day (`2025-12-31`, `2025/12/31`).
    case ymd
    /// Day, month, year (`31.12.2025`, `31/12/2025`).
    case dmy
    /// Month, day, year (`12/31/2025`).
    case mdy
}

/// How a CSV file is written: what the sniffer finds, or what the caller says.
public struct CSVDialect: Sendable, Equatable {
    /// The field separator: `,` `;` tab or `|`.
    public var delimiter: UInt8 = UInt8(ascii: ",")
    /// The file's encoding.
    public var encoding: CSVEncoding = .utf8
    /// The decimal separator of numbers: `.` or `,`.
    public var decimalSeparator: UInt8 = UInt8(ascii: ".")

    /// The delimiters the sniffer considers, in order of preference.
    public static let delimiters: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t"), UInt8(ascii: "|")]

    /// Creates a dialect; the defaults are RFC 4180: comma, UTF-8, decimal point.
    public init(delimiter: UInt8 = UInt8(ascii: ","), encoding: CSVEncoding = .utf8, decimalSeparator: UInt8 = UInt8(ascii: ".")) {
        self.delimiter = delimiter
        self.encoding = encoding
        self.decimalSeparator = decimalSeparator
    }

    /// The delimiter as shown to a user: `','`, `';'`, `tab`, `'|'`.
    public var delimiterName: String {
        delimiter == 9 ? "tab" : "'\(Character(Unicode.Scalar(delimiter)))'"
    }
}
