import RealizeReport
import RealizeStore

extension ShellSession {
    /// `.export PATH [TABLE …] [--named] [--bom] [--no-neutralise]`: writes results to a file whose
    /// extension picks the format (`.csv`, `.xlsx`, `.md`, `.json`, `.html`), atomically.
    ///
    /// With no TABLE the last result is written. Several tables (or `--named`, every table named with
    /// `let` in this session) go into one file: a sheet each in a workbook, a section each in Markdown
    /// and HTML, a key each in JSON. CSV holds one table.
    func export(_ args: [String], usage: String) throws(ShellError) {
        var path: String? = nil
        var names: [String] = []
        var bom = false
        var neutralise = true
        var named = false
        for a in args {
            switch a {
            case "--bom": bom = true
            case "--no-neutralise", "--no-neutralize": neutralise = false
            case "--named": named = true
            case let flag where flag.hasPrefix("--"):
                throw ShellError("usage", "unknown option `\(flag)` for .export", hint: "options: --named, --bom, --no-neutralise")
            default:
                if path == nil { path = a } else { names.append(a) }
            }
        }
        guard let path else { throw .usage(usage) }
        guard let format = ExportFormat(path: path) else {
            throw ShellError("export-format", "cannot tell the format of `\(path)` from its extension", hint: "use one of \(ExportFormat.extensions)")
        }
        if (bom || !neutralise) && format != .csv {
            throw ShellError("usage", "--bom and --no-neutralise apply to CSV files only")
        }
        if named {
            let defined = definedNames.filter { query.catalog[$0] != nil }
            guard !defined.isEmpty else {
                throw ShellError(
                    "no-result", "no table has been named with `let` in this session", hint: "name results with `let NAME = …`, or list the tables to export")
            }
            names += defined.filter { !names.contains($0) }
        }
        var tables: [(name: String, table: Table)] = []
        if names.isEmpty {
            guard let table = query.lastResult else {
                throw ShellError("no-result", "there is no result to export yet", hint: "run a query first; `.export` writes the last result")
            }
            tables = [("result", table)]
        } else {
            for name in names { tables.append((name == "_" ? "result" : name, try table(named: name))) }
        }
        if tables.count > 1 && !format.holdsSeveralTables {
            throw ShellError(
                "export-several", "a\(format == .arrow ? "n Arrow" : " CSV") file holds one table, and \(tables.count) were given",
                hint: "export each to its own file, write them together to .xlsx, .md, .json or .html, or save a workspace with `.save`")
        }
        let target = resolveOutputPath(path)
        do throws(ExportError) {
            try Exporter.write(
                tables, format: format, to: target, csv: CSVWriteOptions(bom: bom, neutraliseFormulas: neutralise), cancel: cancellation)
        } catch {
            if error.code == .cancelled { throw ShellError("cancelled", "export cancelled", hint: "nothing was written; an existing file is unchanged") }
            throw ShellError("export", "cannot export: \(error.description)", hint: "nothing was written; an existing file is unchanged")
        }
        observer?(.exported(paths: [target]))
        if interactive {
            if tables.count == 1 {
                let n = tables[0].table.rowCount
                output.out("exported \(n) \(n == 1 ? "row" : "rows") to \(path)\n")
            } else {
                output.out("exported \(tables.count) tables (\(tables.map(\.name).joined(separator: ", "))) to \(path)\n")
            }
        }
    }
}
