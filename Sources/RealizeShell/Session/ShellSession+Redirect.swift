import RealizeReport
import RealizeStore

extension ShellSession {
    /// `.output [FILE]` sends every following result to FILE (`.output` alone: back to the screen);
    /// `.once FILE` sends only the next one. The format is the file extension's, as `.export` reads it
    /// (`.csv`, `.json`, `.md`, `.html`, `.xlsx`), or `.mode`'s for any other file (`.txt`).
    ///
    /// - Throws: ``ShellError`` `usage`.
    func redirectOutput(_ args: [String], once: Bool, usage: String) throws(ShellError) {
        if args.isEmpty && !once {
            redirect = nil
            return
        }
        guard args.count == 1 else { throw .usage(usage) }
        let path = args[0]
        let chosen = OutputRedirect.format(for: path, mode: format) ?? .some(format)
        redirect = OutputRedirect(path: path, target: resolveOutputPath(path), once: once, format: chosen)
    }

    /// Adds `table` to the redirected file and rewrites it atomically; ends a `.once` redirection.
    func writeRedirected(_ table: Table) {
        guard var r = redirect else { return }
        redirect = r.once ? nil : r
        r.tables.append((r.tables.isEmpty ? "result" : "result\(r.tables.count + 1)", table))
        let result: Result<Void, ShellError>
        if let textFormat = r.format {
            var options = RenderOptions(format: textFormat)
            options.nullText = display.nullText
            options.headers = display.headers
            if let rows = display.maxRows, rows > 0 { options.maxRows = rows }
            if let width = display.maxWidth, width > 0 { options.maxWidth = width }
            var text = ResultRenderer.render(table, options: options)
            if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
            r.text += text
            do throws(AtomicFileError) {
                try AtomicFile.write(Array(r.text.utf8), to: r.target)
                result = .success(())
            } catch {
                result = .failure(ShellError("output", "cannot write `\(r.path)`: \(error.description)"))
            }
        } else {
            do throws(ExportError) {
                try Exporter.write(r.tables, format: .xlsx, to: r.target, csv: CSVWriteOptions(), cancel: cancellation)
                result = .success(())
            } catch {
                result = .failure(ShellError("output", "cannot write `\(r.path)`: \(error.description)"))
            }
        }
        if case .failure(let error) = result {
            output.err(error.description + "\n")
            redirect = nil
            return
        }
        observer?(.exported(paths: [r.target]))
        if !r.once { redirect = r }
    }
}
