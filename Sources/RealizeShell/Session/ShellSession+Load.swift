import Foundation
import RealizeQuery
import RealizeStore
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension ShellSession {
    /// `.load PATH [sheet NAME] [range R] [header row N] [delimiter C] [decimal C] [encoding E] [dates ORDER] [as NAME] [types COLUMN:TYPE, …]`: reads a CSV file,
    /// a workbook or a folder of them into the catalog, all or nothing.
    func load(_ args: [String], usage: String) throws(ShellError) {
        var args = args
        var overrides: [String: DataType] = [:]
        if let k = args.firstIndex(where: { $0.lowercased() == "types" }) {
            overrides = try Self.typeOverrides(args[(k + 1)...].joined(separator: " "))
            args = Array(args[..<k])
        }
        guard var path = args.first else { throw .usage(usage) }
        var alias: String? = nil
        var workbook = XLSXReadOptions()
        var dialect = CSVReadOptions()
        var dialectGiven = false
        var k = 1
        while k < args.count {
            let word = args[k].lowercased()
            if k + 1 < args.count, try Self.dialectOption(word, args[k + 1], into: &dialect) {
                dialectGiven = true
                k += 2
                continue
            }
            switch word {
            case "as" where k + 1 < args.count: alias = args[k + 1]
            case "sheet" where k + 1 < args.count: workbook.sheet = args[k + 1]
            case "range" where k + 1 < args.count: workbook.range = args[k + 1]
            case "header" where k + 2 < args.count && args[k + 1].lowercased() == "row":
                guard let n = Int(args[k + 2]), n > 0 else { throw ShellError("usage", "`header row` takes a row number, found `\(args[k + 2])`") }
                workbook.headerRow = n
                k += 1
            default: throw .usage(usage)
            }
            k += 2
        }
        let isWorkbook = PortfolioLoader.isWorkbook(path)
        if !isWorkbook && (workbook.sheet != nil || workbook.range != nil || workbook.headerRow != nil) {
            throw ShellError("usage", "`sheet`, `range` and `header row` apply to an .xlsx workbook, and `\(path)` is not one")
        }
        if isWorkbook && dialectGiven {
            throw ShellError("usage", "`delimiter`, `decimal`, `encoding` and `dates` apply to CSV files, and `\(path)` is a workbook")
        }
        path = Self.expandingTilde(path)
        if let alias {
            if isWorkbook && workbook.sheet == nil {
                throw ShellError("usage", "`as NAME` names one table, and a workbook gives one per sheet", hint: "choose the sheet: `sheet 'NAME' as \(alias)`")
            }
            guard Self.isDirectory(path) != true else {
                throw ShellError("usage", "`as NAME` names the table of a single file, but `\(args[0])` is a folder")
            }
            guard Self.isValidTableName(alias) else {
                throw ShellError("usage", "`\(alias)` is not a valid table name", hint: "use letters, digits and _, starting with a letter or _")
            }
        }
        if path.lowercased().hasSuffix(".arrow") { return try loadArrow(path, as: alias) }
        let started = ContinuousClock.now
        let loaded: [(name: String, table: Table)]
        do throws(CSVError) {
            let years = query.settingValue("period_range").flatMap { SettingSpec.periodYears($0) } ?? CSVReadOptions.defaultPeriodYears
            let token = cancellation
            var options = CSVReadOptions(typeOverrides: overrides, periodYears: years, shouldStop: { token.isCancelled })
            options.delimiter = dialect.delimiter
            options.encoding = dialect.encoding
            options.decimalSeparator = dialect.decimalSeparator
            options.dateOrder = dialect.dateOrder
            var notes: [String] = []
            loaded = try PortfolioLoader.load(path: path, options: options, workbook: workbook) { notes.append($0) }
            for note in notes { output.err(note + "\n") }
        } catch {
            if error.code == .cancelled {
                throw ShellError("cancelled", "load cancelled", hint: "nothing was loaded; the tables loaded before are unchanged")
            }
            throw ShellError(preformatted: "csv", error.fullDescription)
        }
        if let alias, loaded.count > 1 {
            throw ShellError(
                "usage", "`as \(alias)` names one table, and `\(args[0])` gives \(loaded.count): \(loaded.map(\.name).joined(separator: ", "))",
                hint: "name the file in the pattern, e.g. `extracts/*/financials.csv`")
        }
        var catalog = query.catalog
        for (name, table) in loaded { catalog.set(alias ?? name, table) }
        query.catalog = catalog
        if timer { reportTime("Load", since: started) }
        let names = loaded.map { alias ?? $0.name }
        if alias == nil { recordSources(of: path, tables: names) }
        let rows = loaded.reduce(0) { $0 + $1.table.rowCount }
        if interactive {
            output.out("loaded \(names.count == 1 ? "table" : "tables") \(names.joined(separator: ", ")) (\(rows) \(rows == 1 ? "row" : "rows"))\n")
        }
    }

    /// Parses `project_id:text, budget:decimal` (or `=`) into per-column type overrides.
    static func typeOverrides(_ text: String) throws(ShellError) -> [String: DataType] {
        var out: [String: DataType] = [:]
        for item in text.split(separator: ",") {
            let parts = item.split(whereSeparator: { $0 == ":" || $0 == "=" }).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else {
                throw ShellError(
                    "usage", "expected COLUMN:TYPE in `types`, found `\(item.trimmingCharacters(in: .whitespaces))`",
                    hint: "for example `.load extract.csv types project_id:text, budget:decimal`")
            }
            guard let type = DataType(userName: parts[1]) else {
                throw ShellError(
                    "usage", "unknown type `\(parts[1])` for column `\(parts[0])`",
                    hint: "types: int, decimal, double, text, date, period, bool")
            }
            out[parts[0]] = type
        }
        return out
    }

    /// Whether `path` is a folder (nil when it does not exist).
    static func isDirectory(_ path: String) -> Bool? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// Replaces a leading `~/` with `$HOME/`.
    static func expandingTilde(_ path: String) -> String {
        guard path == "~" || path.hasPrefix("~/"), let home = getenv("HOME") else { return path }
        return String(cString: home) + path.dropFirst()
    }

    /// Letters, digits and `_`, not starting with a digit.
    static func isValidTableName(_ name: String) -> Bool {
        guard let first = name.first, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
    }
}
