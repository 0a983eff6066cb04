/// The fixed parts of a workbook package: content types, relationships, the workbook part.
enum XLSXParts {
    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let packageRelNS = "http://schemas.openxmlformats.org/package/2006/relationships"
    private static let ct = "application/vnd.openxmlformats-officedocument."

    static func contentTypes(sheetCount: Int) -> String {
        var out = header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        out += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        out += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        out += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(ct)spreadsheetml.sheet.main+xml\"/>"
        for k in 1...max(sheetCount, 1) {
            out += "<Override PartName=\"/xl/worksheets/sheet\(k).xml\" ContentType=\"\(ct)spreadsheetml.worksheet+xml\"/>"
        }
        out += "<Override PartName=\"/xl/styles.xml\" ContentType=\"\(ct)spreadsheetml.styles+xml\"/>"
        out += "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"\(ct)spreadsheetml.sharedStrings+xml\"/>"
        out += "<Override PartName=\"/docProps/app.xml\" ContentType=\"\(ct)extended-properties+xml\"/>"
        return out + "</Types>"
    }

    static var rootRelationships: String {
        header + "<Relationships xmlns=\"\(packageRelNS)\">"
            + "<Relationship Id=\"rId1\" Type=\"\(relNS)/officeDocument\" Target=\"xl/workbook.xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"\(relNS)/extended-properties\" Target=\"docProps/app.xml\"/>"
            + "</Relationships>"
    }

    static var appProperties: String {
        header + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
            + "<Application>Realize</Application></Properties>"
    }

    /// `xl/workbook.xml`: the sheets in order, and each sheet's auto-filter range as the hidden
    /// `_xlnm._FilterDatabase` name that spreadsheets expect beside an `autoFilter`.
    static func workbook(names: [String], filterRanges: [String]) -> String {
        var out = header + "<workbook xmlns=\"\(mainNS)\" xmlns:r=\"\(relNS)\">"
        out += "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (k, name) in names.enumerated() {
            out += "<sheet name=\"\(XMLText.escape(name))\" sheetId=\"\(k + 1)\" r:id=\"rId\(k + 1)\"/>"
        }
        out += "</sheets>"
        let filters = zip(names, filterRanges).enumerated().filter { !$0.element.1.isEmpty }
        if !filters.isEmpty {
            out += "<definedNames>"
            for (k, (name, range)) in filters {
                let quoted = "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
                let absolute = range.split(separator: ":").map { absoluteReference(String($0)) }.joined(separator: ":")
                out +=
                    "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(k)\" hidden=\"1\">"
                    + XMLText.escape(quoted + "!" + absolute) + "</definedName>"
            }
            out += "</definedNames>"
        }
        return out + "</workbook>"
    }

    static func workbookRelationships(sheetCount: Int) -> String {
        let n = max(sheetCount, 1)
        var out = header + "<Relationships xmlns=\"\(packageRelNS)\">"
        for k in 1...n {
            out += "<Relationship Id=\"rId\(k)\" Type=\"\(relNS)/worksheet\" Target=\"worksheets/sheet\(k).xml\"/>"
        }
        out += "<Relationship Id=\"rId\(n + 1)\" Type=\"\(relNS)/styles\" Target=\"styles.xml\"/>"
        out += "<Relationship Id=\"rId\(n + 2)\" Type=\"\(relNS)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        return out + "</Relationships>"
    }

    /// `B12` → `$B$12`.
    static func absoluteReference(_ ref: String) -> String {
        let letters = ref.prefix { $0.isLetter }
        return "$" + letters + "$" + ref.dropFirst(letters.count)
    }

    /// The column letters of a 0-based index: 0 → `A`, 25 → `Z`, 26 → `AA`.
    static func columnLetters(_ index: Int) -> String {
        var n = index + 1
        var letters: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }
}
