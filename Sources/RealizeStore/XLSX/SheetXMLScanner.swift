import Foundation

/// A byte-level reader of a worksheet part, for the sheet only (the small parts keep ``XMLPartParser``).
///
/// Measured on a 500,000-row export (bench/xlsx.py): Foundation's `XMLParser` spent most of the load
/// building a `String` for every name and a dictionary for every element's attributes, so realize
/// took several times as long as calamine (fastexcel). This scanner walks the bytes once, reads
/// only the attributes it needs (`r`, `t`, `s`, `ref`) and the text of `<v>` and inline `<t>`, and
/// gives the same cells as Foundation's `XMLParser` (checked by `XLSXScannerTests` against a reference reader). Namespace prefixes
/// (`x:c`), self-closing cells, comments, processing instructions, CDATA and the five named and
/// numeric character references are understood; an unterminated tag or reference is malformed.
struct SheetXMLScanner {
    let sharedStrings: [String]
    let formats: [NumberFormatKind]
    var cells: [XLSXCell] = []
    var merged: [ClosedRange<CellReference>] = []
    /// Set when a cell's reference or shared-string index is out of place.
    var damage: String?

    private var reference: CellReference?
    private var typeText = "n"
    private var style = 0
    private var value: [UInt8]?
    private var inInline = false
    private var collecting = false
    private var text: [UInt8] = []
    private var nextRow = 1, nextColumn = 1, currentRow = 0

    init(sharedStrings: [String], formats: [NumberFormatKind]) {
        self.sharedStrings = sharedStrings
        self.formats = formats
    }

    /// Reads `data`; false when the XML is malformed.
    mutating func scan(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw in scan(raw.bindMemory(to: UInt8.self)) }
    }

    /// Reads `bytes`; false when the XML is malformed.
    mutating func scan(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { scan($0) }
    }

    private mutating func scan(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        // A cell takes at least about 20 bytes of XML (`<c r="A1"><v>1</v></c>`): reserving for that
        // saves the copies of growing by doubling; pages never touched cost nothing.
        cells.reserveCapacity(cells.count + n / 20)
        var i = 0
        while i < n {
            let c = b[i]
            if c != UInt8(ascii: "<") {
                // Character data: kept only inside `<v>` or an inline `<t>`.
                var j = i
                while j < n && b[j] != UInt8(ascii: "<") { j += 1 }
                if collecting && !Self.decode(b, i, j, into: &text) { return false }
                i = j
                continue
            }
            guard i + 1 < n else { return false }
            switch b[i + 1] {
            case UInt8(ascii: "?"):
                guard let end = Self.find(b, "?>", from: i + 2) else { return false }
                i = end + 2
            case UInt8(ascii: "!"):
                if Self.hasPrefix(b, "<![CDATA[", at: i) {
                    guard let end = Self.find(b, "]]>", from: i + 9) else { return false }
                    if collecting { text.append(contentsOf: b[(i + 9)..<end]) }
                    i = end + 3
                } else if Self.hasPrefix(b, "<!--", at: i) {
                    guard let end = Self.find(b, "-->", from: i + 4) else { return false }
                    i = end + 3
                } else {
                    guard let end = Self.find(b, ">", from: i + 2) else { return false }
                    i = end + 1
                }
            case UInt8(ascii: "/"):
                guard let end = Self.find(b, ">", from: i + 2) else { return false }
                let name = Self.localName(b, i + 2, end)
                endElement(b, name)
                i = end + 1
            default:
                guard let close = tagEnd(b, from: i + 1) else { return false }
                let selfClosing = b[close - 1] == UInt8(ascii: "/")
                let nameEnd = Self.nameEnd(b, i + 1, close)
                let name = Self.localName(b, i + 1, nameEnd)
                startElement(b, name, attributes: nameEnd..<(selfClosing ? close - 1 : close))
                if selfClosing { endElement(b, name) }
                i = close + 1
            }
        }
        return true
    }

    /// The `>` closing a start tag, skipping quoted attribute values.
    private func tagEnd(_ b: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var quote: UInt8 = 0
        var k = start
        while k < b.count {
            let c = b[k]
            if quote != 0 {
                if c == quote { quote = 0 }
            } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                quote = c
            } else if c == UInt8(ascii: ">") {
                return k
            }
            k += 1
        }
        return nil
    }

    private mutating func startElement(_ b: UnsafeBufferPointer<UInt8>, _ name: Range<Int>, attributes: Range<Int>) {
        switch Self.word(b, name) {
        case .row:
            currentRow = Self.attribute(b, "r", in: attributes).flatMap { Int(Self.string(b, $0)) } ?? nextRow
            nextRow = currentRow + 1
            nextColumn = 1
        case .c:
            // Read on the bytes, without a String per attribute (they were a fifth of the scan).
            reference =
                Self.attribute(b, "r", in: attributes).flatMap { Self.cellReference(b, $0) }
                ?? CellReference(row: max(currentRow, 1), column: nextColumn)
            nextColumn = (reference?.column ?? nextColumn) + 1
            if let t = Self.attribute(b, "t", in: attributes) {
                typeText = t.count == 1 && b[t.lowerBound] == UInt8(ascii: "s") ? "s" : Self.string(b, t)
            } else {
                typeText = "n"
            }
            style = Self.attribute(b, "s", in: attributes).flatMap { Self.number(b, $0) } ?? 0
            value = nil
        case .v:
            text.removeAll(keepingCapacity: true)
            collecting = true
        case .inline: inInline = true
        case .t where inInline:
            text.removeAll(keepingCapacity: true)
            collecting = true
        case .mergeCell:
            if let ref = Self.attribute(b, "ref", in: attributes), let range = CellReference.range(Self.string(b, ref)) {
                merged.append(range)
            }
        default: break
        }
    }

    private mutating func endElement(_ b: UnsafeBufferPointer<UInt8>, _ name: Range<Int>) {
        switch Self.word(b, name) {
        case .v:
            value = text
            collecting = false
        case .t where inInline:
            value = (value ?? []) + text
            collecting = false
        case .inline: inInline = false
        case .c:
            if let reference, let value, let kind = kind(value) { cells.append(XLSXCell(reference: reference, kind: kind)) }
            reference = nil
        default: break
        }
    }

    /// The cell's value read by its `t=` and `s=` (as the reference reader in the tests does).
    private mutating func kind(_ bytes: [UInt8]) -> XLSXCell.Kind? {
        var v: String { String(decoding: bytes, as: UTF8.self) }
        switch typeText {
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
            // Foundation's trimming took a quarter of a 500,000-row load: trim ASCII blanks on the bytes, and
            // leave it only a value that starts or ends with a non-ASCII byte (a Unicode space, maybe).
            var lo = 0
            var hi = bytes.count
            while lo < hi && (bytes[lo] == 0x20 || bytes[lo] == 0x09) { lo += 1 }
            while hi > lo && (bytes[hi - 1] == 0x20 || bytes[hi - 1] == 0x09) { hi -= 1 }
            let t =
                lo < hi && (bytes[lo] >= 0x80 || bytes[hi - 1] >= 0x80)
                ? v.trimmingCharacters(in: .whitespaces) : String(decoding: bytes[lo..<hi], as: UTF8.self)
            if t.isEmpty { return nil }
            switch formats.indices.contains(style) ? formats[style] : .number {
            case .number: return .number(t)
            case .date: return .dateSerial(t)
            case .period: return .periodSerial(t)
            }
        }
    }

    // MARK: Bytes

    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }

    /// Where a tag's name ends (at a space, `/` or `>`).
    private static func nameEnd(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ limit: Int) -> Int {
        var k = start
        while k < limit && !isSpace(b[k]) && b[k] != UInt8(ascii: "/") && b[k] != UInt8(ascii: ">") { k += 1 }
        return k
    }

    /// The name without its namespace prefix, trimmed of spaces (for an end tag).
    private static func localName(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Range<Int> {
        var e = end
        while e > start && isSpace(b[e - 1]) { e -= 1 }
        var s = start
        for k in start..<e where b[k] == UInt8(ascii: ":") { s = k + 1 }
        return s..<e
    }

    /// The elements the sheet needs.
    private enum Tag { case row, c, v, inline, t, mergeCell, other }

    /// The few names the sheet needs, compared without building a string for the others.
    private static func word(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Tag {
        switch r.count {
        case 1:
            switch b[r.lowerBound] {
            case UInt8(ascii: "c"): return .c
            case UInt8(ascii: "v"): return .v
            case UInt8(ascii: "t"): return .t
            default: return .other
            }
        case 2 where b[r.lowerBound] == UInt8(ascii: "i") && b[r.lowerBound + 1] == UInt8(ascii: "s"): return .inline
        case 3 where equals(b, r, "row"): return .row
        case 9 where equals(b, r, "mergeCell"): return .mergeCell
        default: return .other
        }
    }

    private static func equals(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, _ s: StaticString) -> Bool {
        guard r.count == s.utf8CodeUnitCount else { return false }
        let p = s.utf8Start
        for k in 0..<r.count where b[r.lowerBound + k] != p[k] { return false }
        return true
    }

    private static func hasPrefix(_ b: UnsafeBufferPointer<UInt8>, _ s: StaticString, at i: Int) -> Bool {
        i + s.utf8CodeUnitCount <= b.count && equals(b, i..<(i + s.utf8CodeUnitCount), s)
    }

    private static func find(_ b: UnsafeBufferPointer<UInt8>, _ s: StaticString, from start: Int) -> Int? {
        let first = s.utf8Start[0]
        var k = start
        while k + s.utf8CodeUnitCount <= b.count {
            if b[k] == first && hasPrefix(b, s, at: k) { return k }
            k += 1
        }
        return nil
    }

    /// The decoded value of attribute `name` (without prefix) among `attributes`, as a byte range; values
    /// holding a character reference are rare here (`r`, `t`, `s`, `ref`) and are read as written.
    private static func attribute(_ b: UnsafeBufferPointer<UInt8>, _ name: StaticString, in attributes: Range<Int>) -> Range<Int>? {
        var k = attributes.lowerBound
        let end = attributes.upperBound
        while k < end {
            while k < end && isSpace(b[k]) { k += 1 }
            let nameStart = k
            while k < end && b[k] != UInt8(ascii: "=") && !isSpace(b[k]) { k += 1 }
            let attrName = localName(b, nameStart, k)
            while k < end && (isSpace(b[k]) || b[k] == UInt8(ascii: "=")) { k += 1 }
            guard k < end else { return nil }
            let quote = b[k]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return nil }
            let valueStart = k + 1
            k = valueStart
            while k < end && b[k] != quote { k += 1 }
            if equals(b, attrName, name) { return valueStart..<k }
            k += 1
        }
        return nil
    }

    /// `C17` on the bytes, by the rules of ``CellReference/init(_:)``.
    private static func cellReference(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> CellReference? {
        CellReference(utf8: UnsafeBufferPointer(rebasing: b[r]))
    }

    /// A non-negative decimal number; nil when empty, too long or not digits.
    private static func number(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Int? {
        guard !r.isEmpty, r.count <= 9 else { return r.isEmpty ? nil : Int(string(b, r)) }
        var n = 0
        for k in r {
            guard b[k] >= 0x30 && b[k] <= 0x39 else { return Int(string(b, r)) }
            n = n * 10 + Int(b[k] - 0x30)
        }
        return n
    }

    private static func string(_ b: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[r]), as: UTF8.self)
    }

    /// Appends `b[start..<end]` with character references decoded; false for a malformed one.
    private static func decode(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, into out: inout [UInt8]) -> Bool {
        var k = start
        while k < end {
            let c = b[k]
            guard c == UInt8(ascii: "&") else {
                out.append(c)
                k += 1
                continue
            }
            var semi = k + 1
            while semi < end && b[semi] != UInt8(ascii: ";") && semi - k < 12 { semi += 1 }
            guard semi < end, b[semi] == UInt8(ascii: ";") else { return false }
            let body = (k + 1)..<semi
            if equals(b, body, "amp") {
                out.append(UInt8(ascii: "&"))
            } else if equals(b, body, "lt") {
                out.append(UInt8(ascii: "<"))
            } else if equals(b, body, "gt") {
                out.append(UInt8(ascii: ">"))
            } else if equals(b, body, "quot") {
                out.append(UInt8(ascii: "\""))
            } else if equals(b, body, "apos") {
                out.append(UInt8(ascii: "'"))
            } else if body.count > 1, b[body.lowerBound] == UInt8(ascii: "#") {
                let hex = b[body.lowerBound + 1] == UInt8(ascii: "x")
                let digits = string(b, (body.lowerBound + (hex ? 2 : 1))..<semi)
                guard let code = UInt32(digits, radix: hex ? 16 : 10), let scalar = Unicode.Scalar(code) else { return false }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            } else {
                return false
            }
            k = semi + 1
        }
        return true
    }
}
