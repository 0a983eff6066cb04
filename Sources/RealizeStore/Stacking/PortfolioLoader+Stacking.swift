extension PortfolioLoader {
    /// One file to stack, with its snapshot label and, for a flat glob, the table name its CSV gives.
    struct StackSource {
        var path: String
        var label: String
        var tableName: String?
    }

    /// Loads the files a glob matches (`extracts/*/financials.csv`), stacking those that give the same table.
    static func loadGlob(
        _ pattern: String, options: CSVReadOptions, workbook: XLSXReadOptions, notes: (String) -> Void
    ) throws(CSVError) -> [(name: String, table: Table)] {
        let glob = PathGlob(pattern)
        let matches = glob.expand()
        let files = matches.filter { isLoadable(FileSystem.baseName($0.path)) }
        guard !files.isEmpty else {
            throw CSVError(
                file: pattern, line: 0, column: 0,
                message: matches.isEmpty ? "the pattern matches no file" : "the pattern matches no CSV file or workbook",
                hint: "`*`, `?` and `[…]` match within one part of the path, e.g. `extracts/*/financials.csv`", code: .io)
        }
        let folderCaptures = glob.fileNameIsPattern ? (files[0].captures.count - 1) : files[0].captures.count
        if folderCaptures > 0 {
            // `extracts/*/financials.csv`, `extracts/*/*.csv`: the folders are the snapshots, the stems the tables.
            let sources = files.map { StackSource(path: $0.path, label: $0.captures.prefix(folderCaptures).joined(separator: "/"), tableName: nil) }
            return try stackFiles(sources, options: options, workbook: workbook, notes: notes)
        }
        // A flat glob: `financials_*.csv` stacks into `financials`, each labelled by what `*` matched; a pattern
        // with no fixed name (`*.csv`) loads each file as its own table, as a folder does.
        var fixed = Substring(glob.fixedFileName)
        if let dot = fixed.lastIndex(of: "."), dot != fixed.startIndex { fixed = fixed[..<dot] }
        guard fixed.contains(where: { $0.isLetter || $0.isNumber }) else {
            var loaded: [(name: String, table: Table)] = []
            for file in files {
                if isWorkbook(file.path) {
                    loaded += try XLSXReader.read(path: file.path, options: workbook, csv: options, notes: notes).map { ($0.tableName, $0.table) }
                } else {
                    loaded.append((tableName(forFile: file.path), try CSVReader.read(path: file.path, options: options)))
                }
            }
            return loaded
        }
        let name = identifier(fixed)
        let sources = files.map { StackSource(path: $0.path, label: $0.captures.last ?? "", tableName: name) }
        return try stackFiles(sources, options: options, workbook: workbook, notes: notes)
    }

    /// Loads a folder that holds no files of its own but folders of them (one per snapshot), stacking
    /// the files of the same name; nil when the folder has no such sub-folders.
    static func loadFolderOfFolders(
        _ path: String, options: CSVReadOptions, workbook: XLSXReadOptions, notes: (String) -> Void
    ) throws(CSVError) -> [(name: String, table: Table)]? {
        guard case .success(let names) = FileSystem.listDirectory(path) else { return nil }
        var sources: [StackSource] = []
        for folder in names.sorted() where !folder.hasPrefix(".") {
            let dir = FileSystem.join(path, folder)
            guard FileSystem.kind(of: dir) == .directory, case .success(let files) = FileSystem.listDirectory(dir) else { continue }
            for file in files.sorted() where isLoadable(file) {
                sources.append(StackSource(path: FileSystem.join(dir, file), label: folder, tableName: nil))
            }
        }
        guard !sources.isEmpty else { return nil }
        return try stackFiles(sources, options: options, workbook: workbook, notes: notes)
    }

    /// A CSV file or workbook that is neither hidden nor an Office lock file.
    static func isLoadable(_ name: String) -> Bool {
        (name.lowercased().hasSuffix(".csv") || isWorkbook(name)) && !name.hasPrefix(".") && !name.hasPrefix("~$")
    }

    /// Reads every source, groups the tables by name (first-seen order) and stacks each group under a
    /// `snapshot` column. All or nothing: the first error is thrown.
    static func stackFiles(
        _ sources: [StackSource], options: CSVReadOptions, workbook: XLSXReadOptions, notes: (String) -> Void
    ) throws(CSVError) -> [(name: String, table: Table)] {
        var order: [String] = []
        var groups: [String: [(source: StackSource, table: Table)]] = [:]
        for source in sources {
            let tables: [(name: String, table: Table)]
            if isWorkbook(source.path) {
                tables = try XLSXReader.read(path: source.path, options: workbook, csv: options, notes: notes).map { ($0.tableName, $0.table) }
            } else {
                tables = [(source.tableName ?? tableName(forFile: source.path), try CSVReader.read(path: source.path, options: options))]
            }
            for (name, table) in tables {
                if table.column(named: SnapshotColumn.name) != nil {
                    throw CSVError(
                        file: source.path, line: 1, column: (table.columnIndex(named: SnapshotColumn.name) ?? 0) + 1,
                        message: "the file has a `snapshot` column, and stacking adds one from the folder or file name",
                        hint: "rename the column in the file, or load the files one by one and stack them with `union`",
                        code: .stackConflict)
                }
                if groups[name] == nil { order.append(name) }
                groups[name, default: []].append((source, table))
            }
        }
        return try order.map { (name) throws(CSVError) in
            let group = groups[name]!
            let stacked: Table
            do throws(StackConflict) {
                stacked = try TableStacker.stack(group.map(\.table))
            } catch {
                let first = group[error.firstPart].source.path
                let column = (group[error.part].table.columnIndex(named: error.column) ?? 0) + 1
                throw CSVError(
                    file: group[error.part].source.path, line: 1, column: column,
                    message: "cannot stack table `\(name)`: \(error.reason) (`\(first)` has \(error.firstType), this file \(error.type))",
                    hint: StackConflict.hint, code: .stackConflict)
            }
            let snapshot = SnapshotColumn.make(labels: group.map(\.source.label), counts: group.map(\.table.rowCount))
            return (name, Table(columns: [snapshot] + stacked.columns, rowCount: stacked.rowCount))
        }
    }
}
