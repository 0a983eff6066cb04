/// Reads CSV files (RFC 4180, UTF-8) into typed, columnar tables; reading a file (``read(path:options:)``,
/// ``readSniffing(bytes:sourceName:options:)``) also takes CSV as Excel and ERP systems write it: the
/// delimiter, encoding and decimal separator are sniffed (see ``CSVReadOptions`` to set them), a
/// non-UTF-8 file is transcoded once up front, and each column's number or date format is inferred
/// with its type (`1.234,56`, `(1'234.50)`, `CHF 1'234.50`, `31.12.2025`).
///
/// A header row is required; its names must be non-empty and distinct. Each column's type is
/// inferred from all of its values (see ``CSVReadOptions/typeOverrides`` to force one): int,
/// decimal (money with at most 4 fractional digits, kept exact), double, date (`YYYY-MM-DD`),
/// period (`YYYY-MM`), bool (`true`/`false`) or text. An unquoted empty field is null; a quoted
/// empty field (`""`) is the empty string in a text column and null in any other.
///
/// The reader works in two passes over the bytes: the tokenizer finds every field's offsets
/// (and the structural errors), then each column is inferred and parsed straight into its typed
/// buffer. A column whose first value is a plain number, period or date is inferred and parsed in
/// one pass (see ``SpeculativeDecoder``). Text is dictionary-encoded by its bytes.
public enum CSVReader {
    /// Reads a CSV file into a table.
    /// - Parameters:
    ///   - path: the file; it is named as given in errors.
    ///   - options: type overrides.
    /// - Throws: ``CSVError`` naming the file, line and column of the first problem, or with code
    ///   ``CSVError/Code/cancelled`` once ``CSVReadOptions/shouldStop`` said so.
    /// - Complexity: O(n) in the file's size; the file is read into memory in one go.
    public static func read(path: String, options: CSVReadOptions = .init()) throws(CSVError) -> Table {
        try readSniffing(path: path, options: options).table
    }

    /// Reads a CSV file, sniffing its dialect and column formats (see ``readSniffing(bytes:sourceName:options:)``).
    ///
    /// A regular file is mapped rather than read into memory (see ``MappedCSVFile``); anything else (a
    /// pipe, standard input) is read whole.
    public static func readSniffing(path: String, options: CSVReadOptions = .init()) throws(CSVError) -> (table: Table, report: CSVReadReport) {
        switch MappedCSVFile.map(path) {
        case nil:
            return try readSniffing(bytes: try contents(of: path), sourceName: path, options: options)
        case .failure(let failure):
            throw ioError(failure, path)
        case .success(let file):
            return try withExtendedLifetime(file) { () throws(CSVError) -> (table: Table, report: CSVReadReport) in
                try read(buffer: file.buffer, sourceName: path, options: options, sniff: true, formats: true, mapped: file.dropsPages)
            }
        }
    }

    /// The bytes of a file, or the error naming it.
    static func contents(of path: String) throws(CSVError) -> [UInt8] {
        switch FileSystem.readFile(path) {
        case .success(let bytes): return bytes
        case .failure(let failure): throw ioError(failure, path)
        }
    }

    /// The error for a file that cannot be read.
    private static func ioError(_ failure: FileSystem.ReadFailure, _ path: String) -> CSVError {
        switch failure {
        case .isDirectory:
            return CSVError(
                file: path, line: 0, column: 0, message: "cannot read a folder as a CSV file",
                hint: "to load every CSV file of a folder, load the folder as a portfolio", code: .io)
        case .cannotOpen(let why), .cannotRead(let why):
            return CSVError(file: path, line: 0, column: 0, message: "cannot read the file: \(why)", code: .io)
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

    /// Reads CSV bytes held in memory the caller owns (for example a mapped file), without sniffing:
    /// the dialect options left nil are RFC 4180's (comma, UTF-8, decimal point) and the column formats are plain.
    static func read(buffer: UnsafeBufferPointer<UInt8>, sourceName: String, options: CSVReadOptions) throws(CSVError) -> Table {
        let dialectGiven = options.delimiter != nil || options.encoding != nil || options.decimalSeparator != nil || options.dateOrder != nil
        return try read(buffer: buffer, sourceName: sourceName, options: options, sniff: false, formats: dialectGiven).table
    }

    /// Reads CSV bytes, sniffing what the options leave open (delimiter, encoding, decimal separator)
    /// and inferring each column's number and date format.
    /// - Returns: the table and what the reader chose (for the one-line load report).
    public static func readSniffing(bytes: [UInt8], sourceName: String, options: CSVReadOptions = .init()) throws(CSVError) -> (
        table: Table, report: CSVReadReport
    ) {
        let outcome: Result<(Table, CSVReadReport), CSVError> = bytes.withUnsafeBufferPointer { buffer in
            do throws(CSVError) {
                return .success(try read(buffer: buffer, sourceName: sourceName, options: options, sniff: true, formats: true))
            } catch {
                return .failure(error)
            }
        }
        let (table, report) = try outcome.get()
        return (table, report)
    }

    /// What a sniffing read would detect in a file, per column, without stopping at a column's problem.
    public static func sniff(bytes: [UInt8], sourceName: String, options: CSVReadOptions = .init()) throws(CSVError) -> CSVReadReport {
        var options = options
        options.sniffOnly = true
        return try readSniffing(bytes: bytes, sourceName: sourceName, options: options).report
    }

    /// `mapped`: `buffer` is a ``MappedCSVFile``'s whose pages are dropped once read (``MappedCSVFile/dropsPages``).
    private static func read(
        buffer: UnsafeBufferPointer<UInt8>, sourceName: String, options: CSVReadOptions, sniff: Bool, formats: Bool, mapped: Bool = false
    ) throws(CSVError) -> (table: Table, report: CSVReadReport) {
        var encoding = options.encoding ?? (sniff ? TextTranscoder.detect(buffer) : .utf8)
        if encoding == .utf16le || encoding == .utf16be, case let bom = TextTranscoder.detect(buffer), bom == .utf16le || bom == .utf16be {
            encoding = bom
        }
        switch TextTranscoder.toUTF8(buffer, from: encoding) {
        case nil:
            do {
                return try readUTF8(buffer, sourceName, options, encoding: encoding, sniff: sniff, formats: formats, mapped: mapped)
            } catch  where sniff && options.encoding == nil && error.code == .badEncoding && error.message.hasPrefix("invalid UTF-8") {
                // The first 64 KiB were UTF-8 but a later byte is not: the file is Windows-1252 after all.
                var retry = options
                retry.encoding = .cp1252
                return try read(buffer: buffer, sourceName: sourceName, options: retry, sniff: sniff, formats: formats, mapped: mapped)
            }
        case .success(let bytes):
            let outcome: Result<(Table, CSVReadReport), CSVError> = bytes.withUnsafeBufferPointer { utf8 in
                do throws(CSVError) {
                    return .success(try readUTF8(utf8, sourceName, options, encoding: encoding, sniff: sniff, formats: formats))
                } catch {
                    return .failure(error)
                }
            }
            let (table, report) = try outcome.get()
            return (table, report)
        case .failure(let bad):
            throw CSVError(
                file: sourceName, line: 0, column: 0, message: "cannot read the file as \(encoding.displayName): \(bad.why) at byte \(bad.offset)",
                hint: "the file may be damaged or not \(encoding.displayName); say the encoding with `encoding utf8|utf16|cp1252`", code: .badEncoding)
        }
    }

    private static func readUTF8(
        _ buffer: UnsafeBufferPointer<UInt8>, _ sourceName: String, _ options: CSVReadOptions, encoding: CSVEncoding, sniff: Bool, formats: Bool,
        mapped: Bool = false
    ) throws(CSVError) -> (table: Table, report: CSVReadReport) {
        var dialect = CSVDialect(encoding: encoding)
        var tokenizer = CSVTokenizer(bytes: buffer, file: sourceName, shouldStop: options.shouldStop)
        if let d = options.delimiter {
            dialect.delimiter = d
        } else if sniff, let base = buffer.baseAddress {
            dialect.delimiter = CSVSniffer.delimiter(base, tokenizer.bomLength, buffer.count)
        }
        tokenizer.delimiter = dialect.delimiter
        if !options.parallelColumns { tokenizer.chunks = 1 }
        if mapped { tokenizer.mapping = buffer.baseAddress }
        let index = try tokenizer.tokenize()
        let p = buffer.baseAddress!  // tokenize() rejects an empty buffer
        if mapped {
            // The tokenizer has read every byte: drop them, the passes over the columns read them again.
            index.mapping = p
            MappedCSVFile.release(p, 0, buffer.count)
        }
        if let d = options.decimalSeparator {
            dialect.decimalSeparator = d
        } else if sniff {
            dialect.decimalSeparator = decimalSeparator(index, p)
        }
        let names = try headerNames(index, p, sourceName)
        var report = CSVReadReport(file: sourceName, dialect: dialect, rowCount: index.rowCount)
        // Each column is planned and decoded by itself (in parallel for a large file, see
        // ``ColumnWork``); the outcomes are then taken in column order, so the first error is the one a
        // serial read would meet, and the table is the same.
        let parallel = options.parallelColumns && !options.sniffOnly && index.rowCount * names.count >= ColumnWork.parallelCells
        let pointAllowed = !formats || dialect.decimalSeparator == FieldParsers.dot
        let order =
            parallel
            ? ColumnWork.numbersFirst(names.count) { c in
                options.typeOverrides[names[c]] == nil
                    && SpeculativeDecoder(p: p, index: index, column: c, periodYears: options.periodYears, pointAllowed: pointAllowed, shouldStop: { false })
                        .startsWithNumber
            } : nil
        let outcomes = ColumnWork.run(names.count, parallel: parallel, order: order) {
            c in
            Self.readColumn(c, name: names[c], index, p, options, dialect: dialect, formats: formats)
        }
        var columns: [Column] = []
        columns.reserveCapacity(names.count)
        for (c, name) in names.enumerated() {
            let override = options.typeOverrides[name]
            let plan: ColumnPlan
            switch outcomes[c] {
            case .planFailed(let failure):
                let error = planError(failure, index, p, sourceName, column: c, name: name)
                if options.sniffOnly {
                    report.columns.append(.init(name: name, plan: nil, problem: error.message))
                    continue
                }
                throw error
            case .planned(let found):
                plan = found
                report.columns.append(.init(name: name, plan: plan, problem: nil))
            case .decoded(let found, let storage, let validity):
                plan = found
                report.columns.append(.init(name: name, plan: plan, problem: nil))
                columns.append(Column(name: name, storage: storage, validity: validity))
            case .decodeFailed(let found, let bad):
                if bad.cancelled { throw CSVError.cancelled(sourceName) }
                throw valueError(
                    index, p, sourceName, row: bad.row + 1, column: c, name: name, plan: found, overridden: override != nil,
                    periodYears: options.periodYears)
            }
        }
        return (Table(columns: options.sniffOnly ? [] : columns, rowCount: options.sniffOnly ? 0 : index.rowCount), report)
    }

    /// One column planned (its type and format) and, unless only sniffing, decoded.
    private static func readColumn(
        _ c: Int, name: String, _ index: FieldIndex, _ p: UnsafePointer<UInt8>, _ options: CSVReadOptions, dialect: CSVDialect, formats: Bool
    ) -> ColumnWork.Outcome {
        let override = options.typeOverrides[name]
        if override == nil && !options.sniffOnly {
            let fast = SpeculativeDecoder(
                p: p, index: index, column: c, periodYears: options.periodYears,
                pointAllowed: !formats || dialect.decimalSeparator == FieldParsers.dot, shouldStop: options.shouldStop)
            if let outcome = fast.decode() { return outcome }
        }
        let plan: ColumnPlan
        if formats {
            switch FormatInference.plan(index, column: c, p, decimal: dialect.decimalSeparator, dateOrder: options.dateOrder, override: override) {
            case .success(let found): plan = found
            case .failure(let failure): return .planFailed(failure)
            }
        } else if let override {
            plan = ColumnPlan(type: override, scale: override == .decimal ? TypeInference.decimalScale(index, column: c, p) : 0)
        } else {
            let (type, scale) = TypeInference.infer(index, column: c, p)
            plan = ColumnPlan(type: type, scale: scale)
        }
        if options.sniffOnly { return .planned(plan) }
        let decoder = ColumnDecoder(p: p, index: index, column: c, periodYears: options.periodYears, shouldStop: options.shouldStop)
        switch decoder.decode(plan) {
        case .success(let (storage, validity)): return .decoded(plan, storage, validity)
        case .failure(let bad): return .decodeFailed(plan, bad)
        }
    }

    /// `,` when the numbers of the first 200 rows vote for a decimal comma more than for a point, else `.`.
    private static func decimalSeparator(_ index: FieldIndex, _ p: UnsafePointer<UInt8>) -> UInt8 {
        var comma = 0, point = 0
        for row in 1..<min(index.rowCountWithHeader, CSVSniffer.maxLines + 1) {
            for c in 0..<index.columnCount {
                let (s, e) = FieldContent.unquoted(p, index.span(row: row, column: c))
                let vote = CSVSniffer.decimalVote(p, s, e)
                if vote > 0 { comma += 1 } else if vote < 0 { point += 1 }
            }
        }
        return comma > point ? UInt8(ascii: ",") : UInt8(ascii: ".")
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
}
