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
}

/// Reads CSV files (RFC 4180, UTF-8) into typed, columnar tables.
///
/// A header row is required; its names must be non-empty and distinct. Each column's type is
/// inferred from all of its values (see ``CSVReadOptions/typeOverrides`` to force one): int,
/// decimal (money with at most 4 fractional digits, kept exact), double, date (`YYYY-MM-DD`),
/// period (`YYYY-MM`), bool (`true`/`false`) or text. An unquoted empty field is null; a quoted
/// empty field (`""`) is the empty string in a text column and null in any other.
///
/// The reader works in two passes over the bytes: the tokenizer finds every field's offsets
/// (and the structural errors), then each column is inferred and parsed straight into its typed
/// buffer. Text is dictionary-encoded by its bytes.
public enum CSVReader {
    /// Reads a CSV file into a table.
    /// - Parameters:
    ///   - path: the file; it is named as given in errors.
    ///   - options: type overrides.
    /// - Throws: ``CSVError`` naming the file, line and column of the first problem, or with code
    ///   ``CSVError/Code/cancelled`` once ``CSVReadOptions/shouldStop`` said so.
    /// - Complexity: O(n) in the file's size; the file is read into memory in one go.
    public static func read(path: String, options: CSVReadOptions = .init()) throws(CSVError) -> Table {
        switch FileSystem.readFile(path) {
        case .success(let bytes):
            return try read(bytes: bytes, sourceName: path, options: options)
        case .failure(.isDirectory):
            throw CSVError(
                file: path, line: 0, column: 0, message: "cannot read a folder as a CSV file",
                hint: "to load every CSV file of a folder, load the folder as a portfolio", code: .io)
        case .failure(.cannotOpen(let why)), .failure(.cannotRead(let why)):
            throw CSVError(file: path, line: 0, column: 0, message: "cannot read the file: \(why)", code: .io)
        }
    }

    /// Reads CSV bytes into a table.
    /// - Parameters:
    ///   - bytes: the file's content, UTF-8 with or without a byte-order mark.
    ///   - sourceName: the name used for the file in errors.
    ///   - options: type overrides.
    /// - Throws: ``CSVError`` naming `sourceName`, the line and the column of the first problem.
    public static func read(bytes: [UInt8], sourceName: String, options: CSVReadOptions = .init()) throws(CSVError) -> Table {
        let outcome: Result<Table, CSVError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(CSVError) {
                return .success(try read(buffer: buffer, sourceName: sourceName, options: options))
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }

    /// Reads CSV bytes held in memory the caller owns (for example a mapped file).
    static func read(buffer: UnsafeBufferPointer<UInt8>, sourceName: String, options: CSVReadOptions) throws(CSVError) -> Table {
        let index = try CSVTokenizer(bytes: buffer, file: sourceName, shouldStop: options.shouldStop).tokenize()
        let p = buffer.baseAddress!  // tokenize() rejects an empty buffer
        let names = try headerNames(index, p, sourceName)
        var columns: [Column] = []
        columns.reserveCapacity(names.count)
        for (c, name) in names.enumerated() {
            let override = options.typeOverrides[name]
            let (type, scale): (DataType, Int)
            if let override {
                type = override
                scale = override == .decimal ? TypeInference.decimalScale(index, column: c, p) : 0
            } else {
                (type, scale) = TypeInference.infer(index, column: c, p)
            }
            let decoder = ColumnDecoder(p: p, index: index, column: c, periodYears: options.periodYears, shouldStop: options.shouldStop)
            switch decoder.decode(as: type, scale: scale) {
            case .success(let (storage, validity)):
                columns.append(Column(name: name, storage: storage, validity: validity))
            case .failure(let bad) where bad.cancelled:
                throw CSVError.cancelled(sourceName)
            case .failure(let bad):
                throw valueError(
                    index, p, sourceName, row: bad.row + 1, column: c, name: name, type: type, overridden: override != nil, periodYears: options.periodYears)
            }
        }
        return Table(columns: columns, rowCount: index.rowCount)
    }

    /// The header row's names, checked to be non-empty and distinct.
    private static func headerNames(_ index: FieldIndex, _ p: UnsafePointer<UInt8>, _ file: String) throws(CSVError) -> [String] {
        var names: [String] = []
        var seen: [String: Int] = [:]
        for c in 0..<index.columnCount {
            let span = index.span(row: 0, column: c)
            let name = FieldContent.text(p, span)
            let line = FieldContent.line(of: span.start, in: p)
            if name.isEmpty {
                throw CSVError(
                    file: file, line: line, column: c + 1, message: "column \(c + 1) has an empty name in the header row",
                    hint: "every column needs a distinct name; the first row must be the header", code: .badHeader)
            }
            if let first = seen[name] {
                throw CSVError(
                    file: file, line: line, column: c + 1,
                    message: "duplicate column name `\(name)` in column \(c + 1) (column \(first + 1) has the same name)",
                    hint: "rename one of the columns in the header row", code: .badHeader)
            }
            seen[name] = c
            names.append(name)
        }
        return names
    }

    private static func valueError(
        _ index: FieldIndex, _ p: UnsafePointer<UInt8>, _ file: String,
        row: Int, column: Int, name: String, type: DataType, overridden: Bool, periodYears: ClosedRange<Int>
    ) -> CSVError {
        let span = index.span(row: row, column: column)
        let found = FieldContent.quotedForMessage(FieldContent.text(p, span))
        let (s, e) = FieldContent.unquoted(p, span)
        if type == .double, let v = FieldParsers.double(p, s, e), !v.isFinite {
            return CSVError(
                file: file, line: FieldContent.line(of: span.start, in: p), column: column + 1,
                message: "expected a finite number in column \(column + 1) (`\(name)`), found \(found)",
                hint: "NaN and infinities are not loaded; leave the field empty for a missing value", code: .badValue)
        }
        if type == .period, FieldParsers.period(p, s, e) != nil {
            return CSVError(
                file: file, line: FieldContent.line(of: span.start, in: p), column: column + 1,
                message: "period \(found) in column \(column + 1) (`\(name)`) is outside the years \(periodYears.lowerBound)–\(periodYears.upperBound)",
                hint: "correct the period, or widen the accepted years with `.set period_range 1800-2300` before loading", code: .badValue)
        }
        let hint: String?
        if overridden {
            hint = "the type of `\(name)` is set to \(type) by a type override; remove it to let the reader infer the type"
        } else if type == .decimal || type == .int || type == .double {
            hint = "numbers are written plainly, without thousands separators or currency signs"
        } else {
            hint = nil
        }
        return CSVError(
            file: file, line: FieldContent.line(of: span.start, in: p), column: column + 1,
            message: "expected \(expectation(type)) in column \(column + 1) (`\(name)`), found \(found)",
            hint: hint, code: .badValue)
    }

    /// What a value of `type` looks like, for messages.
    static func expectation(_ type: DataType) -> String {
        switch type {
        case .int: "an integer"
        case .decimal: "a decimal number"
        case .double: "a number"
        case .date: "a date (YYYY-MM-DD)"
        case .period: "a period (YYYY-MM)"
        case .bool: "true or false"
        case .text: "text"
        }
    }
}
