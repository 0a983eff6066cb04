/// Loads a portfolio: one CSV file or workbook, or a folder of them, as named tables (a workbook gives one per sheet).
///
/// Loading is all-or-nothing: either every file is read or the first error is thrown, so a
/// caller can apply the tables to its ``Catalog`` only when the whole load succeeded.
public enum PortfolioLoader {
    /// Reads a CSV file or workbook, or every `*.csv` and `*.xlsx` file of a folder (in name order, not recursively).
    ///
    /// A glob (`extracts/*/financials.csv`) or a folder holding only folders of files (one per
    /// snapshot) stacks the files that give the same table under a `snapshot` column (see
    /// `loadGlob` and ``TableStacker``).
    /// - Parameters:
    ///   - path: a CSV file or a folder.
    ///   - options: read options, applied to every file (overrides naming absent columns are ignored).
    ///   - workbook: the sheet and region to read from a workbook.
    ///   - notes: called with what is worth telling about a workbook (a header found below titles, error cells),
    ///     and with a CSV file's dialect when it is not plain comma-separated UTF-8 (``CSVReadReport/note``).
    /// - Returns: each table with its name, from ``tableName(forFile:)``.
    /// - Throws: ``CSVError`` for the first file that cannot be read, if the folder holds no CSV
    ///   files, or if two files map to the same table name.
    public static func load(
        path: String, options: CSVReadOptions = .init(), workbook: XLSXReadOptions = .init(), notes: (String) -> Void = { _ in }
    ) throws(CSVError) -> [(name: String, table: Table)] {
        switch FileSystem.kind(of: path) {
        case nil where PathGlob.isPattern(path):
            return try loadGlob(path, options: options, workbook: workbook, notes: notes)
        case nil:
            throw CSVError(file: path, line: 0, column: 0, message: "no such file or folder", code: .io)
        case .file where isWorkbook(path):
            return try XLSXReader.read(path: path, options: workbook, csv: options.withoutDialect, notes: notes).map { ($0.tableName, $0.table) }
        case .file:
            return [(tableName(forFile: path), try readCSV(path, options, notes))]
        case .directory:
            let files: [String]
            switch FileSystem.listDirectory(path) {
            case .success(let names):
                files = names.filter { ($0.lowercased().hasSuffix(".csv") || isWorkbook($0)) && !$0.hasPrefix(".") && !$0.hasPrefix("~$") }.sorted()
            case .failure(.cannotOpen(let why)), .failure(.cannotRead(let why)):
                throw CSVError(file: path, line: 0, column: 0, message: "cannot list the folder: \(why)", code: .io)
            case .failure(.isDirectory):
                files = []
            }
            if files.isEmpty, let stacked = try loadFolderOfFolders(path, options: options, workbook: workbook, notes: notes) {
                return stacked
            }
            if files.isEmpty {
                throw CSVError(
                    file: path, line: 0, column: 0, message: "the folder holds no CSV files or workbooks",
                    hint: "a portfolio is a folder of `.csv` files, one per table", code: .io)
            }
            var loaded: [(name: String, table: Table)] = []
            var seen: [String: String] = [:]
            for file in files {
                let filePath = FileSystem.join(path, file)
                let tables: [(name: String, table: Table)]
                if isWorkbook(file) {
                    tables = try XLSXReader.read(path: filePath, options: workbook, csv: options.withoutDialect, notes: notes).map { ($0.tableName, $0.table) }
                } else {
                    tables = [(tableName(forFile: file), try readCSV(filePath, options, notes))]
                }
                for (name, table) in tables {
                    if let other = seen[name] {
                        throw CSVError(
                            file: filePath, line: 0, column: 0,
                            message: "the file would become table `\(name)`, as `\(other)` does",
                            hint: "rename one of the two files", code: .duplicateTable)
                    }
                    seen[name] = file
                    loaded.append((name, table))
                }
            }
            return loaded
        }
    }

    /// What a load would detect in a CSV file, or in each CSV file of a folder (workbooks are skipped).
    /// - Throws: ``CSVError`` when a file cannot be read or tokenized, or the folder holds no CSV files.
    public static func sniff(path: String, options: CSVReadOptions = .init()) throws(CSVError) -> [CSVReadReport] {
        switch FileSystem.kind(of: path) {
        case nil:
            throw CSVError(file: path, line: 0, column: 0, message: "no such file or folder", code: .io)
        case .file where isWorkbook(path):
            throw CSVError(
                file: path, line: 0, column: 0, message: "a workbook has no CSV dialect to sniff",
                hint: "its cells are typed already; `.load` it and look at `.schema`", code: .io)
        case .file:
            return [try CSVReader.sniff(bytes: try CSVReader.contents(of: path), sourceName: path, options: options)]
        case .directory:
            guard case .success(let names) = FileSystem.listDirectory(path) else {
                throw CSVError(file: path, line: 0, column: 0, message: "cannot list the folder", code: .io)
            }
            let files = names.filter { $0.lowercased().hasSuffix(".csv") && !$0.hasPrefix(".") }.sorted()
            if files.isEmpty {
                throw CSVError(file: path, line: 0, column: 0, message: "the folder holds no CSV files", code: .io)
            }
            var reports: [CSVReadReport] = []
            for file in files {
                let filePath = FileSystem.join(path, file)
                reports.append(try CSVReader.sniff(bytes: try CSVReader.contents(of: filePath), sourceName: filePath, options: options))
            }
            return reports
        }
    }

    /// Reads one CSV file, sniffing its dialect by itself, and tells `notes` what it chose when that is not the plain default.
    private static func readCSV(_ path: String, _ options: CSVReadOptions, _ notes: (String) -> Void) throws(CSVError) -> Table {
        let (table, report) = try CSVReader.readSniffing(path: path, options: options)
        if let note = report.note { notes(note) }
        return table
    }

    /// Whether `path` names an Excel workbook (`.xlsx` or `.xlsm`).
    public static func isWorkbook(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".xlsx") || lower.hasSuffix(".xlsm")
    }

    /// The table name for a file: its stem (name without folder and last extension), lowercased,
    /// with every run of characters other than ASCII letters and digits turned into one `_`,
    /// trimmed of `_` at the ends; `t_` is put before a name that starts with a digit, and an
    /// empty result becomes `table`. `Financials 2024.csv` → `financials_2024`.
    public static func tableName(forFile path: String) -> String {
        var stem = Substring(FileSystem.baseName(path))
        if let dot = stem.lastIndex(of: "."), dot != stem.startIndex { stem = stem[..<dot] }
        return identifier(stem)
    }

    /// `text` as a table name, by the rules of ``tableName(forFile:)`` (used for sheet names too).
    public static func identifier(_ stem: some StringProtocol) -> String {
        var name = ""
        var pendingUnderscore = false
        for scalar in stem.unicodeScalars {
            let lower = scalar.properties.lowercaseMapping
            if lower.count == 1, let c = lower.unicodeScalars.first, (c >= "a" && c <= "z") || (c >= "0" && c <= "9") {
                if pendingUnderscore && !name.isEmpty { name += "_" }
                pendingUnderscore = false
                name.unicodeScalars.append(c)
            } else {
                pendingUnderscore = true
            }
        }
        if name.isEmpty { return "table" }
        if let first = name.unicodeScalars.first, first >= "0" && first <= "9" { name = "t_" + name }
        return name
    }
}
