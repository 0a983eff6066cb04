import RealizeQuery
import RealizeStore

/// Writes result tables to a file in one of the ``ExportFormat``s: what `.export` does once it knows
/// the path, the tables and the CSV options.
///
/// Every format carries the values at full precision (doubles in shortest round-trip form, decimals
/// exact) except Markdown and HTML, which are written for people with the table's cell formatting.
/// CSV, JSON and XLSX never hold glyphs (sparklines, profile bars); Markdown and HTML draw them.
package enum Exporter {
    /// One table to write, with the name it goes under (a sheet, a section, a key).
    package typealias NamedTable = (name: String, table: Table)

    /// Writes `tables` to `path` in `format`, atomically.
    ///
    /// - Parameters:
    ///   - tables: at least one table; CSV holds exactly one (the first is written).
    ///   - format: the file format, usually ``ExportFormat/init(path:)`` of `path`.
    ///   - path: where to write; an existing file is replaced only when the whole file is written.
    ///   - csv: how CSV is written (byte-order mark, formula neutralisation).
    ///   - cancel: the session's token (Ctrl-C). CSV and XLSX poll it every few thousand rows, the other
    ///     formats after building the text, and every format while writing and before replacing the file.
    /// - Throws: ``ExportError`` saying why nothing was written (`cancelled` when `cancel` was raised).
    package static func write(
        _ tables: [NamedTable], format: ExportFormat, to path: String, csv: CSVWriteOptions, cancel: CancellationToken? = nil
    ) throws(ExportError) {
        let shouldStop = { cancel?.isCancelled == true }
        if shouldStop() { throw ExportError.cancelled }
        let text: String
        switch format {
        case .xlsx:
            try XLSXWriter.write(tables.map { XLSXWriter.Sheet(name: $0.name, table: $0.table) }, to: path, shouldStop: shouldStop)
            return
        case .csv:
            guard let first = tables.first else { throw ExportError(.unsupported, "there is no table to write") }
            do { try CSVWriter.write(first.table, toFile: path, options: csv, shouldStop: shouldStop) } catch { throw ExportError(error) }
            return
        case .arrow:
            guard let first = tables.first else { throw ExportError(.unsupported, "there is no table to write") }
            // Streamed from the columns (never the whole file in memory), atomically.
            do throws(ArrowError) {
                try ArrowFileWriter.write(first.table, to: path, shouldStop: shouldStop)
            } catch {
                if let failure = error.write { throw ExportError(failure) }
                throw ExportError(.write, error.description)
            }
            return
        case .markdown: text = markdown(tables)
        case .json: text = json(tables)
        case .html:
            let stem = String((path.split(separator: "/").last ?? "export").split(separator: ".").first ?? "export")
            text = HTMLWriter.document(title: stem, tables: tables.map { ($0.name, FormattedTable($0.table)) })
        }
        do { try AtomicFile.write(Array(text.utf8), to: path, shouldStop: shouldStop) } catch { throw ExportError(error) }
    }

    /// One table as a pipe table; several as a `## name` section each.
    static func markdown(_ tables: [NamedTable]) -> String {
        if tables.count == 1 { return MarkdownRenderer.render(tables[0].table) }
        return tables.map { "## \($0.name)\n\n" + MarkdownRenderer.render($0.table) }.joined(separator: "\n")
    }

    /// One table as an array of rows; several as an object with a key each.
    static func json(_ tables: [NamedTable]) -> String {
        if tables.count == 1 { return JSONRenderer.render(tables[0].table) }
        let members = tables.map { JSONRenderer.quoted($0.name) + ": " + withoutFinalNewline(JSONRenderer.render($0.table)) }
        return "{\n" + members.joined(separator: ",\n") + "\n}\n"
    }

    /// `text` without its trailing line breaks.
    static func withoutFinalNewline(_ text: String) -> String {
        var s = Substring(text)
        while s.last == "\n" { s.removeLast() }
        return String(s)
    }
}
