import Foundation
import RealizeTestSupport
import Testing

@testable import RealizeStore

/// The byte-level sheet scanner reads every generated sheet exactly as the XMLParser-based reader does.
@Suite struct XLSXScannerTests {
    static let shared = ["alpha", "Zürich & co", "<b>"]
    static let formats: [NumberFormatKind] = [.number, .date, .period]

    /// A random worksheet: prefixed or plain names, cells with or without `r=`, every value kind, references,
    /// comments, self-closing cells and merged ranges.
    static func sheet(_ g: inout SeededGenerator) -> String {
        let p = g.chance(0.3) ? "x:" : ""
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        xml += "<\(p)worksheet xmlns\(p.isEmpty ? "" : ":x")=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        xml += "<!-- a comment with <c> inside --><\(p)sheetData>"
        for row in 1...g.int(1...6) {
            xml += g.chance(0.8) ? "<\(p)row r=\"\(row)\" spans=\"1:4\">" : "<\(p)row>"
            for column in 1...g.int(1...4) {
                let r = g.chance(0.8) ? " r=\"\(CellReference.letters(column))\(row)\"" : ""
                let s = g.chance(0.5) ? " s=\"\(g.int(0...3))\"" : ""
                switch g.int(0...7) {
                case 0: xml += "<\(p)c\(r)\(s)><\(p)v>\(g.int(-999...999)).\(g.int(0...99))</\(p)v></\(p)c>"
                case 1: xml += "<\(p)c\(r) t=\"s\"><\(p)v>\(g.int(0...2))</\(p)v></\(p)c>"
                case 2: xml += "<\(p)c\(r) t='inlineStr'><\(p)is><\(p)t xml:space=\"preserve\"> a &amp; b &#233;&#x4E2D; </\(p)t></\(p)is></\(p)c>"
                case 3: xml += "<\(p)c\(r) t=\"str\"><\(p)f>A1&amp;B1</\(p)f><\(p)v>x&lt;y&gt;&quot;&apos;</\(p)v></\(p)c>"
                case 4: xml += "<\(p)c\(r) t=\"b\"><\(p)v>\(g.int(0...1))</\(p)v></\(p)c>"
                case 5: xml += "<\(p)c\(r) t=\"e\"><\(p)v>#N/A</\(p)v></\(p)c>"
                case 6: xml += "<\(p)c\(r)\(s)/>"
                default: xml += "<\(p)c\(r)>\n  <\(p)v> 4\(g.int(0...9)) </\(p)v>\n</\(p)c>"
                }
            }
            xml += "</\(p)row>"
        }
        xml += "</\(p)sheetData>"
        if g.chance(0.5) { xml += "<\(p)mergeCells count=\"1\"><\(p)mergeCell ref=\"A1:B2\"/></\(p)mergeCells>" }
        return xml + "</\(p)worksheet>"
    }

    static func describe(_ cells: [XLSXCell]) -> [String] { cells.map { "\($0.reference.text) \($0.kind)" } }

    @Test func scannerAgreesWithXMLParser() {
        var g = SeededGenerator(seed: 20_251_130)
        for _ in 0..<300 {
            let xml = Self.sheet(&g)
            let data = Data(xml.utf8)
            let reference = SheetXMLParser(sharedStrings: Self.shared, formats: Self.formats)
            #expect(reference.parse(data), "\(xml)")
            var scanner = SheetXMLScanner(sharedStrings: Self.shared, formats: Self.formats)
            let scanned = scanner.scan(data)
            #expect(scanned, "\(xml)")
            #expect(Self.describe(scanner.cells) == Self.describe(reference.cells), "\(xml)")
            #expect(scanner.merged == reference.merged)
            #expect(scanner.damage == reference.damage)
        }
    }

    /// CDATA in a value is read as its text (the XMLParser-based reader dropped it).
    @Test func cdataIsText() {
        var scanner = SheetXMLScanner(sharedStrings: [], formats: [])
        let ok = scanner.scan(Data("<worksheet><sheetData><row r=\"1\"><c r=\"B1\" t=\"str\"><v><![CDATA[a<b]]></v></c></row></sheetData></worksheet>".utf8))
        #expect(ok)
        #expect(Self.describe(scanner.cells) == ["B1 text(\"a<b\")"])
    }

    @Test func malformedSheetsAreRejected() {
        for xml in ["<worksheet><c r=\"A1\"", "<worksheet><v>&bogus;</v>", "<worksheet><!-- open", "<worksheet><![CDATA[x"] {
            var scanner = SheetXMLScanner(sharedStrings: [], formats: [])
            let ok = scanner.scan(Data(xml.utf8))
            // `&bogus;` outside a value is not looked at; inside one it is an error.
            #expect(!ok || xml.contains("bogus"), "\(xml)")
        }
        var inValue = SheetXMLScanner(sharedStrings: [], formats: [])
        let ok = inValue.scan(Data("<worksheet><sheetData><row><c><v>1&bogus;</v></c></row></sheetData></worksheet>".utf8))
        #expect(!ok)
    }
}
