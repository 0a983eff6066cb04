import Foundation

@testable import RealizeStore

/// The reference for ``SheetXMLScanner`` in `XLSXScannerTests`: the same sheet read through
/// Foundation's `XMLParser`. It repeats the scanner's cell-kind switch on purpose (an oracle that
/// shares the code under test checks nothing), and it lives here, not in the product, because the
/// product reads sheets with the scanner only.
///
/// A worksheet part (`xl/worksheets/sheetN.xml`): its non-empty cells and merged ranges.
///
/// A cell's value is its `<v>` (for a formula, the value last calculated), or the text of an
/// inline string `<is><t>`; `t=` says how to read it (`s` shared string, `inlineStr`, `str`
/// formula text, `b` boolean, `e` error, otherwise a number whose `s=` format may make it a date).
final class SheetXMLParser: XMLPartParser {
    let sharedStrings: [String]
    let formats: [NumberFormatKind]
    var cells: [XLSXCell] = []
    var merged: [ClosedRange<CellReference>] = []
    /// Set when a cell's reference or shared-string index is out of place.
    var damage: String?

    private var reference: CellReference?
    private var type = ""
    private var style = 0
    private var value: String?
    private var inInline = false
    private var nextRow = 1, nextColumn = 1, currentRow = 0

    init(sharedStrings: [String], formats: [NumberFormatKind]) {
        self.sharedStrings = sharedStrings
        self.formats = formats
    }

    override func start(_ name: Substring, _ attributes: [String: String]) {
        switch name {
        case "row":
            currentRow = attributes["r"].flatMap(Int.init) ?? nextRow
            nextRow = currentRow + 1
            nextColumn = 1
        case "c":
            // `r=` may be omitted: then the cell follows the previous one.
            reference = attributes["r"].flatMap { CellReference($0) } ?? CellReference(row: max(currentRow, 1), column: nextColumn)
            nextColumn = (reference?.column ?? nextColumn) + 1
            type = attributes["t"] ?? "n"
            style = attributes["s"].flatMap(Int.init) ?? 0
            value = nil
        case "v":
            characters = ""
            collecting = true
        case "is": inInline = true
        case "t" where inInline:
            characters = ""
            collecting = true
        case "mergeCell":
            if let ref = attributes["ref"], let range = CellReference.range(ref) { merged.append(range) }
        default: break
        }
    }

    override func end(_ name: Substring) {
        switch name {
        case "v":
            value = characters
            collecting = false
        case "t" where inInline:
            value = (value ?? "") + characters
            collecting = false
        case "is": inInline = false
        case "c":
            if let reference, let value, let kind = kind(value) { cells.append(XLSXCell(reference: reference, kind: kind)) }
            reference = nil
        default: break
        }
    }

    private func kind(_ v: String) -> XLSXCell.Kind? {
        switch type {
        case "s":
            guard let k = Int(v), sharedStrings.indices.contains(k) else {
                damage = damage ?? "cell \(reference?.text ?? "?") refers to shared string \(v), which does not exist"
                return nil
            }
            return .text(sharedStrings[k])
        case "inlineStr", "str": return .text(v)
        case "b": return .bool(v == "1" || v.lowercased() == "true")
        case "e": return .error(v)
        default:
            let t = v.trimmingCharacters(in: .whitespaces)
            if t.isEmpty { return nil }
            switch formats.indices.contains(style) ? formats[style] : .number {
            case .number: return .number(t)
            case .date: return .dateSerial(t)
            case .period: return .periodSerial(t)
            }
        }
    }
}

import Foundation
