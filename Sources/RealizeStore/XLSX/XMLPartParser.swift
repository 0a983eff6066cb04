import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A small event-driven reader over one XML part of a workbook.
///
/// The parts are read with Foundation's `XMLParser` (a streaming SAX parser over libxml2 on Linux):
/// it ships with the toolchain, needs no extra dependency, and never builds a DOM, so a sheet of
/// hundreds of thousands of cells is read in one pass with memory for the cells only. Subclasses
/// override the three callbacks; names are compared without their namespace prefix.
class XMLPartParser: NSObject, XMLParserDelegate {
    /// Characters gathered since the last start or end tag (only while ``collecting`` is true).
    var characters = ""
    /// Whether character data is being gathered.
    var collecting = false

    /// Parses `data`; false when the XML is malformed.
    ///
    /// A part that is not valid UTF-8 is malformed here, before `XMLParser` sees it: on Linux it traps
    /// (SIGILL in `_NSXMLParserStartElementNs`) on an element or attribute name with invalid UTF-8, found
    /// by the xlsx fuzz target. SpreadsheetML parts are UTF-8 as Excel, LibreOffice and openpyxl write them.
    func parse(_ data: Data) -> Bool {
        guard String(validating: data, as: UTF8.self) != nil else { return false }
        let parser = XMLParser(data: data)
        parser.delegate = self
        parser.shouldProcessNamespaces = false
        return parser.parse()
    }

    /// An element opened.
    func start(_ name: Substring, _ attributes: [String: String]) {}
    /// An element closed.
    func end(_ name: Substring) {}

    /// The local name of `qualified` (`x:c` → `c`).
    static func local(_ qualified: String) -> Substring {
        guard let colon = qualified.lastIndex(of: ":") else { return Substring(qualified) }
        return qualified[qualified.index(after: colon)...]
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        start(Self.local(elementName), attributeDict)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        end(Self.local(elementName))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { characters += string }
    }
}
