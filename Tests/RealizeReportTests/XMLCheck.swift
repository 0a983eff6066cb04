import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Well-formedness of XML (SVG, XLSX parts) with Foundation's parser; collects element names and attributes.
final class XMLCheck: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String])] = []
    var error: String?

    static func parse(_ text: String) -> XMLCheck {
        let check = XMLCheck()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = check
        if !parser.parse() { check.error = parser.parserError.map { "\($0)" } ?? "parse failed at line \(parser.lineNumber)" }
        return check
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        elements.append((name, attributes))
    }

    func with(_ name: String, _ attribute: String, _ value: String) -> [[String: String]] {
        elements.filter { $0.name == name && $0.attributes[attribute] == value }.map(\.attributes)
    }
}
