/// Options for writing CSV.
public struct CSVWriteOptions: Sendable, Equatable {
    /// How rows end.
    public enum LineEnding: String, Sendable, Equatable {
        /// `\n`, the default: what Unix tools, spreadsheets and this project's reader all accept.
        case lf
        /// `\r\n`, as RFC 4180 specifies, for consumers that insist on it.
        case crlf

        var bytes: [UInt8] { self == .lf ? [0x0A] : [0x0D, 0x0A] }
    }

    /// How rows end; `.lf` by default.
    public var lineEnding: LineEnding
    /// Whether to start with a UTF-8 byte-order mark (some spreadsheet programs need one to
    /// recognise UTF-8); off by default.
    public var bom: Bool
    /// Whether to defuse spreadsheet formulas: a text cell (or header name) starting with `=`, `+`,
    /// `-`, `@`, a tab or a carriage return gets a leading `'`, so that a spreadsheet shows it as
    /// text instead of running it. Numbers are never changed. On by default.
    public var neutraliseFormulas: Bool
    /// Whether to write the header row of column names; on by default.
    public var header: Bool

    /// The same as ``bom``.
    public var byteOrderMark: Bool {
        get { bom }
        set { bom = newValue }
    }

    /// Creates options; the defaults give LF line endings, no byte-order mark, a header row and
    /// formula neutralisation.
    public init(lineEnding: LineEnding = .lf, bom: Bool = false, neutraliseFormulas: Bool = true, header: Bool = true) {
        self.lineEnding = lineEnding
        self.bom = bom
        self.neutraliseFormulas = neutraliseFormulas
        self.header = header
    }

    /// Creates options, naming the byte-order mark in full.
    public init(lineEnding: LineEnding = .lf, byteOrderMark: Bool, neutraliseFormulas: Bool = true, header: Bool = true) {
        self.init(lineEnding: lineEnding, bom: byteOrderMark, neutraliseFormulas: neutraliseFormulas, header: header)
    }
}
