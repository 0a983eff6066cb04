/// Where and why a CSV file could not be read.
///
/// Positions are 1-based: `line` is the physical line of the file (line breaks inside quoted
/// fields count), `column` is the field number within its row. An error about the whole file
/// (it cannot be opened, a folder holds no CSV files) has `line == 0` and `column == 0`.
///
/// `description` renders the compiler-style line `file:line:column: error: message`
/// (`file: error: message` when there is no position); the hint, if any, is kept apart
/// so that a caller can show it on a line of its own (see ``fullDescription``).
public struct CSVError: Error, Sendable, CustomStringConvertible, Equatable {
    /// A stable identifier of the kind of problem, for tests and tooling.
    public enum Code: String, Sendable, Hashable {
        /// The file or folder could not be opened or read.
        case io
        /// The file holds no header row.
        case emptyFile
        /// An empty or duplicate column name in the header row.
        case badHeader
        /// A quoted field is never closed, or a quote appears where it may not.
        case badQuote
        /// A row has more or fewer fields than the header.
        case fieldCount
        /// The bytes are not valid UTF-8, or a carriage return stands alone.
        case badEncoding
        /// A value does not fit its column's type.
        case badValue
        /// Every date of a column fits both day-first and month-first, and no `dates` option says which.
        case ambiguousDates
        /// The file is larger than the reader supports.
        case tooLarge
        /// Two files of a portfolio map to the same table name.
        case duplicateTable
        /// Stacked files disagree on a column's type, or already have a `snapshot` column.
        case stackConflict
        /// A workbook is damaged, encrypted or not a workbook.
        case badWorkbook
        /// A workbook has no sheet of the name asked for.
        case noSuchSheet
        /// The read was stopped (Ctrl-C) through ``CSVReadOptions/shouldStop``.
        case cancelled
    }

    /// The error of a read that ``CSVReadOptions/shouldStop`` stopped.
    static func cancelled(_ file: String) -> CSVError {
        CSVError(file: file, line: 0, column: 0, message: "load cancelled", code: .cancelled)
    }

    /// The file as named by the caller (a path, or the `sourceName` of in-memory bytes).
    public var file: String
    /// 1-based physical line, or 0 for the whole file.
    public var line: Int
    /// 1-based field number within the row, or 0 for the whole line or file.
    public var column: Int
    /// What was expected and what was found.
    public var message: String
    /// A suggestion for fixing the file, if one helps.
    public var hint: String?
    /// The kind of problem.
    public var code: Code

    /// Creates an error.
    public init(file: String, line: Int, column: Int, message: String, hint: String? = nil, code: Code = .io) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
        self.code = code
    }

    /// `file:line:column: error: message`, or `file: error: message` without a position.
    public var description: String {
        line > 0 ? "\(file):\(line):\(column): error: \(message)" : "\(file): error: \(message)"
    }

    /// ``description`` followed, when there is a hint, by a `note:` line carrying it.
    public var fullDescription: String {
        guard let hint else { return description }
        return description + "\n" + (line > 0 ? "\(file):\(line):\(column): note: \(hint)" : "\(file): note: \(hint)")
    }
}
