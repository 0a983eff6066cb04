import Foundation

/// `xl/workbook.xml`: the sheets in tab order with their relationship ids, and the date system.
final class WorkbookXMLParser: XMLPartParser {
    var sheets: [(name: String, relationship: String)] = []
    /// Whether dates count from 1904-01-01 (`<workbookPr date1904="1"/>`), as old Mac workbooks do.
    var date1904 = false

    override func start(_ name: Substring, _ attributes: [String: String]) {
        switch name {
        case "sheet":
            let rid = attributes.first { Self.local($0.key) == "id" && $0.key != "sheetId" }?.value ?? ""
            sheets.append((attributes["name"] ?? "", rid))
        case "workbookPr":
            if let v = attributes["date1904"] { date1904 = v == "1" || v.lowercased() == "true" }
        default: break
        }
    }
}

/// `xl/_rels/workbook.xml.rels`: relationship id → part path.
final class RelationshipsXMLParser: XMLPartParser {
    var targets: [String: String] = [:]

    override func start(_ name: Substring, _ attributes: [String: String]) {
        guard name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
        targets[id] = target
    }
}

/// `xl/sharedStrings.xml`: the shared strings in order; rich-text runs are joined, phonetic hints skipped.
final class SharedStringsXMLParser: XMLPartParser {
    var strings: [String] = []
    private var current = ""
    private var inPhonetic = false

    override func start(_ name: Substring, _ attributes: [String: String]) {
        switch name {
        case "si": current = ""
        case "rPh": inPhonetic = true
        case "t" where !inPhonetic:
            characters = ""
            collecting = true
        default: break
        }
    }

    override func end(_ name: Substring) {
        switch name {
        case "t" where collecting:
            current += characters
            collecting = false
        case "rPh": inPhonetic = false
        case "si": strings.append(current)
        default: break
        }
    }
}

/// `xl/styles.xml`: which cell formats (`s=` indices) show a date, and which only a year and month.
final class StylesXMLParser: XMLPartParser {
    private var customFormats: [Int: String] = [:]
    private var inCellXfs = false
    /// Per cell format index: the number format id.
    private var formatIDs: [Int] = []

    override func start(_ name: Substring, _ attributes: [String: String]) {
        switch name {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] { customFormats[id] = code }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs: formatIDs.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
        default: break
        }
    }

    override func end(_ name: Substring) {
        if name == "cellXfs" { inCellXfs = false }
    }

    /// How numbers in each cell format read: as dates, periods or plain numbers.
    var kinds: [NumberFormatKind] {
        formatIDs.map { id in NumberFormatKind(id: id, code: customFormats[id]) }
    }
}
