import Foundation

/// Reads Excel workbooks (`.xlsx`, Office Open XML) into tables, one per sheet.
///
/// The zip package is read by ``ZipDirectory`` and each part is read with Foundation's streaming `XMLParser`
/// (see ``XMLPartParser``), except the sheets, which a byte-level ``SheetXMLScanner`` reads. Reading is
/// all-or-nothing: a damaged
/// or password-protected workbook, a missing sheet or a bad value throws, and nothing is returned.
public enum XLSXReader {
    /// One sheet read as a table.
    public struct Sheet: Sendable {
        /// The sheet's tab name.
        public var sheetName: String
        /// The table name: the tab name as an identifier (`Financials 2025` → `financials_2025`).
        public var tableName: String
        public var table: Table
    }

    /// Reads the workbook at `path`.
    /// - Parameters:
    ///   - path: the `.xlsx` file; it is named as given in messages.
    ///   - options: which sheet and region; `csv` carries type overrides and Ctrl-C.
    ///   - notes: called with each thing worth telling (a header found below titles, error cells).
    /// - Throws: ``CSVError`` naming the workbook (and the sheet and cell, for a value).
    public static func read(
        path: String, options: XLSXReadOptions = .init(), csv: CSVReadOptions = .init(), notes: (String) -> Void = { _ in }
    ) throws(CSVError) -> [Sheet] {
        let bytes: [UInt8]
        switch FileSystem.readFile(path) {
        case .success(let b): bytes = b
        case .failure(.isDirectory): throw CSVError(file: path, line: 0, column: 0, message: "is a folder, not a workbook", code: .io)
        case .failure(.cannotOpen(let why)), .failure(.cannotRead(let why)):
            throw CSVError(file: path, line: 0, column: 0, message: "cannot read the file: \(why)", code: .io)
        }
        let package = try XLSXPackage(bytes: bytes, path: path)
        let workbook = WorkbookXMLParser()
        guard let wbData = try package.part("xl/workbook.xml"), workbook.parse(wbData) else { throw package.damaged("xl/workbook.xml is missing or malformed") }
        let rels = RelationshipsXMLParser()
        guard let relData = try package.part("xl/_rels/workbook.xml.rels"), rels.parse(relData) else {
            throw package.damaged("xl/_rels/workbook.xml.rels is missing or malformed")
        }
        var shared: [String] = []
        if let data = try package.part("xl/sharedStrings.xml") {
            let p = SharedStringsXMLParser()
            guard p.parse(data) else { throw package.damaged("xl/sharedStrings.xml is malformed") }
            shared = p.strings
        }
        var formats: [NumberFormatKind] = []
        if let data = try package.part("xl/styles.xml") {
            let p = StylesXMLParser()
            guard p.parse(data) else { throw package.damaged("xl/styles.xml is malformed") }
            formats = p.kinds
        }

        let allNames = workbook.sheets.map(\.name)
        var chosen = workbook.sheets
        if let wanted = options.sheet {
            chosen = workbook.sheets.filter { $0.name == wanted }
            if chosen.isEmpty { chosen = workbook.sheets.filter { $0.name.lowercased() == wanted.lowercased() } }
            if chosen.isEmpty {
                throw CSVError(
                    file: path, line: 0, column: 0, message: "the workbook has no sheet `\(wanted)`",
                    hint: "its sheets: " + allNames.map { "'\($0)'" }.joined(separator: ", "), code: .noSuchSheet)
            }
        }
        var out: [Sheet] = []
        var seen: [String: String] = [:]
        for (name, rid) in chosen {
            let tableName = PortfolioLoader.identifier(name)
            if let other = seen[tableName] {
                throw CSVError(
                    file: path, line: 0, column: 0, message: "sheets `\(other)` and `\(name)` would both become table `\(tableName)`",
                    hint: "load one of them with `sheet '\(name)' as NAME`", code: .duplicateTable)
            }
            seen[tableName] = name
            guard let target = rels.targets[rid] else { throw package.damaged("sheet `\(name)` has no part") }
            let partPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            // The sheet is read by a byte-level scanner, not XMLParser: see ``SheetXMLScanner``.
            var parser = SheetXMLScanner(sharedStrings: shared, formats: formats)
            guard let data = try package.bytes(of: partPath), parser.scan(data) else { throw package.damaged("\(partPath) is missing or malformed") }
            if let damage = parser.damage { throw package.damaged(damage) }
            if csv.shouldStop() { throw CSVError.cancelled(path) }
            let source = "\(FileSystem.baseName(path))[\(name)]"
            let builder = XLSXSheetTable(cells: parser.cells, source: source, date1904: workbook.date1904)
            if parser.cells.isEmpty && options.sheet == nil { continue }  // an empty sheet in a whole-workbook load
            let built = try builder.build(options, csv)
            built.notes.forEach(notes)
            out.append(Sheet(sheetName: name, tableName: tableName, table: built.table))
        }
        if out.isEmpty { throw CSVError(file: path, line: 0, column: 0, message: "the workbook has no sheet with data", code: .emptyFile) }
        return out
    }
}

/// The zip package of a workbook, with the checks that tell a damaged or encrypted file apart.
struct XLSXPackage {
    let zip: ZipDirectory
    let path: String

    /// Opens the package.
    /// - Throws: ``CSVError`` (`badWorkbook`) for an encrypted workbook, an old `.xls`, or a damaged zip.
    init(bytes: [UInt8], path: String) throws(CSVError) {
        self.path = path
        // A password-protected .xlsx is not a zip but an OLE compound file (as an old .xls is).
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw CSVError(
                file: path, line: 0, column: 0, message: "the workbook is password-protected (or an old .xls file), so it cannot be read",
                hint: "in Excel, remove the password (File › Info › Protect Workbook) and save as .xlsx", code: .badWorkbook)
        }
        do throws(ZipDirectory.Damage) {
            guard bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) else { throw .notAZip("") }
            zip = try ZipDirectory(bytes: bytes)
        } catch {
            throw CSVError(
                file: path, line: 0, column: 0, message: "the workbook is damaged: it is not a valid .xlsx (zip) file",
                hint: "open it in Excel or LibreOffice and save it again as .xlsx", code: .badWorkbook)
        }
    }

    /// The bytes of the part at `name`, or nil when it is absent.
    /// - Throws: ``CSVError`` (`badWorkbook`) when the part is there but cannot be read (corrupt, encrypted).
    func part(_ name: String) throws(CSVError) -> Data? {
        try bytes(of: name).map { Data($0) }
    }

    /// The bytes of the part at `name` as inflated, or nil when it is absent (the sheet scanner reads them in place).
    /// - Throws: ``CSVError`` (`badWorkbook`) when the part is there but cannot be read (corrupt, encrypted).
    func bytes(of name: String) throws(CSVError) -> [UInt8]? {
        do throws(ZipDirectory.Damage) {
            return try zip.data(name)
        } catch {
            guard case .entry(let part, let why) = error else { return nil }
            throw damaged("\(part) cannot be read: \(why)")
        }
    }

    /// The error for a workbook whose parts are missing or malformed.
    func damaged(_ why: String) -> CSVError {
        CSVError(
            file: path, line: 0, column: 0, message: "the workbook is damaged: \(why)",
            hint: "open it in Excel or LibreOffice and save it again as .xlsx", code: .badWorkbook)
    }
}
