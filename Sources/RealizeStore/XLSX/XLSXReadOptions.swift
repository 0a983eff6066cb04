/// Options for reading a workbook, on top of the CSV options (type overrides, period years, Ctrl-C).
public struct XLSXReadOptions: Sendable {
    /// The sheet to read, by its name as shown on its tab; nil reads every sheet.
    public var sheet: String?
    /// The region to read (`A5:H900`): its first row is the header. Nil finds the table by itself.
    public var range: String?
    /// The 1-based row holding the column names; nil finds it (see ``XLSXHeaderFinder``).
    public var headerRow: Int?

    /// Creates options.
    public init(sheet: String? = nil, range: String? = nil, headerRow: Int? = nil) {
        self.sheet = sheet
        self.range = range
        self.headerRow = headerRow
    }
}
