import RealizeStore

extension ShellSession {
    /// `.export PATH [--bom] [--no-neutralise]`: writes the last result as CSV, atomically.
    func export(_ args: [String], usage: String) throws(ShellError) {
        var path: String? = nil
        var bom = false
        var neutralise = true
        for a in args {
            switch a {
            case "--bom": bom = true
            case "--no-neutralise", "--no-neutralize": neutralise = false
            case let flag where flag.hasPrefix("--"):
                throw ShellError("usage", "unknown option `\(flag)` for .export", hint: "options: --bom, --no-neutralise")
            default:
                guard path == nil else { throw .usage(usage) }
                path = a
            }
        }
        guard let path else { throw .usage(usage) }
        guard let table = query.lastResult else {
            throw ShellError("no-result", "there is no result to export yet", hint: "run a query first; `.export` writes the last result")
        }
        let options = CSVWriteOptions(bom: bom, neutraliseFormulas: neutralise)
        do {
            try CSVWriter.write(table, toFile: Self.expandingTilde(path), options: options)
        } catch {
            throw ShellError("export", "cannot export: \(error.description)", hint: "nothing was written; an existing file is unchanged")
        }
        if interactive {
            output.out("exported \(table.rowCount) \(table.rowCount == 1 ? "row" : "rows") to \(path)\n")
        }
    }
}
