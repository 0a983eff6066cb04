/// Options for reading a CSV file.
public struct CSVReadOptions: Sendable {
    /// Column name → type, overriding inference. Names the file does not have are ignored, so
    /// one set of overrides can serve every file of a portfolio.
    public var typeOverrides: [String: DataType] = [:]
    /// The years a period (`YYYY-MM`) may fall in; a period outside is a load error naming the cell. Loops over time
    /// in the analytics follow the data, and a mistyped `9999-07` would otherwise stretch every series by centuries.
    public var periodYears: ClosedRange<Int> = CSVReadOptions.defaultPeriodYears
    /// Asked every few thousand rows while reading; once it says yes the read stops with a ``CSVError`` whose
    /// code is ``CSVError/Code/cancelled`` (the shell passes its Ctrl-C token here).
    public var shouldStop: @Sendable () -> Bool = { false }

    /// The field separator (`,` `;` tab `|`); nil lets the sniffer find it.
    public var delimiter: UInt8? = nil
    /// The file's encoding; nil lets the sniffer find it (a byte-order mark, else UTF-8 if valid, else Windows-1252).
    public var encoding: CSVEncoding? = nil
    /// The decimal separator, `.` or `,`; nil lets the sniffer find it from the numbers.
    public var decimalSeparator: UInt8? = nil
    /// Which of day and month comes first in dates such as `01/02/2025`; nil means: tell it from
    /// the values, and stop with an error when every value has both ≤ 12.
    public var dateOrder: DateOrder? = nil

    /// Only detect (``CSVReader/sniff(bytes:sourceName:options:)``): no column is decoded, and a column's problem is reported, not thrown.
    var sniffOnly = false
    /// Whether a large file is tokenized in chunks (``CSVTokenizer/tokenizeInChunks(_:from:to:chunks:)``) and its
    /// columns decoded (``ColumnWork``) on several cores; tests turn it off to compare with a serial read.
    package var parallelColumns = true

    /// The default ``periodYears``: 1900 to 2200.
    public static let defaultPeriodYears = 1900...2200

    /// Creates options.
    /// - Parameters:
    ///   - typeOverrides: column name → type, overriding inference.
    ///   - periodYears: the years a period may fall in.
    ///   - shouldStop: asked every few thousand rows; true stops the read (Ctrl-C).
    public init(
        typeOverrides: [String: DataType] = [:], periodYears: ClosedRange<Int> = CSVReadOptions.defaultPeriodYears,
        shouldStop: @escaping @Sendable () -> Bool = { false }
    ) {
        self.typeOverrides = typeOverrides
        self.periodYears = periodYears
        self.shouldStop = shouldStop
    }

    /// These options without delimiter, encoding, decimal separator and date order: a workbook's cells
    /// are typed already, and a folder's options for its CSV files must not reach them.
    var withoutDialect: CSVReadOptions {
        var copy = self
        copy.delimiter = nil
        copy.encoding = nil
        copy.decimalSeparator = nil
        copy.dateOrder = nil
        return copy
    }
}
