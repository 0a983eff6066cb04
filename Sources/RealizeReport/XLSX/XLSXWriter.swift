import Foundation
import RealizeStore
import ZIPFoundation

/// Writes tables as an Office Open XML workbook (`.xlsx`), one worksheet per table.
///
/// Cells are typed: integers, doubles and decimals are numbers; decimals (money) carry the number
/// format `#,##0.00` (or as many decimals as their scale, when it is larger); dates are date serials
/// formatted `yyyy-mm-dd`, periods the serial of their first day formatted `yyyy-mm`; booleans are
/// booleans; text is a shared string (never a formula, so nothing needs neutralising). Nulls, NaN and
/// infinities are empty cells. Each sheet has a bold header row that stays frozen while scrolling,
/// an auto-filter over the data, and column widths fitted to the content.
///
/// The values are the exact values: a decimal is written with every digit of its scale. Spreadsheets
/// hold numbers as doubles (15 significant digits), so a decimal with more significant digits than
/// that is written as text instead, keeping every digit; so is a date before 1900-03-01, which
/// spreadsheets cannot represent as a serial.
///
/// The zip container comes from ZIPFoundation (deflated entries, built in memory); the XML is ours.
/// The file is written atomically through ``AtomicFile``.
public enum XLSXWriter {
    /// One worksheet: its name (made valid and unique when written) and its table.
    public struct Sheet: Sendable {
        public var name: String
        public var table: Table
        public init(name: String, table: Table) {
            self.name = name
            self.table = table
        }
    }

    /// Writes `sheets` to `path` as one workbook, atomically.
    /// - Parameter shouldStop: polled while the sheets are built and written (Ctrl-C); when it says so,
    ///   nothing is written.
    /// - Throws: ``ExportError`` when the workbook cannot be built or the file written, or it was cancelled.
    public static func write(_ sheets: [Sheet], to path: String, shouldStop: () -> Bool = { false }) throws(ExportError) {
        let bytes = try workbook(sheets, shouldStop: shouldStop)
        do {
            try AtomicFile.write(bytes, to: path, shouldStop: shouldStop)
        } catch {
            throw ExportError(error)
        }
    }

    /// The bytes of a workbook holding `sheets` (at least one; an empty list gives one empty sheet).
    /// - Throws: ``ExportError`` (`container`) if the zip container cannot be built.
    public static func workbook(_ sheets: [Sheet], shouldStop: () -> Bool = { false }) throws(ExportError) -> [UInt8] {
        let sheets = sheets.isEmpty ? [Sheet(name: "Sheet1", table: .empty)] : sheets
        let names = SheetNames.unique(sheets.map(\.name))
        var strings = SharedStrings()
        var styles = XLSXStyles()
        var parts: [(String, String)] = []
        var ranges: [String] = []
        for (k, sheet) in sheets.enumerated() {
            let xml = try SheetXML(table: sheet.table).render(strings: &strings, styles: &styles, shouldStop: shouldStop)
            parts.append(("xl/worksheets/sheet\(k + 1).xml", xml.text))
            ranges.append(xml.range)
        }
        parts.insert(("[Content_Types].xml", XLSXParts.contentTypes(sheetCount: sheets.count)), at: 0)
        parts.insert(("_rels/.rels", XLSXParts.rootRelationships), at: 1)
        parts.insert(("docProps/app.xml", XLSXParts.appProperties), at: 2)
        parts.insert(("xl/workbook.xml", XLSXParts.workbook(names: names, filterRanges: ranges)), at: 3)
        parts.insert(("xl/_rels/workbook.xml.rels", XLSXParts.workbookRelationships(sheetCount: sheets.count)), at: 4)
        parts.append(("xl/styles.xml", styles.xml))
        parts.append(("xl/sharedStrings.xml", strings.xml))
        if shouldStop() { throw ExportError.cancelled }
        return try zip(parts)
    }

    /// The zip container of `parts` (path, XML text), deflated, with a fixed timestamp so that the
    /// same tables give the same bytes.
    static func zip(_ parts: [(String, String)]) throws(ExportError) -> [UInt8] {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            let stamp = Date(timeIntervalSince1970: 1_704_067_200)  // 2024-01-01, any fixed date
            for (path, text) in parts {
                let data = Data(text.utf8)
                try archive.addEntry(
                    with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: stamp,
                    compressionMethod: .deflate
                ) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw ExportError(.container, "the workbook's zip container is empty") }
            return [UInt8](data)
        } catch let error as ExportError {
            throw error
        } catch {
            throw ExportError(.container, "cannot build the workbook's zip container: \(error)")
        }
    }
}

/// Sheet names as spreadsheets accept them: at most 31 characters, none of `[]:*?/\`, not empty,
/// not starting or ending with `'`, and unique regardless of case.
enum SheetNames {
    static func unique(_ wanted: [String]) -> [String] {
        var used = Set<String>()
        var out: [String] = []
        for (k, raw) in wanted.enumerated() {
            var name = String(raw.map { "[]:*?/\\".contains($0) || $0.isNewline ? "_" : $0 })
            while name.hasPrefix("'") { name.removeFirst() }
            while name.hasSuffix("'") { name.removeLast() }
            if name.isEmpty || name.lowercased() == "history" { name = "Sheet\(k + 1)" }
            name = String(name.prefix(31))
            var candidate = name
            var n = 2
            while used.contains(candidate.lowercased()) {
                let suffix = " (\(n))"
                candidate = String(name.prefix(31 - suffix.count)) + suffix
                n += 1
            }
            used.insert(candidate.lowercased())
            out.append(candidate)
        }
        return out
    }
}

/// The workbook's shared string table: each distinct text once.
struct SharedStrings {
    private var index: [String: Int] = [:]
    private var list: [String] = []
    private(set) var references = 0

    /// The index of `s`, adding it when new.
    mutating func id(_ s: String) -> Int {
        references += 1
        if let i = index[s] { return i }
        index[s] = list.count
        list.append(s)
        return list.count - 1
    }

    var xml: String {
        var out = XLSXParts.header
        out += "<sst xmlns=\"\(XLSXParts.mainNS)\" count=\"\(references)\" uniqueCount=\"\(list.count)\">"
        for s in list {
            let space = s.first?.isWhitespace == true || s.last?.isWhitespace == true || s.contains("\n") ? " xml:space=\"preserve\"" : ""
            out += "<si><t\(space)>" + XMLText.escape(s, ooxmlEscapes: true) + "</t></si>"
        }
        return out + "</sst>"
    }
}
