/// A cell's position in a worksheet, parsed from an A1-style reference such as `C17`.
///
/// Rows and columns are 1-based, as in the workbook.
struct CellReference: Hashable, Sendable {
    var row: Int
    var column: Int

    /// Parses `C17` (letters then digits, `$` anchors ignored); nil when malformed.
    init?(_ text: some StringProtocol) { self.init(utf8: text.utf8) }

    /// Parses `C17` from its UTF-8 bytes.
    init?(utf8 bytes: some Sequence<UInt8>) {
        var col = 0, row = 0, sawLetter = false, sawDigit = false
        for u in bytes {
            switch u {
            case UInt8(ascii: "$"): continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z") where !sawDigit:
                col = col * 26 + Int(u - UInt8(ascii: "A")) + 1
                sawLetter = true
            case UInt8(ascii: "a")...UInt8(ascii: "z") where !sawDigit:
                col = col * 26 + Int(u - UInt8(ascii: "a")) + 1
                sawLetter = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                row = row * 10 + Int(u - UInt8(ascii: "0"))
                sawDigit = true
            default: return nil
            }
            if col > 16_384 || row > 1_048_576 { return nil }
        }
        guard sawLetter, sawDigit, row > 0 else { return nil }
        self.row = row
        self.column = col
    }

    /// Creates a reference from 1-based row and column numbers.
    init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// The column's letters: 1 → `A`, 27 → `AA`.
    static func letters(_ column: Int) -> String {
        var n = column
        var out: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            out.append(Character(Unicode.Scalar(UInt8(ascii: "A") + UInt8(r))))
            n = (n - 1) / 26
        }
        return String(out.reversed())
    }

    /// `C17`.
    var text: String { Self.letters(column) + String(row) }

    /// Parses a range `A5:H900` (or a single cell); nil when malformed or reversed.
    static func range(_ text: String) -> ClosedRange<CellReference>? {
        let parts = text.split(separator: ":")
        guard parts.count == 1 || parts.count == 2, let a = CellReference(parts[0]), let b = CellReference(parts[parts.count - 1]) else {
            return nil
        }
        guard a.row <= b.row, a.column <= b.column else { return nil }
        return a...b
    }
}

extension CellReference: Comparable {
    /// Row-major order (only used to form ranges; containment is checked per axis).
    static func < (a: CellReference, b: CellReference) -> Bool { (a.row, a.column) < (b.row, b.column) }
}
